using TradingActors.Domain.Input;
using static TradingActors.Domain.Tests.Input.Fixtures;

namespace TradingActors.Domain.Tests.Input;

/// <summary>
/// RFC 4180 quoting as the JVM build's CSV parser (Apache Commons CSV) applied it, checked here because Sep splits
/// quoted cells but leaves their validation to the caller. Not in the JVM suite beyond its one malformed case.
/// </summary>
public sealed class CsvQuotingTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void A_quoted_cell_may_hold_commas_quotes_and_line_breaks()
    {
        var file = _dir.Write(
            "t.csv", Csv(CsvRow(Trade("\"T,\"\"1\"\"\r\nx\"", "symbol", "\"ETHUSDT\"  ")), CsvRow(Trade("T2"))));

        var trades = TradeFileReader.Read(file);

        Assert.Equal("T,\"1\"\r\nx", trades[0].Trade.TradeId);
        Assert.Equal("ETHUSDT", trades[0].Trade.Symbol);
        Assert.Equal([2L, 4L], trades.Select(t => t.Line));
    }

    [Fact]
    public void Quoted_header_names_are_unquoted()
    {
        var file = _dir.Write("b.csv", "\"time\",\"balance\"\n2025-03-01T00:00:00Z,\"10000\"\n");

        Assert.Equal(10000, BalanceFileReader.Read(file)[0].Balance.Balance);
    }

    [Fact]
    public void A_quoted_cell_never_closed_is_malformed()
    {
        var file = _dir.Write("t.csv", Csv(CsvRow(Trade("T1")), CsvRow(Trade("\"T2")), CsvRow(Trade("T3"))));

        var e = AssertRejected(() => TradeFileReader.Read(file), 3, null);
        Assert.Equal("malformed CSV: the quoted cell of column 1 is not closed before the end of the file", e.Reason);
    }

    [Fact]
    public void A_quote_inside_an_unquoted_cell_is_malformed()
    {
        // The JVM build read T"2 literally; Sep would take the lone quote as opening a quoted section.
        var file = _dir.Write("t.csv", Csv(CsvRow(Trade("T1")), CsvRow(Trade("T\"2"))));

        var e = AssertRejected(() => TradeFileReader.Read(file), 3, null);
        Assert.StartsWith(
            "malformed CSV: a quote inside the unquoted cell of column 1", e.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_after_a_closing_quote_is_malformed_before_the_cell_count_is_checked()
    {
        var file = _dir.Write("t.csv", Csv(CsvRow(Trade("T1", "pnl", "\"1\"2")) + ",extra"));

        var e = AssertRejected(() => TradeFileReader.Read(file), 2, null);
        Assert.StartsWith(
            "malformed CSV: text after the closing quote of column 9", e.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_header_with_an_empty_name_is_rejected()
    {
        var file = _dir.Write("b.csv", "time,,balance\n2025-03-01T00:00:00Z,x,1\n");

        var e = AssertRejected(() => BalanceFileReader.Read(file), 1, null);
        Assert.Equal("column 2 of the header has no name", e.Reason);
    }

    [Fact]
    public void Blank_lines_before_the_header_are_skipped_and_counted()
    {
        var file = _dir.Write("b.csv", "\n  \ntime,balance\n2025-03-01T00:00:00Z,oops\n");

        AssertRejected(() => BalanceFileReader.Read(file), 4, "balance");
    }

    [Fact]
    public void A_directory_is_not_a_file()
    {
        var e = AssertRejected(() => TradeFileReader.Read(_dir.Path), 0, null);
        Assert.Equal(_dir.Path + ": is a directory, not a file", e.Message);
    }
}
