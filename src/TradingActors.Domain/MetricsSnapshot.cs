using TradingActors.Domain.State;
using TradingActors.Metrics;

namespace TradingActors.Domain;

/// <summary>
/// What a strategy's performance is after a given journal position: every metric of DESIGN §3 plus the 7- and 30-day
/// windows and the current day's figures. Published after every persisted batch; the risk manager orders snapshots by
/// <see cref="SequenceNr"/>.
/// </summary>
/// <param name="StrategyId">the strategy</param>
/// <param name="SequenceNr">the journal sequence number of the last event folded in (0 before any event)</param>
/// <param name="AsOf">time of the latest event folded in, null before any event</param>
/// <param name="Metrics">every metric, keyed as in DESIGN §3</param>
/// <param name="Rolling7d">the trailing 7 days as of <paramref name="AsOf"/></param>
/// <param name="Rolling30d">the trailing 30 days</param>
/// <param name="Today">the UTC day of <paramref name="AsOf"/>: opening balance and net pnl; null before any event</param>
public sealed record MetricsSnapshot(
    string StrategyId,
    long SequenceNr,
    DateTimeOffset? AsOf,
    PerformanceMetrics Metrics,
    WindowStatistics Rolling7d,
    WindowStatistics Rolling30d,
    DayFigures? Today)
{
    /// <summary>The snapshot of <paramref name="state"/> at journal position <paramref name="sequenceNr"/>.</summary>
    public static MetricsSnapshot Of(string strategyId, long sequenceNr, in PerformanceState state) => new(
        strategyId,
        sequenceNr,
        state.AsOf,
        state.Metrics(),
        state.Rolling(RollingWindows.SevenDaysMs),
        state.Rolling(RollingWindows.ThirtyDaysMs),
        state.Today());
}
