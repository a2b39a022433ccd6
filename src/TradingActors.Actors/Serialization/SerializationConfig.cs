using Akka.Configuration;
using TradingActors.Actors.Performance;
using TradingActors.Domain.Events;
using TradingActors.Domain.Risk;

namespace TradingActors.Actors.Serialization;

/// <summary>
/// The HOCON that binds the journal's messages to <see cref="TradingActorsSerializer"/> under the name
/// <see cref="SerializerName"/>: the performance events by their interface <see cref="IPerformanceEvent"/>, the risk
/// decisions by their base <see cref="RiskEvent"/>, and the two snapshots by type (Akka picks the most specific
/// binding of a message's runtime type, so a new event type of either family reaches this serializer, which refuses
/// it until it has a manifest, rather than falling back on a default serializer). Types are assembly-qualified.
/// </summary>
public static class SerializationConfig
{
    /// <summary>The serializer's name in <c>akka.actor.serializers</c>.</summary>
    public const string SerializerName = "trading-actors";

    /// <summary>The types bound to the serializer.</summary>
    public static IReadOnlyList<Type> BoundTypes { get; } =
        [typeof(IPerformanceEvent), typeof(RiskEvent), typeof(PerformanceSnapshot), typeof(RiskState)];

    /// <summary>
    /// <c>akka.actor.serializers</c> and <c>akka.actor.serialization-bindings</c> for <see cref="BoundTypes"/>, to be
    /// put in front of (<c>WithFallback</c>) the rest of a node's configuration.
    /// </summary>
    public static string Hocon() =>
        $$"""
        akka.actor {
          serializers {
            {{SerializerName}} = "{{QualifiedName(typeof(TradingActorsSerializer))}}"
          }
          serialization-bindings {
        {{string.Join("\n", BoundTypes.Select(t => $"    \"{QualifiedName(t)}\" = {SerializerName}"))}}
          }
        }
        """;

    /// <summary><see cref="Hocon"/> parsed.</summary>
    public static Config Config() => ConfigurationFactory.ParseString(Hocon());

    /// <summary>"Namespace.Type, Assembly": the form Akka resolves with <see cref="Type.GetType(string)"/>.</summary>
    private static string QualifiedName(Type type) => $"{type.FullName}, {type.Assembly.GetName().Name}";
}
