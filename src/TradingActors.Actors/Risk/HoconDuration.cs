using System.Globalization;

namespace TradingActors.Actors.Risk;

/// <summary>
/// HOCON's duration format, as the HOCON specification (and the JVM build's reader) defines it: a number, optional
/// whitespace, and a unit of <c>ns, us, ms, s, m, h, d</c> or their long forms (<c>nanos</c>, <c>micros</c>,
/// <c>millis</c>, <c>seconds</c>, <c>minutes</c>, <c>hours</c>, <c>days</c>, singular or plural; case-sensitive).
/// Unlike Akka.NET's <c>GetTimeSpan</c>, a negative duration parses (so that the policy can say why it is refused)
/// and a bare number does not.
/// </summary>
internal static class HoconDuration
{
    /// <summary>Parses <paramref name="text"/>; false when it has no number, no unit or an unknown unit, or does not
    /// fit a <see cref="TimeSpan"/>.</summary>
    public static bool TryParse(string text, out TimeSpan duration)
    {
        duration = default;
        var s = text.Trim();
        var unitStart = s.Length;
        while (unitStart > 0 && char.IsLetter(s[unitStart - 1]))
        {
            unitStart--;
        }
        var unit = s[unitStart..];
        var number = s[..unitStart].Trim();
        if (number.Length == 0 || unit.Length == 0)
        {
            return false;
        }
        if (unit.Length > 2 && !unit.EndsWith('s'))
        {
            unit += "s";
        }
        double? ticksPerUnit = unit switch
        {
            "ns" or "nanos" or "nanoseconds" => TimeSpan.TicksPerMillisecond / 1_000_000.0,
            "us" or "micros" or "microseconds" => TimeSpan.TicksPerMillisecond / 1_000.0,
            "ms" or "millis" or "milliseconds" => TimeSpan.TicksPerMillisecond,
            "s" or "seconds" => TimeSpan.TicksPerSecond,
            "m" or "minutes" => TimeSpan.TicksPerMinute,
            "h" or "hours" => TimeSpan.TicksPerHour,
            "d" or "days" => TimeSpan.TicksPerDay,
            _ => null,
        };
        if (ticksPerUnit is not { } factor
            || !decimal.TryParse(number, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint
                | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out var value))
        {
            return false;
        }
        // A TimeSpan holds under 10^19 ticks: bound the product before computing it exactly.
        if ((double)Math.Abs(value) * factor > 1e19)
        {
            return false;
        }
        var ticks = Math.Round(value * (decimal)factor);
        if (ticks < TimeSpan.MinValue.Ticks || ticks > TimeSpan.MaxValue.Ticks)
        {
            return false;
        }
        duration = TimeSpan.FromTicks((long)ticks);
        return true;
    }
}
