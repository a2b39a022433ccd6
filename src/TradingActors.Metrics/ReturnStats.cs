namespace TradingActors.Metrics;

/// <summary>
/// Risk and return ratios over a series of periodic (daily) simple returns, DESIGN §3. Each has a batch form over an
/// array (two-pass, textbook order: the reference) and a finishing form over moments that <see cref="ReturnMoments"/>
/// feeds. Undefined answers are null: fewer than two returns, a zero deviation, a zero drawdown.
/// </summary>
public static class ReturnStats
{
    /// <summary>With fewer returns than this, every return-based statistic is undefined.</summary>
    public const int MinReturns = 2;

    /// <summary>The percentile of value at risk: VaR 95 and CVaR 95 look at the 5th percentile of returns.</summary>
    public const double VarPercentile = 5.0;

    /// <summary>Arithmetic mean, summed in order; 0 for no values.</summary>
    public static double Mean(ReadOnlySpan<double> r)
    {
        if (r.Length == 0)
        {
            return 0.0;
        }
        var sum = 0.0;
        foreach (var x in r)
        {
            sum += x;
        }
        return sum / r.Length;
    }

    /// <summary>Sample standard deviation (ddof = 1), two-pass; 0 for fewer than two values.</summary>
    public static double SampleStd(ReadOnlySpan<double> r)
    {
        if (r.Length < 2)
        {
            return 0.0;
        }
        var m = Mean(r);
        var ss = 0.0;
        foreach (var x in r)
        {
            var d = x - m;
            ss += d * d;
        }
        return Math.Sqrt(ss / (r.Length - 1));
    }

    /// <summary>Downside deviation √(mean(min(r − mar, 0)²)) over <em>all</em> returns (zeros count); 0 when empty.</summary>
    public static double DownsideDeviation(ReadOnlySpan<double> r, double marPerPeriod)
    {
        if (r.Length == 0)
        {
            return 0.0;
        }
        var ss = 0.0;
        foreach (var x in r)
        {
            var d = Math.Min(x - marPerPeriod, 0.0);
            ss += d * d;
        }
        return Math.Sqrt(ss / r.Length);
    }

    /// <summary>Sharpe = (mean(r) − rf/A) / std(r, ddof=1) · √A; null with fewer than two returns or zero deviation.</summary>
    public static double? Sharpe(ReadOnlySpan<double> r, MetricSettings s) => Sharpe(r.Length, Mean(r), SampleStd(r), s);

    /// <inheritdoc cref="Sharpe(ReadOnlySpan{double}, MetricSettings)"/>
    public static double? Sharpe(long n, double mean, double sampleStd, MetricSettings s)
    {
        if (n < MinReturns || IsZeroDeviation(sampleStd, mean))
        {
            return null;
        }
        return (mean - s.RiskFreePerPeriod) / sampleStd * Math.Sqrt(s.PeriodsPerYear);
    }

    /// <summary>
    /// A deviation that is only rounding noise: a constant return c sums to a mean a few ulps off c, which leaves a
    /// deviation near 1e-16·|c| instead of 0. At or below 1e-12 of the mean (or exactly 0) counts as zero, so a flat
    /// series gives null, not a ratio of 10¹⁵.
    /// </summary>
    public static bool IsZeroDeviation(double deviation, double mean) =>
        !(deviation > 0) || deviation <= 1e-12 * Math.Abs(mean);

    /// <summary>
    /// Annual volatility = std(r, ddof=1) · √A; null with fewer than two returns; exactly 0 for a flat or
    /// constant-return series (its computed deviation is rounding noise, see <see cref="IsZeroDeviation"/>).
    /// </summary>
    public static double? AnnualVolatility(ReadOnlySpan<double> r, MetricSettings s) =>
        AnnualVolatility(r.Length, Mean(r), SampleStd(r), s);

    /// <inheritdoc cref="AnnualVolatility(ReadOnlySpan{double}, MetricSettings)"/>
    public static double? AnnualVolatility(long n, double mean, double sampleStd, MetricSettings s)
    {
        if (n < MinReturns)
        {
            return null;
        }
        return IsZeroDeviation(sampleStd, mean) ? 0.0 : sampleStd * Math.Sqrt(s.PeriodsPerYear);
    }

    /// <summary>
    /// Sortino = (mean(r) − MAR/A) / √(mean(min(r − MAR/A, 0)²)) · √A, the downside deviation over all returns; null
    /// with fewer than two returns or no return below MAR/A.
    /// </summary>
    public static double? Sortino(ReadOnlySpan<double> r, MetricSettings s) =>
        Sortino(r.Length, Mean(r), DownsideDeviation(r, s.MarPerPeriod), s);

    /// <inheritdoc cref="Sortino(ReadOnlySpan{double}, MetricSettings)"/>
    public static double? Sortino(long n, double mean, double downsideDeviation, MetricSettings s)
    {
        if (n < MinReturns || !(downsideDeviation > 0))
        {
            return null;
        }
        return (mean - s.MarPerPeriod) / downsideDeviation * Math.Sqrt(s.PeriodsPerYear);
    }

    /// <summary>
    /// CAGR = (last close / first close)^(A / number of returns) − 1; null with fewer than two returns (one day's change
    /// compounded over a year says nothing), and null when the compounded growth is too large for a double (a
    /// hundredfold in two days: 100^182.5), never an infinity.
    /// </summary>
    public static double? Cagr(double firstClose, double lastClose, long returns, MetricSettings s)
    {
        if (returns < MinReturns || !(firstClose > 0) || !(lastClose > 0))
        {
            return null;
        }
        var cagr = Math.Pow(lastClose / firstClose, (double)s.PeriodsPerYear / returns) - 1.0;
        return double.IsFinite(cagr) ? cagr : null;
    }

    /// <summary>
    /// Calmar = cagr / max_drawdown; null when cagr is undefined, there was no drawdown, or the quotient is too large
    /// for a double.
    /// </summary>
    public static double? Calmar(double? cagr, double? maxDrawdown)
    {
        if (cagr is not { } c || maxDrawdown is not { } dd || !(dd > 0))
        {
            return null;
        }
        var calmar = c / dd;
        return double.IsFinite(calmar) ? calmar : null;
    }

    /// <summary>
    /// The p-th percentile (0–100) of ascending-sorted values by linear interpolation between closest ranks: rank
    /// h = p/100 · (n − 1) (NumPy's default <c>linear</c>, Hyndman–Fan type 7, Excel's PERCENTILE.INC). Needs values.
    /// </summary>
    public static double Percentile(ReadOnlySpan<double> sorted, double p) => PercentileOfPrefix(sorted, sorted.Length, p);

    /// <summary>
    /// <see cref="Percentile"/> of <paramref name="n"/> ascending-sorted values of which only a prefix is given: it must
    /// reach index <see cref="PercentileUpperIndex"/>(n, p).
    /// </summary>
    public static double PercentileOfPrefix(ReadOnlySpan<double> prefix, int n, double p)
    {
        var rank = p / 100.0 * (n - 1);
        var lo = (int)Math.Floor(rank);
        var hi = Math.Min(lo + 1, n - 1);
        var frac = rank - lo;
        return prefix[lo] + (prefix[hi] - prefix[lo]) * frac;
    }

    /// <summary>The highest index of the sorted values that <see cref="Percentile"/> reads for n values.</summary>
    public static int PercentileUpperIndex(int n, double p) => Math.Min((int)Math.Floor(p / 100.0 * (n - 1)) + 1, n - 1);

    /// <summary>VaR 95 = −(5th percentile of r, linear interpolation); positive for a loss; null with fewer than two.</summary>
    public static double? Var95(ReadOnlySpan<double> r) => ValueAtRiskSortedPrefix(SortedCopy(r), r.Length);

    /// <summary>
    /// VaR 95 of n returns sorted ascending of which the prefix holds the lowest, at least up to index
    /// <see cref="PercentileUpperIndex"/>(n, 5).
    /// </summary>
    public static double? ValueAtRiskSortedPrefix(ReadOnlySpan<double> prefix, int n) =>
        n < MinReturns ? null : Negate(PercentileOfPrefix(prefix, n, VarPercentile));

    /// <summary>CVaR 95 = −mean of the returns at or below the 5th percentile (ties included); null with fewer than two.</summary>
    public static double? Cvar95(ReadOnlySpan<double> r) => ExpectedShortfallSortedPrefix(SortedCopy(r), r.Length);

    /// <summary>
    /// CVaR 95 of n returns sorted ascending of which the prefix holds the lowest: at least up to index
    /// <see cref="PercentileUpperIndex"/>(n, 5) and every return the tail takes. The tail is summed from the worst up.
    /// </summary>
    public static double? ExpectedShortfallSortedPrefix(ReadOnlySpan<double> prefix, int n)
    {
        if (n < MinReturns)
        {
            return null;
        }
        var q = PercentileOfPrefix(prefix, n, VarPercentile);
        var sum = 0.0;
        var count = 0;
        foreach (var x in prefix)
        {
            if (x > q)
            {
                break;
            }
            sum += x;
            count++;
        }
        // The smallest return is always <= the interpolated 5th percentile, so count >= 1.
        return Negate(sum / count);
    }

    /// <summary>Close-to-close simple returns, c[i] / c[i−1] − 1: n closes give n − 1 returns.</summary>
    public static double[] SimpleReturns(ReadOnlySpan<double> closes)
    {
        if (closes.Length < 2)
        {
            return [];
        }
        var r = new double[closes.Length - 1];
        for (var i = 1; i < closes.Length; i++)
        {
            r[i - 1] = closes[i] / closes[i - 1] - 1.0;
        }
        return r;
    }

    /// <summary>
    /// −x, but +0.0 for a zero: unary minus turns the 0 of a flat series into −0.0, which JSON would show as "-0.0".
    /// 0.0 − x is exactly −x for every other value.
    /// </summary>
    private static double Negate(double x) => 0.0 - x;

    private static double[] SortedCopy(ReadOnlySpan<double> r)
    {
        var copy = r.ToArray();
        Array.Sort(copy);
        return copy;
    }
}
