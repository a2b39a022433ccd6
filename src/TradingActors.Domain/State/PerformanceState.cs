using TradingActors.Domain.Events;
using TradingActors.Metrics;

namespace TradingActors.Domain.State;

/// <summary>
/// A strategy's performance as one immutable value, changed only by <see cref="Apply"/>: the fold that the live actor,
/// the journal replay and the backtest <c>report</c> all run, which is why their metrics are identical to the bit.
/// </summary>
/// <remarks>
/// <para>A value type whose parts are value-type accumulators and stores shared between versions, so that a step of
/// the fold allocates nothing on the steady path. Memory does not grow with balance ticks: trades are kept as a running
/// tally, their ids as 128-bit digests (idempotency) and the last 30 days of outcomes (rolling windows); balances as a
/// running drawdown, one close per calendar day and the last <see cref="RecentBalancePoints"/> raw observations.</para>
/// <para><see cref="Apply"/> is total. Inputs are validated before they get here (<see cref="EventValidator"/> and
/// <see cref="CheckOrder"/>); should an unvalidated event arrive anyway, a repeated trade id changes nothing and a
/// balance older than the last one is taken as observed at the last balance time, so the fold never throws.</para>
/// </remarks>
public readonly struct PerformanceState : IEquatable<PerformanceState>
{
    /// <summary>
    /// Raw balance observations kept for the balance history, which serves one close per calendar day for the whole
    /// history plus these points for the latest detail: the last two hours of one-a-minute ticks (or the last 128 of
    /// sparser ones), at most 4 KB.
    /// </summary>
    public const int RecentBalancePoints = 128;

    private readonly long _asOfMs;

    private PerformanceState(
        MetricSettings settings, long eventCount, long asOfMs, TradeTally tally, TradeIdSet tradeIds,
        TradeWindow recentTrades, DrawdownTracker drawdown, DailyCloseSeries daily, BalanceWindow recentBalances,
        DayTrades today)
    {
        Settings = settings;
        EventCount = eventCount;
        _asOfMs = asOfMs;
        TodayTrades = today;
        Tally = tally;
        TradeIds = tradeIds;
        RecentTrades = recentTrades;
        Drawdown = drawdown;
        Daily = daily;
        RecentBalances = recentBalances;
    }

    /// <summary>The state before any event, folding with <paramref name="settings"/>.</summary>
    public static PerformanceState Empty(MetricSettings settings) => new(
        settings, 0, long.MinValue, TradeTally.Empty, default, default, default,
        DailyCloseSeries.Empty(settings.MarPerPeriod), BalanceWindow.Empty(RecentBalancePoints), default);

    /// <summary>
    /// Rebuilds a state from its parts exactly (a snapshot of the journal). The parts come from a state's own
    /// properties; nothing is re-folded.
    /// </summary>
    public static PerformanceState Restore(
        MetricSettings settings, long eventCount, long asOfMs, TradeTally tally, TradeIdSet tradeIds,
        TradeWindow recentTrades, DrawdownTracker drawdown, DailyCloseSeries daily, BalanceWindow recentBalances,
        DayTrades today) =>
        new(settings, eventCount, asOfMs, tally, tradeIds, recentTrades, drawdown, daily, recentBalances, today);

    /// <summary>The conventions the fold's ratios use.</summary>
    public MetricSettings Settings { get; }

    /// <summary>Events that changed the state (a repeated trade id does not count).</summary>
    public long EventCount { get; }

    /// <summary>Time of the latest event in epoch ms (a trade's exit or a balance), <c>long.MinValue</c> before any.</summary>
    public long AsOfMs => _asOfMs;

    /// <summary>Time of the latest event, or null before any event.</summary>
    public DateTimeOffset? AsOf => EventCount == 0 ? null : Instants.FromEpochMs(_asOfMs);

    /// <summary>The running trade statistics.</summary>
    public TradeTally Tally { get; }

    /// <summary>The recorded trade ids.</summary>
    public TradeIdSet TradeIds { get; }

    /// <summary>The trades of the last 30 days (up to the latest event), in recording order.</summary>
    public TradeWindow RecentTrades { get; }

    /// <summary>The running peak and drawdown over every balance observation.</summary>
    public DrawdownTracker Drawdown { get; }

    /// <summary>One close per UTC day, with the moments of the daily returns.</summary>
    public DailyCloseSeries Daily { get; }

    /// <summary>The last <see cref="RecentBalancePoints"/> raw balance observations, oldest first.</summary>
    public BalanceWindow RecentBalances { get; }

    /// <summary>
    /// The trades that exited on the UTC day of the latest event, counted and summed in recording order: the same
    /// figures a scan of the recent trades would give, kept in O(1) because the risk rules read them after every event.
    /// </summary>
    public DayTrades TodayTrades { get; }

    /// <summary>Trades recorded.</summary>
    public long TradeCount => Tally.Total;

    /// <summary>The state after one more event; this state itself when the event changes nothing (a retried trade).</summary>
    public PerformanceState Apply(IPerformanceEvent performanceEvent) => performanceEvent switch
    {
        TradeClosed trade => ApplyTrade(trade),
        BalanceUpdated balance => ApplyBalance(balance),
        _ => throw new ArgumentException($"unknown event type {performanceEvent.GetType().Name}"),
    };

    private PerformanceState ApplyTrade(TradeClosed t)
    {
        var ids = TradeIds.Plus(t.TradeId);
        if (ids.Count == TradeIds.Count)
        {
            return this;
        }
        var outcome = new TradeOutcome(
            Instants.ToEpochMs(t.EntryTime), Instants.ToEpochMs(t.ExitTime), t.Pnl, t.Fees, t.Slippage, t.RiskReward);
        var asOf = Math.Max(_asOfMs, outcome.ExitTimeMs);
        var today = TodayTrades.As(_asOfMs, asOf);
        if (Time.UtcDay(outcome.ExitTimeMs) == Time.UtcDay(asOf))
        {
            today = today.Plus(outcome.Pnl);
        }
        return new PerformanceState(
            Settings,
            EventCount + 1,
            asOf,
            Tally.Plus(outcome),
            ids,
            RecentTrades.Plus(outcome.ExitTimeMs, outcome.Pnl, outcome.RiskReward)
                .DropExitedUpTo(asOf - RollingWindows.ThirtyDaysMs),
            Drawdown,
            Daily,
            RecentBalances,
            today);
    }

    private PerformanceState ApplyBalance(BalanceUpdated b)
    {
        var time = Instants.ToEpochMs(b.Time);
        if (Drawdown.Count > 0)
        {
            time = Math.Max(time, Drawdown.LastTimeMs);
        }
        var asOf = Math.Max(_asOfMs, time);
        return new PerformanceState(
            Settings,
            EventCount + 1,
            asOf,
            Tally,
            TradeIds,
            RecentTrades.DropExitedUpTo(asOf - RollingWindows.ThirtyDaysMs),
            Drawdown.Plus(time, b.Balance),
            Daily.Plus(time, b.Balance),
            RecentBalances.Plus(time, b.Balance),
            TodayTrades.As(_asOfMs, asOf));
    }

    /// <summary>
    /// The ordering rule for balances: an observation older than the last recorded one is rejected (never reordered into
    /// the past); one at the same instant is accepted and becomes the latest. Trades may close in any order.
    /// </summary>
    public Violation? CheckOrder(BalanceUpdated b)
    {
        if (Drawdown.Count > 0 && Instants.ToEpochMs(b.Time) < Drawdown.LastTimeMs)
        {
            return new Violation(
                "time",
                $"balance time {Instants.Format(b.Time)} is before the last recorded balance time " +
                $"{Instants.Format(Instants.FromEpochMs(Drawdown.LastTimeMs))}; balances must arrive in time order");
        }
        return null;
    }

    /// <summary>
    /// Whether <paramref name="b"/> is one of the last recorded balances exactly (same instant, same value): a retried
    /// update — possibly a whole retried batch — which is acknowledged and not recorded again. A different value at the
    /// last instant is a correction and is recorded; anything older is out of order.
    /// </summary>
    public bool IsRecentlyRecorded(BalanceUpdated b)
    {
        var t = Instants.ToEpochMs(b.Time);
        for (var i = RecentBalances.Count - 1; i >= 0 && RecentBalances.TimeMs(i) >= t; i--)
        {
            if (RecentBalances.TimeMs(i) == t && RecentBalances.Balance(i).Equals(b.Balance))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Whether a trade with this id has been recorded (a retry is acknowledged and changes nothing).</summary>
    public bool HasTrade(string tradeId) => TradeIds.Contains(tradeId);

    /// <summary>Every metric of DESIGN §3 as of the latest event.</summary>
    public PerformanceMetrics Metrics() =>
        new(Tally.Statistics(), BalanceStatistics.Of(Drawdown, Daily, Settings));

    /// <summary>
    /// Trailing-window statistics ending at the latest event time: the trades that exited in the window and the Sharpe
    /// ratio of the daily returns into the window's days (<see cref="RollingWindows.ReturnDays"/>). At most 30 days.
    /// </summary>
    public WindowStatistics Rolling(long windowMs)
    {
        if (windowMs > RollingWindows.ThirtyDaysMs)
        {
            throw new ArgumentOutOfRangeException(nameof(windowMs), "the state keeps 30 days of trades");
        }
        var (fromDay, toDay) = RollingWindows.ReturnDays(_asOfMs, windowMs);
        var returns = EventCount == 0 ? [] : Daily.ReturnsIntoDays(fromDay, toDay);
        return RecentTrades.Statistics(_asOfMs, windowMs, returns, Settings);
    }

    /// <summary>The figures of the UTC day of the latest event (what the daily loss limit reads); null before any.</summary>
    public DayFigures? Today() => DayFigures.Of(this);

    public bool Equals(PerformanceState other) =>
        EventCount == other.EventCount
        && _asOfMs == other._asOfMs
        && Equals(Settings, other.Settings)
        && Tally.Equals(other.Tally)
        && Drawdown.Equals(other.Drawdown)
        && Daily.Equals(other.Daily)
        && TradeIds.Equals(other.TradeIds)
        && RecentTrades.Equals(other.RecentTrades)
        && RecentBalances.Equals(other.RecentBalances)
        && TodayTrades.Equals(other.TodayTrades);

    public override bool Equals(object? obj) => obj is PerformanceState other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(EventCount, _asOfMs, Tally.Total, Drawdown.Count);

    public static bool operator ==(PerformanceState left, PerformanceState right) => left.Equals(right);

    public static bool operator !=(PerformanceState left, PerformanceState right) => !left.Equals(right);
}
