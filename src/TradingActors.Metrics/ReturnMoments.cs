namespace TradingActors.Metrics;

/// <summary>
/// Running moments of a return series for the volatility, Sharpe and Sortino ratios in O(1) per return: Welford's
/// mean and M2 (the sum of squared deviations) and the sum of squared shortfalls below the MAR. A value type.
/// </summary>
/// <remarks>
/// Welford's update does not add in the order of the two-pass batch formulas of <see cref="ReturnStats"/>, so the two
/// agree within 1e-12 relative, not to the last bit (tested; docs/metrics.md).
/// </remarks>
public readonly record struct ReturnMoments(long Count, double Mean, double M2, double ShortfallSumSq, double MarPerPeriod)
{
    /// <summary>No returns; shortfalls are measured below <paramref name="marPerPeriod"/>.</summary>
    public static ReturnMoments Empty(double marPerPeriod) => new(0, 0.0, 0.0, 0.0, marPerPeriod);

    /// <summary>With one more return (Welford: mean += δ/n, M2 += δ·(r − new mean)).</summary>
    public ReturnMoments Plus(double r)
    {
        var n = Count + 1;
        var delta = r - Mean;
        var nextMean = Mean + delta / n;
        var nextM2 = M2 + delta * (r - nextMean);
        var shortfall = Math.Min(r - MarPerPeriod, 0.0);
        return new ReturnMoments(n, nextMean, nextM2, ShortfallSumSq + shortfall * shortfall, MarPerPeriod);
    }

    /// <summary>
    /// With <paramref name="k"/> more returns of exactly 0 — the days a forward-filled close does not move — in O(1) by
    /// Chan et al.'s pairwise merge of a group (k, mean 0, M2 0).
    /// </summary>
    public ReturnMoments PlusZeros(long k)
    {
        if (k <= 0)
        {
            return this;
        }
        var n = Count + k;
        var delta = -Mean;
        var nextMean = Mean + delta * k / n;
        var nextM2 = M2 + delta * delta * ((double)Count * k / n);
        var shortfall = Math.Min(-MarPerPeriod, 0.0);
        return new ReturnMoments(n, nextMean, nextM2, ShortfallSumSq + k * (shortfall * shortfall), MarPerPeriod);
    }

    /// <summary>Sample standard deviation (ddof = 1); 0 with fewer than two returns.</summary>
    public double SampleStd => Count < 2 ? 0.0 : Math.Sqrt(M2 / (Count - 1));

    /// <summary>√(mean(min(r − MAR, 0)²)) over all returns; 0 when empty.</summary>
    public double DownsideDeviation => Count == 0 ? 0.0 : Math.Sqrt(ShortfallSumSq / Count);
}
