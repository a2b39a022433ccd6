namespace TradingActors.Metrics;

/// <summary>Millisecond arithmetic shared by the metrics: UTC calendar days and fractional days and hours.</summary>
public static class Time
{
    /// <summary>Milliseconds in a UTC calendar day (no leap seconds, as in Unix time).</summary>
    public const long MsPerDay = 86_400_000L;

    /// <summary>Milliseconds in an hour, as a double for fractional hours.</summary>
    public const double MsPerHour = 3_600_000.0;

    /// <summary>The UTC calendar day (days since 1970-01-01) holding the instant; floors for times before 1970.</summary>
    public static long UtcDay(long epochMs)
    {
        var day = epochMs / MsPerDay;
        return epochMs % MsPerDay < 0 ? day - 1 : day;
    }

    /// <summary>A duration in fractional days.</summary>
    public static double Days(long durationMs) => durationMs / (double)MsPerDay;

    /// <summary>The date of a UTC day number.</summary>
    public static DateOnly DateOf(long utcDay) => DateOnly.FromDayNumber(checked((int)(utcDay + EpochDayNumber)));

    /// <summary>The UTC day number of a date.</summary>
    public static long DayOf(DateOnly date) => date.DayNumber - EpochDayNumber;

    private static readonly int EpochDayNumber = new DateOnly(1970, 1, 1).DayNumber;
}
