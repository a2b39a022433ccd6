namespace TradingActors.Actors.Tests.Serialization;

/// <summary>The tests that share one <see cref="SerializationSystem"/>.</summary>
[CollectionDefinition(Name)]
public sealed class SerializationCollection : ICollectionFixture<SerializationSystem>
{
    public const string Name = "serialization";
}
