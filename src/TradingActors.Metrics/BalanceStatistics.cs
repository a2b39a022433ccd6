namespace TradingActors.Metrics;

/// <summary>
/// The balance statistics of DESIGN §3, in its key order. Every field is null without a balance observation;
/// return-based ratios are null with fewer than two daily returns (see <see cref="ReturnStats"/>).
/// <c>total_return</c> = current / initial − 1 over raw observations; drawdowns are positive fractions over raw
/// observations; durations are fractional days.
/// </summary>
public sealed record BalanceStatistics(
    double? InitialBalance,
    double? CurrentBalance,
    double? PeakBalance,
    double? TotalReturn,
    double? Cagr,
    double? AnnualVolatility,
    double? SharpeRatio,
    double? SortinoRatio,
    double? CalmarRatio,
    double? Var95,
    double? Cvar95,
    double? MaxDrawdown,
    double? CurrentDrawdown,
    double? MaxDrawdownDurationDays,
    double? DaysSincePeak)
{
    /// <summary>No balance observation: every figure undefined.</summary>
    public static readonly BalanceStatistics Empty = new(
        null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);

    /// <summary>
    /// The statistics from running accumulators — raw-observation drawdowns and the daily series with its moments —
    /// the live fold's form; <see cref="BalanceStats.Of"/> is the whole-array reference.
    /// </summary>
    public static BalanceStatistics Of(in DrawdownTracker dd, in DailyCloseSeries daily, MetricSettings s)
    {
        if (dd.Count == 0)
        {
            return Empty;
        }
        var m = daily.Moments();
        var lowest = daily.LowestSortedReturns();
        var returns = daily.ReturnCount;
        var cagr = ReturnStats.Cagr(daily.FirstClose, daily.LastClose, returns, s);
        return new BalanceStatistics(
            dd.Initial,
            dd.Last,
            dd.Peak,
            dd.Last / dd.Initial - 1.0,
            cagr,
            ReturnStats.AnnualVolatility(m.Count, m.Mean, m.SampleStd, s),
            ReturnStats.Sharpe(m.Count, m.Mean, m.SampleStd, s),
            ReturnStats.Sortino(m.Count, m.Mean, m.DownsideDeviation, s),
            ReturnStats.Calmar(cagr, dd.MaxDrawdown),
            ReturnStats.ValueAtRiskSortedPrefix(lowest, returns),
            ReturnStats.ExpectedShortfallSortedPrefix(lowest, returns),
            dd.MaxDrawdown,
            dd.CurrentDrawdown,
            dd.MaxDrawdownDurationDays,
            dd.DaysSincePeak);
    }
}
