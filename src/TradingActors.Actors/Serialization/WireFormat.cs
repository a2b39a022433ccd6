using System.Runtime.Serialization;
using System.Text;
using TradingActors.Metrics;

namespace TradingActors.Actors.Serialization;

/// <summary>
/// The conventions every message of the journal shares (<c>performance_events.proto</c>): instants as epoch
/// milliseconds plus 100-ns ticks, UTC days as day numbers, doubles with explicit presence. Reading checks what the
/// schema cannot (a required double present, ticks within a millisecond, a day within <see cref="DateOnly"/>) and
/// refuses a payload that breaks it with a <see cref="SerializationException"/> naming the field.
/// </summary>
internal static class WireFormat
{
    private static readonly UTF8Encoding StrictUtf8 =
        new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// An instant as epoch milliseconds (floored, as <see cref="Domain.Events.Instants.ToEpochMs"/>) and the 100-ns
    /// ticks past that millisecond (0..9999): the UTC instant exactly, the offset dropped.
    /// </summary>
    /// <remarks>The epoch is a whole millisecond and <see cref="DateTimeOffset.UtcTicks"/> is never negative, so the
    /// remainder is the one of the floor, also before 1970.</remarks>
    public static (long Ms, int Ticks) Split(DateTimeOffset time) =>
        (time.ToUnixTimeMilliseconds(), (int)(time.UtcTicks % TimeSpan.TicksPerMillisecond));

    /// <summary>The instant <see cref="Split"/> gave, in UTC (offset zero).</summary>
    /// <exception cref="SerializationException">The ticks are not within a millisecond, or the instant is outside
    /// the range of <see cref="DateTimeOffset"/>.</exception>
    public static DateTimeOffset Join(long ms, int ticks, string field)
    {
        if (ticks is < 0 or >= (int)TimeSpan.TicksPerMillisecond)
        {
            throw new SerializationException($"{field}_ticks is {ticks}, not within a millisecond (0..9999)");
        }
        const long minMs = -62_135_596_800_000L; // 0001-01-01T00:00:00Z
        const long maxMs = 253_402_300_799_999L; // 9999-12-31T23:59:59.999Z
        if (ms is < minMs or > maxMs)
        {
            throw new SerializationException($"{field}_ms is {ms}, outside the range of an instant");
        }
        return DateTimeOffset.FromUnixTimeMilliseconds(ms).AddTicks(ticks);
    }

    /// <summary>
    /// <paramref name="value"/> when protobuf's UTF-8 keeps it exactly; a string with an unpaired surrogate would be
    /// written with U+FFFD in its place (and a trade id would then have another digest on replay), so it is refused.
    /// </summary>
    /// <exception cref="ArgumentException">The string is not well-formed UTF-16.</exception>
    public static string Text(string value, string field)
    {
        ArgumentNullException.ThrowIfNull(value, field);
        if (value.AsSpan().ContainsAnyInRange('\uD800', '\uDFFF'))
        {
            try
            {
                _ = StrictUtf8.GetByteCount(value);
            }
            catch (EncoderFallbackException e)
            {
                throw new ArgumentException(
                    $"{field} has an unpaired surrogate at {e.Index}: not valid text", field, e);
            }
        }
        return value;
    }

    /// <summary>A required double: present on the wire (explicit presence keeps −0.0), else refused.</summary>
    /// <exception cref="SerializationException">The field is absent.</exception>
    public static double Required(bool present, double value, string field) =>
        present ? value : throw new SerializationException($"{field} is missing");

    /// <summary>A required message field: present, else refused.</summary>
    /// <exception cref="SerializationException">The field is absent.</exception>
    public static T Required<T>(T? value, string field)
        where T : class =>
        value ?? throw new SerializationException($"{field} is missing");

    /// <summary>A UTC calendar date as its day number since 1970-01-01 (<see cref="Time.DayOf"/>).</summary>
    public static long Day(DateOnly date) => Time.DayOf(date);

    /// <summary>The date of a day number since 1970-01-01.</summary>
    /// <exception cref="SerializationException">The day is outside the range of <see cref="DateOnly"/>.</exception>
    public static DateOnly Date(long day, string field)
    {
        const long minDay = -719_162L; // 0001-01-01
        const long maxDay = 2_932_896L; // 9999-12-31
        return day is >= minDay and <= maxDay
            ? Time.DateOf(day)
            : throw new SerializationException($"{field} is {day}, outside the range of a date");
    }
}
