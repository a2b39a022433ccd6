namespace TradingActors.Actors.Node;

/// <summary>A node configuration that cannot work (a bad key or value, a missing variable): exit code 2, named.</summary>
public sealed class NodeConfigurationException(string message) : Exception(message);
