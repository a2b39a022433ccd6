using Akka.Actor;
using TradingActors.Actors.Serialization;

namespace TradingActors.Actors.Tests.Serialization;

/// <summary>
/// One actor system with <see cref="SerializationConfig"/>'s bindings and nothing else, shared by the serialization
/// tests (<see cref="SerializationCollection"/>): messages go through <c>system.Serialization</c> as the journal's
/// would.
/// </summary>
public sealed class SerializationSystem : IAsyncLifetime
{
    public ActorSystem System { get; } = ActorSystem.Create("serialization-tests", SerializationConfig.Config());

    public Akka.Serialization.Serialization Serialization => System.Serialization;

    /// <summary>The system's <see cref="TradingActorsSerializer"/>.</summary>
    public TradingActorsSerializer Serializer =>
        (TradingActorsSerializer)Serialization.FindSerializerForType(typeof(Performance.PerformanceSnapshot));

    /// <summary>
    /// <paramref name="message"/> written and read back as the journal would: the serializer Akka picks for its type
    /// (which must be <see cref="TradingActorsSerializer"/>), its manifest, and <c>Deserialize</c> by identifier and
    /// manifest. The message read back must write the same bytes: every stored bit came back.
    /// </summary>
    public T RoundTrip<T>(T message)
        where T : notnull
    {
        var serializer = Assert.IsType<TradingActorsSerializer>(Serialization.FindSerializerFor(message));
        var bytes = serializer.ToBinary(message);
        var manifest = serializer.Manifest(message);
        var back = Serialization.Deserialize(bytes, serializer.Identifier, manifest);
        var typed = Assert.IsType<T>(back);
        Assert.Equal(bytes, serializer.ToBinary(typed));
        return typed;
    }

    /// <summary>A serializer of the system restoring performance snapshots with other settings.</summary>
    public TradingActorsSerializer SerializerWith(TradingActors.Metrics.MetricSettings settings) =>
        new((ExtendedActorSystem)System, settings);

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => System.Terminate();
}
