using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using TradingActors.Domain.Events;

namespace TradingActors.Domain.Input;

/// <summary>
/// Parses a time of an input file (DESIGN §2): ISO-8601 with an offset or epoch milliseconds. Accepted, as the JVM
/// build accepted them:
/// <list type="bullet">
/// <item>ISO-8601 <c>yyyy-MM-ddTHH:mm[:ss[.fraction]]</c> then <c>Z</c> or <c>±HH[:mm[:ss]]</c> (at most 18:00),
/// <c>T</c> and <c>Z</c> in either case, 0 to 9 fraction digits (kept to the 100 ns tick; the fold counts whole
/// milliseconds), and a single space in place of the <c>T</c> as RFC 3339 allows and pandas writes
/// (<c>2025-03-01 14:00:00+00:00</c>);</item>
/// <item>epoch milliseconds: ASCII digits with an optional leading minus.</item>
/// </list>
/// A local time without an offset is rejected rather than assumed to be UTC: daily closes are cut at UTC midnight
/// (DESIGN §3), so guessing the zone of a backtest exported in local time would silently move trades between days.
/// Instants are returned in UTC and must lie in years 1 to 9999 (the range of <see cref="DateTimeOffset"/>).
/// </summary>
public static class TimeParser
{
    private const string Expected = "expected ISO-8601 with an offset (2025-03-01T14:00:00Z) or epoch milliseconds";
    private static readonly long MinEpochMs = DateTimeOffset.MinValue.ToUnixTimeMilliseconds();
    private static readonly long MaxEpochMs = DateTimeOffset.MaxValue.ToUnixTimeMilliseconds();

    /// <summary>The instant the text denotes; surrounding whitespace is ignored.</summary>
    /// <exception cref="FormatException">With a message meant for the user (quoting the text).</exception>
    public static DateTimeOffset Parse(string text) =>
        TryParse(text, out var time, out var reason) ? time : throw new FormatException(reason);

    /// <summary>
    /// The instant the text denotes, in UTC; on failure <paramref name="reason"/> is a message meant for the user,
    /// quoting the text (e.g. <c>'2025-03-01T14:00:00' has no offset; needs an offset such as Z or +02:00, or epoch
    /// milliseconds</c>).
    /// </summary>
    public static bool TryParse(
        ReadOnlySpan<char> text, out DateTimeOffset time, [NotNullWhen(false)] out string? reason)
    {
        time = default;
        var trimmed = InputText.Strip(text);
        if (trimmed.IsEmpty)
        {
            reason = "is empty; expected ISO-8601 with an offset or epoch milliseconds";
            return false;
        }
        if (IsInteger(trimmed))
        {
            if (long.TryParse(trimmed, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var ms)
                && TryFromEpochMs(ms, out time))
            {
                reason = null;
                return true;
            }
            reason = OutOfRangeEpochMs(trimmed);
            return false;
        }
        var local = ParseLocal(trimmed, out var ticks, out var consumed);
        if (local == Local.DateTime && consumed < trimmed.Length
            && TryParseOffset(trimmed[consumed..], out var offsetSeconds))
        {
            var utcTicks = ticks - (offsetSeconds * TimeSpan.TicksPerSecond);
            if (ticks >= 0 && utcTicks >= DateTime.MinValue.Ticks && utcTicks <= DateTime.MaxValue.Ticks)
            {
                time = new DateTimeOffset(utcTicks, TimeSpan.Zero);
                reason = null;
                return true;
            }
            reason = $"{InputFileException.Quote(text)} is out of range; years 1 to 9999 (UTC) are supported";
            return false;
        }
        reason = local != Local.Invalid && consumed == trimmed.Length
            ? $"{InputFileException.Quote(text)} has no offset; needs an offset such as Z or +02:00, "
                + "or epoch milliseconds"
            : $"{InputFileException.Quote(text)} is not a time; {Expected}";
        return false;
    }

    /// <summary>The instant of epoch milliseconds when it lies in years 1 to 9999.</summary>
    internal static bool TryFromEpochMs(long ms, out DateTimeOffset time)
    {
        if (ms < MinEpochMs || ms > MaxEpochMs)
        {
            time = default;
            return false;
        }
        time = Instants.FromEpochMs(ms);
        return true;
    }

    /// <summary>The reason given for epoch milliseconds outside what an instant can hold.</summary>
    internal static string OutOfRangeEpochMs(ReadOnlySpan<char> digits) =>
        $"{InputFileException.Quote(digits)} is out of range for epoch milliseconds";

    private enum Local
    {
        Invalid,
        Date,
        DateTime,
    }

    /// <summary>Digits only, optional leading minus: the epoch-milliseconds form. ASCII digits only.</summary>
    private static bool IsInteger(ReadOnlySpan<char> text)
    {
        var digits = text[0] == '-' ? text[1..] : text;
        return !digits.IsEmpty && !digits.ContainsAnyExceptInRange('0', '9');
    }

    /// <summary>
    /// Reads an ISO local date (<c>yyyy-MM-dd</c>) and, after <c>T</c> (or a space at index 10), a local time
    /// (<c>HH:mm[:ss[.fffffffff]]</c>), as far as they go. <paramref name="ticks"/> is the local date-time in ticks
    /// (-1 for the valid ISO year 0, which <see cref="DateTime"/> cannot hold); <paramref name="consumed"/> is where
    /// the
    /// date or date-time ends.
    /// </summary>
    private static Local ParseLocal(ReadOnlySpan<char> s, out long ticks, out int consumed)
    {
        ticks = 0;
        consumed = 0;
        if (s.Length < 10 || !Digits(s, 0, 4, out var year) || s[4] != '-' || !Digits(s, 5, 2, out var month)
            || s[7] != '-' || !Digits(s, 8, 2, out var day) || month is < 1 or > 12 || day < 1
            || day > DaysInMonth(year, month))
        {
            return Local.Invalid;
        }
        consumed = 10;
        if (s.Length == 10)
        {
            return Local.Date;
        }
        if (s[10] is not ('T' or 't' or ' ') || s.Length < 16 || !Digits(s, 11, 2, out var hour) || s[13] != ':'
            || !Digits(s, 14, 2, out var minute) || hour > 23 || minute > 59)
        {
            return Local.Invalid;
        }
        var i = 16;
        var second = 0;
        long fraction = 0;
        if (i < s.Length && s[i] == ':')
        {
            if (!Digits(s, i + 1, 2, out second) || second > 59)
            {
                return Local.Invalid;
            }
            i += 3;
            if (i < s.Length && s[i] == '.')
            {
                i++;
                var digits = 0;
                while (i < s.Length && digits < 9 && char.IsAsciiDigit(s[i]))
                {
                    if (digits < 7)
                    {
                        fraction = (fraction * 10) + (s[i] - '0');
                    }
                    digits++;
                    i++;
                }
                for (; digits < 7; digits++)
                {
                    fraction *= 10;
                }
            }
        }
        consumed = i;
        ticks = year == 0
            ? -1
            : new DateTime(year, month, day, hour, minute, second, DateTimeKind.Utc).Ticks + fraction;
        return Local.DateTime;
    }

    /// <summary>
    /// <c>Z</c> (either case) or <c>±HH</c>, <c>±HH:mm</c>, <c>±HH:mm:ss</c> to the end of the text, at most 18 hours:
    /// Java's ISO offset parsed leniently, as <c>ISO_OFFSET_DATE_TIME</c> does.
    /// </summary>
    private static bool TryParseOffset(ReadOnlySpan<char> s, out long seconds)
    {
        seconds = 0;
        if (s is ['Z' or 'z'])
        {
            return true;
        }
        if (s.Length < 3 || s[0] is not ('+' or '-') || !Digits(s, 1, 2, out var hours) || hours > 23)
        {
            return false;
        }
        int minutes = 0, secs = 0;
        var i = 3;
        if (i < s.Length)
        {
            if (s[i] != ':' || !Digits(s, i + 1, 2, out minutes) || minutes > 59)
            {
                return false;
            }
            i += 3;
            if (i < s.Length && (s[i] != ':' || !Digits(s, i + 1, 2, out secs) || secs > 59 || i + 3 != s.Length))
            {
                return false;
            }
        }
        seconds = (hours * 3600L) + (minutes * 60L) + secs;
        if (seconds > 18 * 3600)
        {
            return false;
        }
        if (s[0] == '-')
        {
            seconds = -seconds;
        }
        return true;
    }

    private static bool Digits(ReadOnlySpan<char> s, int start, int count, out int value)
    {
        value = 0;
        if (start + count > s.Length)
        {
            return false;
        }
        for (var i = start; i < start + count; i++)
        {
            if (!char.IsAsciiDigit(s[i]))
            {
                return false;
            }
            value = (value * 10) + (s[i] - '0');
        }
        return true;
    }

    /// <summary>Days of the month in the proleptic Gregorian calendar, ISO year 0 (a leap year) included.</summary>
    private static int DaysInMonth(int year, int month) => year == 0
        ? (month == 2 ? 29 : DateTime.DaysInMonth(2000, month))
        : DateTime.DaysInMonth(year, month);
}
