using TradingActors.Domain.Events;
using TradingActors.Domain.Input;
using static TradingActors.Domain.Tests.Input.TradeFileReaderTests;

namespace TradingActors.Domain.Tests.Input;

/// <summary>
/// Port of the JVM build's <c>TimeParserTest</c>, every case (named on each), and the offset forms it took.
/// </summary>
public sealed class TimeParserTests
{
    // acceptsIsoWithOffsetAndEpochMilliseconds (nanoseconds are kept to the 100 ns tick here, to the ns on the JVM)
    [Theory]
    [InlineData("2025-03-01T14:00:00Z", "2025-03-01T14:00:00Z")]
    [InlineData("2025-03-01T16:00:00+02:00", "2025-03-01T14:00:00Z")]
    [InlineData("2025-03-01T09:30:00-04:30", "2025-03-01T14:00:00Z")]
    [InlineData("2025-03-01T14:00:00.123456789Z", "2025-03-01T14:00:00.1234567Z")]
    [InlineData("2025-03-01T14:00Z", "2025-03-01T14:00:00Z")]
    [InlineData("2025-03-01 14:00:00+00:00", "2025-03-01T14:00:00Z")]
    [InlineData("1740837600000", "2025-03-01T14:00:00Z")]
    [InlineData("1740837600001", "2025-03-01T14:00:00.001Z")]
    [InlineData("0", "1970-01-01T00:00:00Z")]
    [InlineData("-1000", "1969-12-31T23:59:59Z")]
    public void Accepts_iso_with_offset_and_epoch_milliseconds(string text, string expected)
    {
        var time = TimeParser.Parse(text);

        Assert.Equal(At(expected), time);
        Assert.Equal(TimeSpan.Zero, time.Offset);
    }

    // Not in the JVM suite: what Java's ISO_OFFSET_DATE_TIME (case-insensitive, lenient offset) also takes.
    [Theory]
    [InlineData("2025-03-01t14:00:00z", "2025-03-01T14:00:00Z")]
    [InlineData("2025-03-01T16:00:00+02", "2025-03-01T14:00:00Z")]
    [InlineData("2025-03-01T16:00:30+02:00:30", "2025-03-01T14:00:00Z")]
    [InlineData("2025-03-01T14:00:00-00:00", "2025-03-01T14:00:00Z")]
    [InlineData("2025-03-01T14:00:00.Z", "2025-03-01T14:00:00Z")]
    [InlineData("2025-03-02T08:00:00+18:00", "2025-03-01T14:00:00Z")]
    [InlineData("  2025-03-01T14:00:00Z\t", "2025-03-01T14:00:00Z")]
    [InlineData("2024-02-29T00:00:00Z", "2024-02-29T00:00:00Z")]
    public void Accepts_the_other_forms_of_the_jvm_builds_iso_parser(string text, string expected)
    {
        Assert.Equal(At(expected), TimeParser.Parse(text));
    }

    // rejectsALocalTimeAskingForAnOffset
    [Theory]
    [InlineData("2025-03-01T14:00:00")]
    [InlineData("2025-03-01 14:00:00")]
    [InlineData("2025-03-01T14:00:00.5")]
    [InlineData("2025-03-01")]
    public void Rejects_a_local_time_asking_for_an_offset(string text)
    {
        var e = Assert.Throws<FormatException>(() => TimeParser.Parse(text));
        Assert.Equal(
            $"'{text}' has no offset; needs an offset such as Z or +02:00, or epoch milliseconds", e.Message);
    }

    // rejectsWhatIsNotATime (plus offsets Java refuses too: no colon, over 18 hours, minutes over 59, a zone name)
    [Theory]
    [InlineData("yesterday")]
    [InlineData("2025-02-30T00:00:00Z")]
    [InlineData("2025-03-01T25:00:00Z")]
    [InlineData("1.7408376E12")]
    [InlineData("+1740837600000")]
    [InlineData("1740837600000ms")]
    [InlineData("--5")]
    [InlineData("-")]
    [InlineData("٢٠٢٥")]
    [InlineData("2025-03-01T14:00:00+0200")]
    [InlineData("2025-03-01T14:00:00+19:00")]
    [InlineData("2025-03-01T14:00:00+02:60")]
    [InlineData("2025-03-01T14:00:00 UTC")]
    [InlineData("2025-03-01T14:00:00.1234567891Z")]
    [InlineData("2023-02-29T00:00:00Z")]
    [InlineData("2025-03-01T14:00:60Z")]
    public void Rejects_what_is_not_a_time(string text)
    {
        var e = Assert.Throws<FormatException>(() => TimeParser.Parse(text));
        Assert.Contains($"'{text}' is not a time", e.Message, StringComparison.Ordinal);
    }

    // rejectsEpochMillisecondsBeyondLong
    [Fact]
    public void Rejects_epoch_milliseconds_beyond_long()
    {
        var e = Assert.Throws<FormatException>(() => TimeParser.Parse("99999999999999999999"));
        Assert.Contains("out of range for epoch milliseconds", e.Message, StringComparison.Ordinal);
    }

    // Not in the JVM suite (the JVM's Instant reaches further): instants outside years 1 to 9999 are refused.
    [Theory]
    [InlineData("253402300800000", "out of range for epoch milliseconds")]
    [InlineData("-62135596800001", "out of range for epoch milliseconds")]
    [InlineData("0000-06-01T00:00:00Z", "is out of range; years 1 to 9999 (UTC) are supported")]
    [InlineData("9999-12-31T23:00:00-02:00", "is out of range; years 1 to 9999 (UTC) are supported")]
    public void Rejects_instants_outside_years_1_to_9999(string text, string reason)
    {
        var e = Assert.Throws<FormatException>(() => TimeParser.Parse(text));
        Assert.Contains(reason, e.Message, StringComparison.Ordinal);
    }

    // rejectsBlankText
    [Fact]
    public void Rejects_blank_text()
    {
        var e = Assert.Throws<FormatException>(() => TimeParser.Parse("  "));
        Assert.Equal("is empty; expected ISO-8601 with an offset or epoch milliseconds", e.Message);
    }

    // epochMillisecondsAndIsoDenoteTheSameInstant: seeded random instants over years 1–9999 plus the range's ends.
    [Fact]
    public void Epoch_milliseconds_and_iso_denote_the_same_instant()
    {
        const long min = -62_135_596_800_000L;
        const long max = 253_402_300_799_999L;
        var random = new Random(20251122);
        List<long> samples = [min, max, 0L, -1L, 1L];
        for (var i = 0; i < 2_000; i++)
        {
            samples.Add(random.NextInt64(min, max + 1));
        }
        foreach (var millis in samples)
        {
            var instant = DateTimeOffset.FromUnixTimeMilliseconds(millis);
            Assert.Equal(instant, TimeParser.Parse(millis.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            Assert.Equal(instant, TimeParser.Parse(Instants.Format(instant)));
        }
    }
}
