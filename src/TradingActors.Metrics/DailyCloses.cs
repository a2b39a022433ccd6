namespace TradingActors.Metrics;

/// <summary>
/// The daily close series of DESIGN §3 from a whole array of balance observations: the last balance of each UTC
/// calendar day, forward-filled over days without one, from the day of the first balance to the day of the last.
/// </summary>
/// <param name="FirstDay">the UTC day (days since the epoch) of <c>Closes[0]</c></param>
/// <param name="Closes">one close per consecutive calendar day</param>
public sealed record DailyCloses(long FirstDay, double[] Closes)
{
    /// <summary>Observations in non-decreasing time order; no observations give no closes.</summary>
    public static DailyCloses Of(ReadOnlySpan<long> timesMs, ReadOnlySpan<double> balances)
    {
        if (timesMs.Length == 0)
        {
            return new DailyCloses(0, []);
        }
        var firstDay = Time.UtcDay(timesMs[0]);
        var lastDay = Time.UtcDay(timesMs[^1]);
        var closes = new double[checked((int)(lastDay - firstDay + 1))];
        var filled = 0;
        var close = balances[0];
        for (var i = 0; i < timesMs.Length; i++)
        {
            var dayIndex = (int)(Time.UtcDay(timesMs[i]) - firstDay);
            while (filled < dayIndex)
            {
                closes[filled++] = close;
            }
            close = balances[i];
        }
        closes[filled] = close;
        return new DailyCloses(firstDay, closes);
    }
}
