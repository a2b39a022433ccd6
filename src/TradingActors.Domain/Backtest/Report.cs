using TradingActors.Domain.Risk;
using TradingActors.Metrics;

namespace TradingActors.Domain.Backtest;

/// <summary>
/// The answer of <c>report</c> and <c>replay</c> (DESIGN §4): <c>{"metrics": {…}, …}</c> with the keys of DESIGN §3.
/// </summary>
/// <param name="StrategyId">the strategy, when known (null for a single-strategy file without strategy_id)</param>
/// <param name="Settings">the conventions the ratios were computed with</param>
/// <param name="Trades">trades folded in</param>
/// <param name="Balances">balance observations folded in (observed or derived)</param>
/// <param name="AsOf">time of the latest event</param>
/// <param name="Metrics">every metric of DESIGN §3</param>
/// <param name="Rolling7d">the trailing 7-day window as of <paramref name="AsOf"/></param>
/// <param name="Rolling30d">the trailing 30-day window</param>
/// <param name="Periods">the period breakdown by period name (<c>monthly</c>…), in the order asked</param>
/// <param name="Exposure">the exposure multiplier the risk rules leave after the last event (1 = full size)</param>
/// <param name="RiskEvents">the risk decisions the live rules would have taken, each at its event time</param>
public sealed record Report(
    string? StrategyId,
    MetricSettings Settings,
    long Trades,
    long Balances,
    DateTimeOffset? AsOf,
    PerformanceMetrics Metrics,
    WindowStatistics Rolling7d,
    WindowStatistics Rolling30d,
    IReadOnlyList<KeyValuePair<string, IReadOnlyList<PeriodRow>>> Periods,
    double Exposure,
    IReadOnlyList<RiskEvent> RiskEvents);
