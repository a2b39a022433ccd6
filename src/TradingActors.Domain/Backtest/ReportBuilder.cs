using TradingActors.Domain.Events;
using TradingActors.Domain.Risk;
using TradingActors.Domain.State;
using TradingActors.Metrics;

namespace TradingActors.Domain.Backtest;

/// <summary>
/// Folds a stream of events into a <see cref="Report"/>: the state fold for the metrics, plus what the period breakdown
/// needs and the state deliberately forgets (the trades of every period, summed as they come), and the risk decisions the live rules would have
/// taken (<see cref="RiskTimeline"/>). <c>report</c> and <c>replay</c> both use it, so they print the same thing for the
/// same events. Not thread-safe; one per strategy.
/// </summary>
public sealed class ReportBuilder
{
    private readonly string? _strategyId;
    /// <summary>The trades by period, for every <see cref="Period"/> (indexed by its value).</summary>
    private readonly PeriodTrades[] _periods = [.. Enum.GetValues<Period>().Order().Select(p => new PeriodTrades(p))];
    private readonly RiskTimeline _risk;
    private PerformanceState _state;
    private long _balances;
    private long _sequenceNr;

    /// <summary>A builder folding with <paramref name="settings"/> whose risk decisions follow <paramref name="policy"/>.</summary>
    public ReportBuilder(string? strategyId, MetricSettings settings, RiskPolicy policy)
    {
        _strategyId = strategyId;
        _state = PerformanceState.Empty(settings);
        _risk = new RiskTimeline(policy);
    }

    /// <summary>The fold so far.</summary>
    public PerformanceState State => _state;

    /// <summary>
    /// One more event, as the live actor would persist it: a snapshot after every event that changes the state (a
    /// repeated trade id does not, nor does an exact repeat of a recent balance — same instant, same value — which the
    /// actor acknowledges without recording), decided by the risk rules at the event's time.
    /// </summary>
    public ReportBuilder Add(IPerformanceEvent performanceEvent)
    {
        if (performanceEvent is BalanceUpdated b && _state.IsRecentlyRecorded(b))
        {
            return this; // otherwise report would count (and fold) a row that import never journals
        }
        var next = _state.Apply(performanceEvent);
        if (next.EventCount == _state.EventCount)
        {
            return this;
        }
        switch (performanceEvent)
        {
            case TradeClosed t:
                var exitMs = Instants.ToEpochMs(t.ExitTime);
                foreach (var period in _periods)
                {
                    period.Add(exitMs, t.Pnl);
                }
                break;
            case BalanceUpdated:
                _balances++;
                break;
        }
        _state = next;
        _sequenceNr++;
        _risk.Observe(RiskInputsOf.State(_sequenceNr, _state));
        return this;
    }

    /// <summary>The report, with a period breakdown for each of <paramref name="periods"/>.</summary>
    public Report Build(IEnumerable<Period> periods)
    {
        var daily = new DailyCloses(_state.Daily.FirstDay, _state.Daily.Closes());
        var breakdown = new List<KeyValuePair<string, IReadOnlyList<PeriodRow>>>();
        foreach (var p in periods.Distinct())
        {
            breakdown.Add(new(p.WireName(), _periods[(int)p].Rows(daily)));
        }
        return new Report(
            _strategyId,
            _state.Settings,
            _state.TradeCount,
            _balances,
            _state.AsOf,
            _state.Metrics(),
            _state.Rolling(RollingWindows.SevenDaysMs),
            _state.Rolling(RollingWindows.ThirtyDaysMs),
            breakdown,
            _risk.State.Exposure,
            _risk.Events);
    }
}
