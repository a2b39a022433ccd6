using TradingActors.Metrics;

namespace TradingActors.Actors.Performance;

/// <summary>
/// How a <see cref="StrategyPerformanceActor"/> folds and persists.
/// </summary>
/// <param name="Metrics">the conventions of the fold (every node of a journal must use the same)</param>
/// <param name="SnapshotEvery">save a snapshot of the state after this many events since the last one, so recovery
/// reads a snapshot and a tail</param>
/// <param name="MaxEventsPerWrite">the most events gathered into one journal write from waiting commands</param>
public sealed record PerformanceActorSettings(MetricSettings Metrics, int SnapshotEvery, int MaxEventsPerWrite)
{
    /// <summary>Defaults: DESIGN's conventions, a snapshot every 10,000 events, writes of up to 5,000 events.</summary>
    public static readonly PerformanceActorSettings Defaults = new(MetricSettings.Defaults, 10_000, 5_000);
}
