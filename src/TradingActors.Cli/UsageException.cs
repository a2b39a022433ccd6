namespace TradingActors.Cli;

/// <summary>An option value that parses but makes no sense (<c>--period hourly</c>): exit code 2, message names it.</summary>
public sealed class UsageException(string message) : Exception(message);
