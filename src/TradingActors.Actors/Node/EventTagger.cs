using System.Collections.Immutable;
using Akka.Persistence.Journal;
using TradingActors.Domain.Events;
using TradingActors.Domain.Risk;

namespace TradingActors.Actors.Node;

/// <summary>
/// Tags every event as it is written, for the queries by tag (the SQL read model's projection): <c>performance</c> for
/// trades and balances, <c>risk</c> for risk decisions. Tags are a column of the journal row (<c>tag-write-mode =
/// Csv</c>).
/// </summary>
public sealed class EventTagger : IWriteEventAdapter
{
    public const string PerformanceTag = "performance";
    public const string RiskTag = "risk";

    private static readonly IImmutableSet<string> Performance = ImmutableHashSet.Create(PerformanceTag);
    private static readonly IImmutableSet<string> Risk = ImmutableHashSet.Create(RiskTag);

    public string Manifest(object evt) => string.Empty;

    public object ToJournal(object evt) => evt switch
    {
        IPerformanceEvent => new Tagged(evt, Performance),
        RiskEvent => new Tagged(evt, Risk),
        _ => evt,
    };
}
