using TradingActors.Domain.Events;
using TradingActors.Domain.Input;
using static TradingActors.Domain.Tests.Input.Fixtures;

namespace TradingActors.Domain.Tests.Input;

/// <summary>Port of the JVM build's <c>BalanceFileReaderTest</c>, every case; the Java test is named on each.</summary>
public sealed class BalanceFileReaderTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    // csvAndJsonLinesGiveIdenticalBalances
    [Fact]
    public void Csv_and_json_lines_give_identical_balances()
    {
        var csv = _dir.Write("b.csv", "time,balance\n2025-03-01T00:00:00Z,10000\n1740837600000,10040.07\r\n");
        var jsonl = _dir.Write(
            "b.jsonl",
            "{\"time\":\"2025-03-01T00:00:00Z\",\"balance\":10000}\n"
            + "{\"balance\":10040.07,\"time\":1740837600000}\n");

        BalanceUpdated[] expected =
        [
            new(TradeFileReaderTests.At("2025-03-01T00:00:00Z"), 10000),
            new(TradeFileReaderTests.At("2025-03-01T14:00:00Z"), 10040.07),
        ];
        Assert.Equal(expected, BalanceFileReader.Read(csv).Select(b => b.Balance));
        Assert.Equal([2L, 3L], BalanceFileReader.Read(csv).Select(b => b.Line));
        Assert.Equal(expected, BalanceFileReader.Read(jsonl).Select(b => b.Balance));
        Assert.Equal([1L, 2L], BalanceFileReader.Read(jsonl).Select(b => b.Line));
    }

    // columnOrderIsFree
    [Fact]
    public void Column_order_is_free()
    {
        var csv = _dir.Write("b.csv", "balance,time\n10000,2025-03-01T00:00:00Z\n");

        Assert.Equal(
            new BalanceUpdated(TradeFileReaderTests.At("2025-03-01T00:00:00Z"), 10000),
            BalanceFileReader.Read(csv)[0].Balance);
    }

    // aBalanceMustBePositive
    [Theory]
    [InlineData("-5", "must be greater than 0, got -5")]
    [InlineData("0", "must be greater than 0, got 0")]
    [InlineData("-0", "must be greater than 0, got 0")]
    public void A_balance_must_be_positive(string balance, string reason)
    {
        var csv = _dir.Write(
            "b.csv", "time,balance\n2025-03-01T00:00:00Z,10000\n2025-03-02T00:00:00Z," + balance + "\n");

        var e = AssertRejected(() => BalanceFileReader.Read(csv), 3, "balance");
        Assert.Equal(reason, e.Reason);
    }

    // aBalanceMustBePositiveInJsonLinesToo
    [Fact]
    public void A_balance_must_be_positive_in_json_lines_too()
    {
        var jsonl = _dir.Write("b.jsonl", "{\"time\":\"2025-03-01T00:00:00Z\",\"balance\":0}\n");

        AssertRejected(() => BalanceFileReader.Read(jsonl), 1, "balance");
    }

    // aBalanceMustBeAFiniteNumber
    [Theory]
    [InlineData("NaN", "finite")]
    [InlineData("Infinity", "finite")]
    [InlineData("1e999", "out of range")]
    [InlineData("10 000", "not a number")]
    public void A_balance_must_be_a_finite_number(string balance, string reason)
    {
        var csv = _dir.Write("b.csv", "time,balance\n2025-03-01T00:00:00Z," + balance + "\n");

        var e = AssertRejected(() => BalanceFileReader.Read(csv), 2, "balance");
        Assert.Contains(reason, e.Reason, StringComparison.Ordinal);
    }

    // aTimeWithoutOffsetIsRejected
    [Fact]
    public void A_time_without_offset_is_rejected()
    {
        var csv = _dir.Write("b.csv", "time,balance\n2025-03-01 00:00:00,10000\n");

        var e = AssertRejected(() => BalanceFileReader.Read(csv), 2, "time");
        Assert.Contains("needs an offset", e.Reason, StringComparison.Ordinal);
    }

    // unknownAndMissingColumnsAreRejected
    [Fact]
    public void Unknown_and_missing_columns_are_rejected()
    {
        var extra = _dir.Write("a.csv", "time,balance,equity\n2025-03-01T00:00:00Z,10000,10000\n");
        var missing = _dir.Write("b.csv", "time\n2025-03-01T00:00:00Z\n");

        Assert.Equal(
            "unknown column; expected time, balance",
            AssertRejected(() => BalanceFileReader.Read(extra), 1, "equity").Reason);
        AssertRejected(() => BalanceFileReader.Read(missing), 1, "balance");
    }

    // jsonLinesAreStrict
    [Fact]
    public void Json_lines_are_strict()
    {
        var stringNumber = _dir.Write("a.jsonl", "{\"time\":\"2025-03-01T00:00:00Z\",\"balance\":\"10000\"}\n");
        var unknown = _dir.Write(
            "b.jsonl", "{\"time\":\"2025-03-01T00:00:00Z\",\"balance\":1,\"currency\":\"USD\"}\n");
        var malformed = _dir.Write("c.jsonl", "{\"time\":\"2025-03-01T00:00:00Z\",\"balance\":1}\n{time:1}\n");

        Assert.Contains(
            "must be a JSON number",
            AssertRejected(() => BalanceFileReader.Read(stringNumber), 1, "balance").Reason,
            StringComparison.Ordinal);
        AssertRejected(() => BalanceFileReader.Read(unknown), 1, "currency");
        AssertRejected(() => BalanceFileReader.Read(malformed), 2, null);
    }
}
