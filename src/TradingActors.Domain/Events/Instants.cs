using System.Globalization;

namespace TradingActors.Domain.Events;

/// <summary>Instants as the product writes them and the fold counts them: UTC, epoch milliseconds.</summary>
public static class Instants
{
    /// <summary>
    /// ISO-8601 in UTC with a <c>Z</c>, seconds always, fractions only when present (<c>2025-03-01T14:00:00Z</c>,
    /// <c>2025-03-01T14:00:00.250Z</c>): the form the JVM build's JSON used, so clients see the same strings.
    /// </summary>
    public static string Format(DateTimeOffset time)
    {
        var utc = time.UtcDateTime;
        var format = (utc.Ticks % TimeSpan.TicksPerSecond) switch
        {
            0 => "yyyy-MM-dd'T'HH:mm:ss'Z'",
            var t when t % TimeSpan.TicksPerMillisecond == 0 => "yyyy-MM-dd'T'HH:mm:ss.fff'Z'",
            _ => "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'",
        };
        return utc.ToString(format, CultureInfo.InvariantCulture);
    }

    /// <summary>Epoch milliseconds of a UTC instant of the fold.</summary>
    public static DateTimeOffset FromEpochMs(long epochMs) => DateTimeOffset.FromUnixTimeMilliseconds(epochMs);

    /// <summary>Epoch milliseconds, floored (sub-millisecond parts are dropped, as the fold counts in ms).</summary>
    public static long ToEpochMs(DateTimeOffset time) => time.ToUnixTimeMilliseconds();
}
