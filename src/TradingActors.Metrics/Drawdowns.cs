namespace TradingActors.Metrics;

/// <summary>
/// Drawdown figures over every balance observation in time order (DESIGN §3), as whole-array functions: the batch
/// reference for <see cref="DrawdownTracker"/>. The first balance is the first peak; drawdowns are positive fractions of
/// the running peak. Every function needs at least one observation.
/// </summary>
public static class Drawdowns
{
    /// <summary>max over observations of 1 − balance / running peak; 0 when the balance never fell below a peak.</summary>
    public static double MaxDrawdown(ReadOnlySpan<double> balances)
    {
        var peak = balances[0];
        var max = 0.0;
        foreach (var b in balances)
        {
            if (b >= peak)
            {
                peak = b;
            }
            else
            {
                max = Math.Max(max, 1.0 - b / peak);
            }
        }
        return max;
    }

    /// <summary>1 − last balance / the peak of all observations; 0 at a peak.</summary>
    public static double CurrentDrawdown(ReadOnlySpan<double> balances)
    {
        var peak = balances[0];
        foreach (var b in balances)
        {
            peak = Math.Max(peak, b);
        }
        var last = balances[^1];
        return last >= peak ? 0.0 : 1.0 - last / peak;
    }

    /// <summary>
    /// The longest time in fractional days from a peak to the first later observation at or above it (its recovery),
    /// or to the last observation when the last drawdown has not recovered; 0 when the balance never fell below a peak.
    /// A peak's time is the last time the running peak was reached (returning exactly to it moves the peak time).
    /// </summary>
    public static double MaxDrawdownDurationDays(ReadOnlySpan<long> timesMs, ReadOnlySpan<double> balances)
    {
        var peak = balances[0];
        var peakTime = timesMs[0];
        var underwater = false;
        long longest = 0;
        for (var i = 0; i < balances.Length; i++)
        {
            if (balances[i] >= peak)
            {
                if (underwater)
                {
                    longest = Math.Max(longest, timesMs[i] - peakTime);
                    underwater = false;
                }
                peak = balances[i];
                peakTime = timesMs[i];
            }
            else
            {
                underwater = true;
            }
        }
        if (underwater)
        {
            longest = Math.Max(longest, timesMs[^1] - peakTime);
        }
        return Time.Days(longest);
    }

    /// <summary>Fractional days from the last time the running peak was reached to the last observation.</summary>
    public static double DaysSincePeak(ReadOnlySpan<long> timesMs, ReadOnlySpan<double> balances)
    {
        var peak = balances[0];
        var peakTime = timesMs[0];
        for (var i = 0; i < balances.Length; i++)
        {
            if (balances[i] >= peak)
            {
                peak = balances[i];
                peakTime = timesMs[i];
            }
        }
        return Time.Days(timesMs[^1] - peakTime);
    }
}
