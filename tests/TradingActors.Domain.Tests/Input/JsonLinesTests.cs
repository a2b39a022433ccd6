using System.Text;
using TradingActors.Domain.Input;
using static TradingActors.Domain.Tests.Input.Fixtures;

namespace TradingActors.Domain.Tests.Input;

/// <summary>
/// JSON Lines cases beyond the JVM suite, pinning down what its Jackson configuration did: escapes, repeated keys in
/// nested objects, the order of the checks, and the type descriptions in messages.
/// </summary>
public sealed class JsonLinesTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Escaped_names_and_strings_are_read_as_their_text()
    {
        var line = JsonRow(Trade("T1"))
            .Replace("\"pnl\"", "\"p\\u006el\"", StringComparison.Ordinal)
            .Replace("\"BTCUSDT\"", "\"BTC\\u0055SDT\\t\"", StringComparison.Ordinal)
            .Replace("\"T1\"", "\"T\\\"1\\\"\"", StringComparison.Ordinal);
        var file = _dir.Write("t.jsonl", line + "\n");

        var trade = TradeFileReader.Read(file)[0].Trade;

        Assert.Equal("T\"1\"", trade.TradeId);
        Assert.Equal("BTCUSDT", trade.Symbol); // the escaped tab is stripped like any surrounding blank
        Assert.Equal(40.07, trade.Pnl);
    }

    [Fact]
    public void A_key_repeated_through_an_escape_is_a_duplicate()
    {
        var file = _dir.Write(
            "t.jsonl", JsonRow(Trade("T1")).Replace("}", ",\"p\\u006el\":1}", StringComparison.Ordinal) + "\n");

        AssertRejected(() => TradeFileReader.Read(file), 1, "pnl");
    }

    [Fact]
    public void A_key_repeated_in_a_nested_object_is_rejected_before_the_field_type()
    {
        var file = _dir.Write(
            "t.jsonl",
            JsonRow(Trade("T1"))
                .Replace("\"pnl\":40.07", "\"pnl\":{\"a\":1,\"a\":2}", StringComparison.Ordinal) + "\n");

        var e = AssertRejected(() => TradeFileReader.Read(file), 1, "a");
        Assert.Equal("appears more than once in the object", e.Reason);
    }

    [Fact]
    public void A_nested_value_where_a_number_belongs_is_described()
    {
        var file = _dir.Write(
            "t.jsonl",
            JsonRow(Trade("T1")).Replace("\"pnl\":40.07", "\"pnl\":[1]", StringComparison.Ordinal) + "\n"
            + JsonRow(Trade("T2")).Replace("\"fees\":2.1", "\"fees\":true", StringComparison.Ordinal) + "\n");

        Assert.Equal(
            "must be a JSON number, got an array", AssertRejected(() => TradeFileReader.Read(file), 1, "pnl").Reason);
    }

    [Fact]
    public void A_boolean_where_a_number_belongs_is_described()
    {
        var file = _dir.Write(
            "t.jsonl", JsonRow(Trade("T2")).Replace("\"fees\":2.1", "\"fees\":true", StringComparison.Ordinal) + "\n");

        Assert.Equal(
            "must be a JSON number, got the boolean true",
            AssertRejected(() => TradeFileReader.Read(file), 1, "fees").Reason);
    }

    [Fact]
    public void An_empty_required_string_is_empty_not_missing()
    {
        var file = _dir.Write(
            "t.jsonl", JsonRow(Trade("T1")).Replace("\"BTCUSDT\"", "\" \"", StringComparison.Ordinal));

        Assert.Equal("is required but empty", AssertRejected(() => TradeFileReader.Read(file), 1, "symbol").Reason);
    }

    [Fact]
    public void The_unknown_field_is_reported_after_the_whole_line_is_checked()
    {
        // Jackson read the whole line before looking at names: the later duplicate wins over the earlier unknown name.
        var file = _dir.Write(
            "t.jsonl", JsonRow(Trade("T1")).Replace("{", "{\"comment\":1,", StringComparison.Ordinal)
                .Replace("}", ",\"fees\":3}", StringComparison.Ordinal));

        AssertRejected(() => TradeFileReader.Read(file), 1, "fees");
    }

    [Theory]
    [InlineData("5", "must be a JSON object, got the number 5")]
    [InlineData("null", "must be a JSON object, got null")]
    [InlineData("\"x\"", "must be a JSON object, got the string 'x'")]
    public void A_line_that_is_not_an_object_is_described(string line, string reason)
    {
        var file = _dir.Write("t.jsonl", line + "\n");

        Assert.Equal(reason, AssertRejected(() => TradeFileReader.Read(file), 1, null).Reason);
    }

    [Fact]
    public void A_nan_inside_an_array_names_no_field()
    {
        var file = _dir.Write(
            "t.jsonl", JsonRow(Trade("T1")).Replace("\"pnl\":40.07", "\"pnl\":[1,NaN]", StringComparison.Ordinal));

        Assert.Equal(
            "must be a finite number; NaN and Infinity are not JSON numbers",
            AssertRejected(() => TradeFileReader.Read(file), 1, null).Reason);
    }

    [Fact]
    public void Invalid_json_names_the_column_in_characters()
    {
        var file = _dir.Write("t.jsonl", "{\"é\":1,x}\n"); // x is the 8th character and the 9th byte

        var e = AssertRejected(() => TradeFileReader.Read(file), 1, null);
        Assert.StartsWith("is not valid JSON at column 8: ", e.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain("LineNumber", e.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void An_epoch_time_outside_years_1_to_9999_is_refused()
    {
        var file = _dir.Write(
            "t.jsonl",
            JsonRow(Trade("T1")).Replace("\"2025-03-01T14:00:00Z\"", "-99999999999999", StringComparison.Ordinal));

        Assert.Equal(
            "'-99999999999999' is out of range for epoch milliseconds",
            AssertRejected(() => TradeFileReader.Read(file), 1, "entry_time").Reason);
    }

    [Fact]
    public void A_line_that_is_not_utf8_is_rejected()
    {
        byte[] bytes = [.. Encoding.UTF8.GetBytes(JsonRow(Trade("T1")) + "\n"), 0x7B, 0xFF, 0x7D, 0x0A];
        var file = _dir.Write("t.jsonl", bytes);

        var e = AssertRejected(() => TradeFileReader.Read(file), 0, null);
        Assert.Equal(
            "is not valid UTF-8 text (the bad bytes are at or after line 2); save the file as UTF-8", e.Reason);
    }
}
