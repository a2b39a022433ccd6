namespace TradingActors.Metrics;

/// <summary>
/// Running peak and drawdown over balance observations in time order: O(1) per observation, a value type that
/// allocates nothing. Agrees with <see cref="Drawdowns"/> to the last bit (the same comparisons, the same single
/// division per observation).
/// </summary>
/// <param name="Count">observations so far</param>
/// <param name="Initial">the first balance</param>
/// <param name="Last">the latest balance</param>
/// <param name="LastTimeMs">the latest observation time</param>
/// <param name="Peak">the running peak (the first balance is the first peak)</param>
/// <param name="PeakTimeMs">the last time the running peak was reached</param>
/// <param name="MaxDrawdown">max of 1 − balance / running peak so far</param>
/// <param name="Underwater">whether the latest observation is below the peak</param>
/// <param name="LongestRecoveredMs">longest peak-to-recovery time among the drawdowns that have recovered</param>
public readonly record struct DrawdownTracker(
    long Count,
    double Initial,
    double Last,
    long LastTimeMs,
    double Peak,
    long PeakTimeMs,
    double MaxDrawdown,
    bool Underwater,
    long LongestRecoveredMs)
{
    /// <summary>With one more observation, not earlier than the latest one.</summary>
    public DrawdownTracker Plus(long timeMs, double balance)
    {
        if (Count == 0)
        {
            return new DrawdownTracker(1, balance, balance, timeMs, balance, timeMs, 0.0, false, 0);
        }
        if (balance >= Peak)
        {
            var longest = Underwater ? Math.Max(LongestRecoveredMs, timeMs - PeakTimeMs) : LongestRecoveredMs;
            return new DrawdownTracker(Count + 1, Initial, balance, timeMs, balance, timeMs, MaxDrawdown, false, longest);
        }
        var drawdown = 1.0 - balance / Peak;
        return new DrawdownTracker(
            Count + 1, Initial, balance, timeMs, Peak, PeakTimeMs, Math.Max(MaxDrawdown, drawdown), true,
            LongestRecoveredMs);
    }

    /// <summary>1 − latest balance / peak; 0 at a peak.</summary>
    public double CurrentDrawdown => Last >= Peak ? 0.0 : 1.0 - Last / Peak;

    /// <summary>Longest peak-to-recovery time in days, an unrecovered drawdown counted up to the latest observation.</summary>
    public double MaxDrawdownDurationDays => Time.Days(Math.Max(LongestRecoveredMs, Underwater ? LastTimeMs - PeakTimeMs : 0));

    /// <summary>Days from the last time the peak was reached to the latest observation.</summary>
    public double DaysSincePeak => Time.Days(LastTimeMs - PeakTimeMs);
}
