using System.Globalization;
using System.Text;
using TradingActors.Domain.Events;
using TradingActors.Domain.Input;
using static TradingActors.Domain.Tests.Input.Fixtures;

namespace TradingActors.Domain.Tests.Input;

/// <summary>Port of the JVM build's <c>TradeFileReaderTest</c>, every case; the Java test is named on each.</summary>
public sealed class TradeFileReaderTests : IDisposable
{
    private static readonly TradeClosed First = new(
        "T1",
        "BTCUSDT",
        Side.Long,
        At("2025-03-01T14:00:00Z"),
        At("2025-03-01T18:30:00Z"),
        84000.5,
        84850,
        0.05,
        40.07,
        2.1,
        0.3,
        2.0,
        900.5,
        -120.0);

    private static readonly TradeClosed Second = new(
        "T2",
        "ETHUSDT",
        Side.Short,
        At("2025-03-02T08:00:00.250Z"),
        DateTimeOffset.FromUnixTimeMilliseconds(1740917400000L),
        2200,
        2180.25,
        1.5,
        25.5,
        1.7,
        0.42,
        null,
        null,
        null);

    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    // csvAndJsonLinesGiveIdenticalTrades
    [Fact]
    public void Csv_and_json_lines_give_identical_trades()
    {
        var csv = _dir.Write(
            "trades.csv",
            "trade_id,symbol,side,entry_time,exit_time,entry_price,exit_price,quantity,pnl,fees,slippage,"
            + "strategy_id,risk_reward,mfe,mae\n"
            + "T1,BTCUSDT,long,2025-03-01T14:00:00Z,2025-03-01T18:30:00Z,84000.5,84850,0.05,40.07,2.1,0.3,"
            + "alpha,2.0,900.5,-120\n"
            + "T2,ETHUSDT,SHORT,2025-03-02T10:00:00.250+02:00,1740917400000,2200,2180.25,1.5,25.5,1.7,0.42,"
            + ",,,\n");
        var jsonl = _dir.Write(
            "trades.jsonl",
            "{\"trade_id\":\"T1\",\"symbol\":\"BTCUSDT\",\"side\":\"long\",\"entry_time\":\"2025-03-01T14:00:00Z\","
            + "\"exit_time\":\"2025-03-01T18:30:00Z\",\"entry_price\":84000.5,\"exit_price\":84850,"
            + "\"quantity\":0.05,\"pnl\":40.07,\"fees\":2.1,\"slippage\":0.3,\"strategy_id\":\"alpha\","
            + "\"risk_reward\":2.0,\"mfe\":900.5,\"mae\":-120}\n"
            + "{\"trade_id\":\"T2\",\"symbol\":\"ETHUSDT\",\"side\":\"SHORT\","
            + "\"entry_time\":\"2025-03-02T10:00:00.250+02:00\",\"exit_time\":1740917400000,"
            + "\"entry_price\":2200,\"exit_price\":2180.25,\"quantity\":1.5,\"pnl\":25.5,\"fees\":1.7,"
            + "\"slippage\":0.42,\"risk_reward\":null}\n");

        Assert.Equal([new ParsedTrade("alpha", First, 2), new ParsedTrade(null, Second, 3)], TradeFileReader.Read(csv));
        Assert.Equal(
            [new ParsedTrade("alpha", First, 1), new ParsedTrade(null, Second, 2)], TradeFileReader.Read(jsonl));
    }

    // negativeZeroIsZeroInBothFormats
    [Fact]
    public void Negative_zero_is_zero_in_both_formats()
    {
        var csv = _dir.Write("t.csv", Csv(CsvRow(Trade("T1", "pnl", "-0"))));
        var jsonl = _dir.Write("t.jsonl", JsonRow(Trade("T1", "pnl", "-0.0")) + "\n");
        var zero = _dir.Write("zero.csv", Csv(CsvRow(Trade("T1", "pnl", "0"))));

        var expected = TradeFileReader.Read(zero)[0].Trade;
        Assert.Equal(expected, TradeFileReader.Read(csv)[0].Trade);
        Assert.Equal(expected, TradeFileReader.Read(jsonl)[0].Trade);
        Assert.False(double.IsNegative(TradeFileReader.Read(jsonl)[0].Trade.Pnl));
        Assert.False(double.IsNegative(TradeFileReader.Read(csv)[0].Trade.Pnl));
    }

    // columnOrderIsFreeAndOptionalColumnsMayBeAbsent
    [Fact]
    public void Column_order_is_free_and_optional_columns_may_be_absent()
    {
        var file = _dir.Write(
            "trades.csv",
            "slippage,fees,pnl,quantity,exit_price,entry_price,exit_time,entry_time,side,symbol,trade_id\n"
            + "0.3,2.1,40.07,0.05,84850,84000.5,2025-03-01T18:30:00Z,2025-03-01T14:00:00Z,long,BTCUSDT,T1\n");

        var trades = TradeFileReader.Read(file);

        var trade = Assert.Single(trades);
        Assert.Equal(First with { RiskReward = null, Mfe = null, Mae = null }, trade.Trade);
        Assert.Null(trade.StrategyId);
    }

    // epochMillisecondsAndIsoTimesAreTheSameInstant
    [Fact]
    public void Epoch_milliseconds_and_iso_times_are_the_same_instant()
    {
        var iso = _dir.Write("iso.csv", Csv(CsvRow(Trade("T1"))));
        var epoch = Trade("T1", "entry_time", "1740837600000");
        epoch["exit_time"] = "2025-03-01T20:30:00+02:00";
        var millis = _dir.Write("millis.csv", Csv(CsvRow(epoch)));

        Assert.Equal(TradeFileReader.Read(iso)[0].Trade, TradeFileReader.Read(millis)[0].Trade);
    }

    // aFileWithAnotherExtensionIsRecognisedByItsFirstCharacter
    [Fact]
    public void A_file_with_another_extension_is_recognised_by_its_first_character()
    {
        var json = _dir.Write("export.txt", "\n  " + JsonRow(Trade("T1")) + "\n");
        var csv = _dir.Write("export", Csv(CsvRow(Trade("T1"))));

        Assert.Equal([2L], TradeFileReader.Read(json).Select(t => t.Line));
        Assert.Equal([2L], TradeFileReader.Read(csv).Select(t => t.Line));
        Assert.Equal(TradeFileReader.Read(csv)[0].Trade, TradeFileReader.Read(json)[0].Trade);
    }

    // blankLinesAreSkippedButCounted
    [Fact]
    public void Blank_lines_are_skipped_but_counted()
    {
        var csv = _dir.Write(
            "t.csv", Header + "\n\n" + CsvRow(Trade("T1")) + "\n   \n" + CsvRow(Trade("T2")) + "\n\n");
        var jsonl = _dir.Write("t.jsonl", "\n" + JsonRow(Trade("T1")) + "\n\n\t\n" + JsonRow(Trade("T2")) + "\n");

        Assert.Equal([3L, 5L], TradeFileReader.Read(csv).Select(t => t.Line));
        Assert.Equal([2L, 5L], TradeFileReader.Read(jsonl).Select(t => t.Line));
    }

    // aQuotedCellSpanningLinesDoesNotShiftLaterLineNumbers
    [Fact]
    public void A_quoted_cell_spanning_lines_does_not_shift_later_line_numbers()
    {
        var file = _dir.Write(
            "t.csv",
            Csv(CsvRow(Trade("\"T\n1\"")), CsvRow(Trade("T2")), CsvRow(Trade("T3", "pnl", "oops"))));

        AssertRejected(() => TradeFileReader.Read(file), 5, "pnl");
    }

    // crlfLineEndingsAndAByteOrderMarkAreHandled
    [Fact]
    public void Crlf_line_endings_and_a_byte_order_mark_are_handled()
    {
        var text = Csv(CsvRow(Trade("T1")), CsvRow(Trade("T2"))).Replace("\n", "\r\n", StringComparison.Ordinal);
        var file = _dir.Write("bom.csv", WithBom(text));

        var trades = TradeFileReader.Read(file);

        Assert.Equal([2L, 3L], trades.Select(t => t.Line));
        var plain = _dir.Write("plain.csv", Csv(CsvRow(Trade("T1"))));
        Assert.Equal(TradeFileReader.Read(plain)[0].Trade, trades[0].Trade);
        Assert.Equal(2.0, trades[1].Trade.RiskReward); // last column: no stray \r
    }

    // crlfAndByteOrderMarkKeepLineNumbersInErrors
    [Fact]
    public void Crlf_and_byte_order_mark_keep_line_numbers_in_errors()
    {
        var csvText = Csv(CsvRow(Trade("T1")), CsvRow(Trade("T2")), CsvRow(Trade("T3", "risk_reward", "x")))
            .Replace("\n", "\r\n", StringComparison.Ordinal);
        var csv = _dir.Write("bom.csv", WithBom(csvText));
        var jsonText = string.Join("\r\n", JsonRow(Trade("T1")), "", JsonRow(Trade("T2", "fees", "-1"))) + "\r\n";
        var jsonl = _dir.Write("bom.jsonl", WithBom(jsonText));

        AssertRejected(() => TradeFileReader.Read(csv), 4, "risk_reward");
        AssertRejected(() => TradeFileReader.Read(jsonl), 3, "fees");
    }

    // aByteOrderMarkIsNotPartOfTheFirstColumnName
    [Fact]
    public void A_byte_order_mark_is_not_part_of_the_first_column_name()
    {
        var json = _dir.Write("bom.jsonl", WithBom(JsonRow(Trade("T1")) + "\n"));

        Assert.Single(TradeFileReader.Read(json));
    }

    // ---- header ---------------------------------------------------------------------------------------------------

    // aMissingRequiredColumnIsReportedOnTheHeaderLine
    [Fact]
    public void A_missing_required_column_is_reported_on_the_header_line()
    {
        var cells = Trade("T1");
        cells.Remove("slippage");
        var file = _dir.Write("t.csv", string.Join(",", cells.Keys) + "\n" + CsvRow(cells) + "\n");

        var e = AssertRejected(() => TradeFileReader.Read(file), 1, "slippage");
        Assert.Contains("missing", e.Reason, StringComparison.Ordinal);
    }

    // anUnknownColumnIsReportedWithASuggestion
    [Fact]
    public void An_unknown_column_is_reported_with_a_suggestion()
    {
        var file = _dir.Write("t.csv", ReplaceFirst(Csv(CsvRow(Trade("T1"))), ",pnl,", ",pnL,"));

        var e = AssertRejected(() => TradeFileReader.Read(file), 1, "pnL");
        Assert.Contains("unknown column", e.Reason, StringComparison.Ordinal);
        Assert.Contains("did you mean 'pnl'", e.Reason, StringComparison.Ordinal);
        Assert.Equal(file + ":1: pnL: " + e.Reason, e.Message);
    }

    // anUnknownColumnWithoutNearMatchListsTheKnownOnes
    [Fact]
    public void An_unknown_column_without_near_match_lists_the_known_ones()
    {
        var file = _dir.Write("t.csv", Header + ",comment\n" + CsvRow(Trade("T1")) + ",hello\n");

        var e = AssertRejected(() => TradeFileReader.Read(file), 1, "comment");
        Assert.Contains("expected trade_id, symbol", e.Reason, StringComparison.Ordinal);
    }

    // aDuplicateColumnIsRejected
    [Fact]
    public void A_duplicate_column_is_rejected()
    {
        var file = _dir.Write("t.csv", Header + ",fees\n" + CsvRow(Trade("T1")) + ",2.1\n");

        var e = AssertRejected(() => TradeFileReader.Read(file), 1, "fees");
        Assert.Contains("twice", e.Reason, StringComparison.Ordinal);
        Assert.Contains("columns 10 and 13", e.Reason, StringComparison.Ordinal);
    }

    // headerNamesAreTrimmed
    [Fact]
    public void Header_names_are_trimmed()
    {
        var file = _dir.Write(
            "t.csv", Header.Replace(",", " , ", StringComparison.Ordinal) + "\n" + CsvRow(Trade("T1")) + "\n");

        Assert.Single(TradeFileReader.Read(file));
    }

    // anEmptyFileHasNoHeader
    [Fact]
    public void An_empty_file_has_no_header()
    {
        var file = _dir.Write("t.csv", "\n\n");

        var e = AssertRejected(() => TradeFileReader.Read(file), 0, null);
        Assert.StartsWith(file + ": is empty", e.Message, StringComparison.Ordinal);
    }

    // aHeaderOnlyCsvHasNoTrades
    [Fact]
    public void A_header_only_csv_has_no_trades()
    {
        var file = _dir.Write("t.csv", Header + "\n");

        Assert.Empty(TradeFileReader.Read(file));
    }

    // ---- CSV cells ------------------------------------------------------------------------------------------------

    // aNumberCellMustBeAFinitePlainDecimal
    [Theory]
    [InlineData("entry_price", "\"12,5\"", "is not a number: '12,5'")]
    [InlineData("pnl", "NaN", "must be a finite number, got 'NaN'")]
    [InlineData("fees", "Infinity", "must be a finite number, got 'Infinity'")]
    [InlineData("slippage", "-Infinity", "must be a finite number, got '-Infinity'")]
    [InlineData("quantity", "1e999", "is out of range: '1e999'")]
    [InlineData("exit_price", "0x10", "is not a number: '0x10'")]
    [InlineData("pnl", "12d", "is not a number: '12d'")]
    [InlineData("mfe", "abc", "is not a number: 'abc'")]
    [InlineData("risk_reward", "1.5.2", "is not a number: '1.5.2'")]
    public void A_number_cell_must_be_a_finite_plain_decimal(string column, string cell, string reason)
    {
        var bad = Trade("T2", column, cell); // adds the column when it is an optional one
        var header = string.Join(",", bad.Keys);
        var file = _dir.Write("t.csv", header + "\n" + CsvRow(Trade("T1", column, "1")) + "\n" + CsvRow(bad) + "\n");

        var e = AssertRejected(() => TradeFileReader.Read(file), 3, column);
        Assert.Contains(reason, e.Reason, StringComparison.Ordinal);
    }

    // anEmptyRequiredCellIsRejected
    [Theory]
    [InlineData("trade_id")]
    [InlineData("symbol")]
    [InlineData("side")]
    [InlineData("entry_time")]
    [InlineData("exit_price")]
    [InlineData("pnl")]
    [InlineData("fees")]
    [InlineData("slippage")]
    public void An_empty_required_cell_is_rejected(string column)
    {
        var file = _dir.Write("t.csv", Csv(CsvRow(Trade("T1")), CsvRow(Trade("T2", column, "  "))));

        var e = AssertRejected(() => TradeFileReader.Read(file), 3, column);
        Assert.Equal("is required but the cell is empty", e.Reason);
    }

    // anEmptyOptionalCellIsAbsent
    [Fact]
    public void An_empty_optional_cell_is_absent()
    {
        var file = _dir.Write("t.csv", Csv(CsvRow(Trade("T1", "risk_reward", ""))));

        Assert.Null(TradeFileReader.Read(file)[0].Trade.RiskReward);
    }

    // sideMustBeLongOrShort
    [Fact]
    public void Side_must_be_long_or_short()
    {
        var file = _dir.Write("t.csv", Csv(CsvRow(Trade("T1", "side", "Short")), CsvRow(Trade("T2", "side", "buy"))));

        var e = AssertRejected(() => TradeFileReader.Read(file), 3, "side");
        Assert.Equal("must be long or short, got 'buy'", e.Reason);
    }

    // exitBeforeEntryIsRejectedByTheValidator
    [Fact]
    public void Exit_before_entry_is_rejected_by_the_validator()
    {
        var file = _dir.Write("t.csv", Csv(CsvRow(Trade("T1", "exit_time", "2025-03-01T13:59:59Z"))));

        var e = AssertRejected(() => TradeFileReader.Read(file), 2, "exit_time");
        Assert.Contains("before entry_time", e.Reason, StringComparison.Ordinal);
    }

    // valuesTheValidatorRefusesAreRejected
    [Theory]
    [InlineData("entry_price", "0")]
    [InlineData("exit_price", "-3")]
    [InlineData("quantity", "0")]
    [InlineData("fees", "-0.5")]
    [InlineData("risk_reward", "-1")]
    public void Values_the_validator_refuses_are_rejected(string column, string cell)
    {
        var file = _dir.Write("t.csv", Csv(CsvRow(Trade("T1")), CsvRow(Trade("T2", column, cell))));

        AssertRejected(() => TradeFileReader.Read(file), 3, column);
    }

    // aLocalTimeWithoutOffsetIsRejected
    [Fact]
    public void A_local_time_without_offset_is_rejected()
    {
        var file = _dir.Write("t.csv", Csv(CsvRow(Trade("T1", "entry_time", "2025-03-01T14:00:00"))));

        var e = AssertRejected(() => TradeFileReader.Read(file), 2, "entry_time");
        Assert.Contains(
            "needs an offset such as Z or +02:00, or epoch milliseconds", e.Reason, StringComparison.Ordinal);
    }

    // aRowWithTheWrongNumberOfCellsIsRejected
    [Fact]
    public void A_row_with_the_wrong_number_of_cells_is_rejected()
    {
        var file = _dir.Write("t.csv", Csv(CsvRow(Trade("T1")), CsvRow(Trade("T2")) + ",extra"));

        var e = AssertRejected(() => TradeFileReader.Read(file), 3, null);
        Assert.Equal("has 13 cells but the header has 12 columns", e.Reason);
    }

    // malformedCsvIsReportedOnTheLineWhereTheRecordStarts
    [Fact]
    public void Malformed_csv_is_reported_on_the_line_where_the_record_starts()
    {
        var file = _dir.Write("t.csv", Csv(CsvRow(Trade("T1")), CsvRow(Trade("\"T2\"x"))));

        var e = AssertRejected(() => TradeFileReader.Read(file), 3, null);
        Assert.StartsWith("malformed CSV", e.Reason, StringComparison.Ordinal);
    }

    // aTradeIdRepeatedForTheSameStrategyIsRejectedOnTheLaterLine
    [Fact]
    public void A_trade_id_repeated_for_the_same_strategy_is_rejected_on_the_later_line()
    {
        var file = _dir.Write("t.csv", Csv(CsvRow(Trade("T1")), CsvRow(Trade("T2")), CsvRow(Trade("T1"))));

        var e = AssertRejected(() => TradeFileReader.Read(file), 4, "trade_id");
        Assert.Equal("'T1' already appears on line 2; trade ids must be unique", e.Reason);
    }

    [Fact]
    public void A_repeat_among_thousands_of_ids_names_the_line_of_the_first()
    {
        // Enough ids for the digest table to grow many times, with a blank line to part lines from rows.
        var rows = Enumerable.Range(0, 5000).Select(i => CsvRow(Trade($"T{i}"))).ToList();
        rows.Insert(100, "");
        rows.Add(CsvRow(Trade("T1234")));
        var file = _dir.Write("t.csv", Csv([.. rows]));

        var e = AssertRejected(() => TradeFileReader.Read(file), 5003, "trade_id");
        Assert.Equal("'T1234' already appears on line 1237; trade ids must be unique", e.Reason);
        Assert.Equal(4999, TradeFileReader.Read(_dir.Write("ok.csv", Csv([.. rows.SkipLast(2)]))).Count);
    }

    [Fact]
    public void Of_a_repeat_and_a_bad_row_the_first_in_the_file_is_reported()
    {
        var repeatFirst = _dir.Write(
            "repeat.csv",
            Csv(CsvRow(Trade("T1")), CsvRow(Trade("T2")), CsvRow(Trade("T1")), CsvRow(Trade("T3", "pnl", "oops"))));
        var badFirst = _dir.Write(
            "bad.csv", Csv(CsvRow(Trade("T1")), CsvRow(Trade("T2", "pnl", "oops")), CsvRow(Trade("T1"))));
        var malformedAfter = _dir.Write(
            "malformed.csv", Csv(CsvRow(Trade("T1")), CsvRow(Trade("T1")), "T3,\"x\"y"));

        AssertRejected(() => TradeFileReader.Read(repeatFirst), 4, "trade_id");
        AssertRejected(() => TradeFileReader.Read(badFirst), 3, "pnl");
        AssertRejected(() => TradeFileReader.Read(malformedAfter), 3, "trade_id");
    }

    [Fact]
    public void Ids_sharing_a_fingerprint_are_told_apart_by_reading_the_file_again()
    {
        // Three bits of fingerprint: 200 distinct ids collide all the time, and none is taken for a repeat.
        var header = Header + ",strategy_id\n";
        var rows = Enumerable.Range(0, 200).Select(i => CsvRow(Trade($"T{i}")) + (i % 2 == 0 ? ",a" : ",")).ToList();
        var ok = _dir.Write("ok.csv", header + string.Join("\n", rows) + "\n");
        var bad = _dir.Write("bad.csv", header + string.Join("\n", rows) + "\n" + CsvRow(Trade("T123")) + ",\n");

        Assert.Equal(200, ReadAll(ok).Count);
        var e = AssertRejected(() => ReadAll(bad), 202, "trade_id");
        Assert.Equal("'T123' already appears on line 125; trade ids must be unique", e.Reason);

        static List<ParsedTrade> ReadAll(string file)
        {
            using var cursor = TradeFileReader.Open(file, fingerprintMask: 0b111);
            var trades = new List<ParsedTrade>();
            while (cursor.Next() is { } trade)
            {
                trades.Add(trade);
            }
            return trades;
        }
    }

    // theSameTradeIdUnderTwoStrategiesIsAccepted
    [Fact]
    public void The_same_trade_id_under_two_strategies_is_accepted()
    {
        var header = Header + ",strategy_id\n";
        var ok = _dir.Write("ok.csv", header + CsvRow(Trade("T1")) + ",a\n" + CsvRow(Trade("T1")) + ",b\n");
        var bad = _dir.Write("bad.csv", header + CsvRow(Trade("T1")) + ",a\n" + CsvRow(Trade("T1")) + ",a\n");

        Assert.Equal(["a", "b"], TradeFileReader.Read(ok).Select(t => t.StrategyId));
        var e = AssertRejected(() => TradeFileReader.Read(bad), 3, "trade_id");
        Assert.Equal("'T1' already appears on line 2 for strategy_id 'a'; trade ids must be unique", e.Reason);
    }

    // aStrategyIdMustBeAValidId
    [Fact]
    public void A_strategy_id_must_be_a_valid_id()
    {
        // The first row uses the text as a symbol, which may hold a space; that must not make it a valid strategy id.
        var file = _dir.Write(
            "t.csv",
            Header + ",strategy_id\n" + CsvRow(Trade("T1", "symbol", "my strategy")) + ",ok\n" + CsvRow(Trade("T2"))
            + ",my strategy\n");

        var e = AssertRejected(() => TradeFileReader.Read(file), 3, "strategy_id");
        Assert.EndsWith("got 'my strategy'", e.Reason, StringComparison.Ordinal);
    }

    // bytesThatAreNotUtf8AreRejected
    [Fact]
    public void Bytes_that_are_not_utf8_are_rejected()
    {
        var latin1 = Encoding.Latin1.GetBytes(Csv(CsvRow(Trade("T1", "symbol", "BTC\u00e9USDT"))));
        var file = _dir.Write("latin1.csv", latin1);

        var e = AssertRejected(() => TradeFileReader.Read(file), 0, null);
        Assert.Contains("not valid UTF-8", e.Reason, StringComparison.Ordinal);
    }

    // aMissingFileIsBadInputNotAnIoFailure
    [Fact]
    public void A_missing_file_is_bad_input_not_an_io_failure()
    {
        var file = _dir.Resolve("nope.csv");

        var e = AssertRejected(() => TradeFileReader.Read(file), 0, null);
        Assert.Equal(file + ": no such file", e.Message);
    }

    // ---- JSON Lines -----------------------------------------------------------------------------------------------

    // malformedJsonIsReportedWithItsLine
    [Fact]
    public void Malformed_json_is_reported_with_its_line()
    {
        var file = _dir.Write(
            "t.jsonl", JsonRow(Trade("T1")) + "\n{\"trade_id\":\"T2\",\n" + JsonRow(Trade("T3")));

        var e = AssertRejected(() => TradeFileReader.Read(file), 2, null);
        Assert.StartsWith("is not valid JSON at column", e.Reason, StringComparison.Ordinal);
    }

    // aStringWhereANumberBelongsIsRejected
    [Fact]
    public void A_string_where_a_number_belongs_is_rejected()
    {
        var file = _dir.Write(
            "t.jsonl", JsonRow(Trade("T1")) + "\n" + JsonRow(Trade("T2", "pnl", "\"12.5\"")) + "\n");

        var e = AssertRejected(() => TradeFileReader.Read(file), 2, "pnl");
        Assert.Equal("must be a JSON number, got the string '12.5'", e.Reason);
    }

    // aNumberWhereAStringBelongsIsRejected
    [Fact]
    public void A_number_where_a_string_belongs_is_rejected()
    {
        var line = JsonRow(Trade("T1")).Replace("\"trade_id\":\"T1\"", "\"trade_id\":17", StringComparison.Ordinal);
        var file = _dir.Write("t.jsonl", line + "\n");

        var e = AssertRejected(() => TradeFileReader.Read(file), 1, "trade_id");
        Assert.Equal("must be a JSON string, got the number 17 (quote it: \"17\")", e.Reason);
    }

    // anUnknownJsonFieldIsRejected
    [Fact]
    public void An_unknown_json_field_is_rejected()
    {
        var line = JsonRow(Trade("T1")).Replace("}", ",\"comment\":\"x\"}", StringComparison.Ordinal);
        var file = _dir.Write("t.jsonl", JsonRow(Trade("T0")) + "\n" + line + "\n");

        var e = AssertRejected(() => TradeFileReader.Read(file), 2, "comment");
        Assert.StartsWith("unknown field", e.Reason, StringComparison.Ordinal);
    }

    // nonNumericNumberTokensAreRejectedNamingTheField
    [Theory]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData("-Infinity")]
    public void Non_numeric_number_tokens_are_rejected_naming_the_field(string token)
    {
        var file = _dir.Write("t.jsonl", JsonRow(Trade("T1", "fees", token)) + "\n");

        var e = AssertRejected(() => TradeFileReader.Read(file), 1, "fees");
        Assert.Equal("must be a finite number; NaN and Infinity are not JSON numbers", e.Reason);
    }

    // aJsonNumberTooLargeForADoubleIsRejected
    [Fact]
    public void A_json_number_too_large_for_a_double_is_rejected()
    {
        var file = _dir.Write("t.jsonl", JsonRow(Trade("T1", "quantity", "1e999")) + "\n");

        var e = AssertRejected(() => TradeFileReader.Read(file), 1, "quantity");
        Assert.Equal("is out of range: does not fit a finite double", e.Reason);
    }

    // aMissingJsonFieldIsRejected
    [Fact]
    public void A_missing_json_field_is_rejected()
    {
        var cells = Trade("T1");
        cells.Remove("exit_price");
        var file = _dir.Write("t.jsonl", JsonRow(cells) + "\n");

        var e = AssertRejected(() => TradeFileReader.Read(file), 1, "exit_price");
        Assert.Equal("is required but missing", e.Reason);
    }

    // aJsonNullRequiredFieldIsMissing
    [Fact]
    public void A_json_null_required_field_is_missing()
    {
        var file = _dir.Write("t.jsonl", JsonRow(Trade("T1", "slippage", "null")) + "\n");

        var e = AssertRejected(() => TradeFileReader.Read(file), 1, "slippage");
        Assert.Equal("is required but missing", e.Reason);
    }

    // aJsonTimeMustBeAStringOrIntegerMilliseconds
    [Fact]
    public void A_json_time_must_be_a_string_or_integer_milliseconds()
    {
        var line = JsonRow(Trade("T1"))
            .Replace("\"2025-03-01T18:30:00Z\"", "1740853800000.5", StringComparison.Ordinal);
        var file = _dir.Write("t.jsonl", line + "\n");

        var e = AssertRejected(() => TradeFileReader.Read(file), 1, "exit_time");
        Assert.Contains("integer epoch milliseconds", e.Reason, StringComparison.Ordinal);
    }

    // aDuplicateJsonKeyIsRejected
    [Fact]
    public void A_duplicate_json_key_is_rejected()
    {
        var file = _dir.Write(
            "t.jsonl", JsonRow(Trade("T1")).Replace("}", ",\"pnl\":1}", StringComparison.Ordinal) + "\n");

        var e = AssertRejected(() => TradeFileReader.Read(file), 1, "pnl");
        Assert.Contains("more than once", e.Reason, StringComparison.Ordinal);
    }

    // aLineMustHoldExactlyOneObject
    [Fact]
    public void A_line_must_hold_exactly_one_object()
    {
        var array = _dir.Write("a.jsonl", "[" + JsonRow(Trade("T1")) + "]\n");
        var two = _dir.Write("b.jsonl", JsonRow(Trade("T1")) + " " + JsonRow(Trade("T2")) + "\n");

        Assert.Contains(
            "JSON array", AssertRejected(() => TradeFileReader.Read(array), 1, null).Reason, StringComparison.Ordinal);
        Assert.Contains(
            "one object per line",
            AssertRejected(() => TradeFileReader.Read(two), 1, null).Reason,
            StringComparison.Ordinal);
    }

    // jsonLinesGetTheSameValidationAsCsv
    [Fact]
    public void Json_lines_get_the_same_validation_as_csv()
    {
        var duplicate = _dir.Write(
            "dup.jsonl", string.Join("\n", JsonRow(Trade("T1")), JsonRow(Trade("T2")), JsonRow(Trade("T1"))));
        var side = _dir.Write("side.jsonl", JsonRow(Trade("T1", "side", "flat")));

        Assert.Contains(
            "line 1",
            AssertRejected(() => TradeFileReader.Read(duplicate), 3, "trade_id").Reason,
            StringComparison.Ordinal);
        AssertRejected(() => TradeFileReader.Read(side), 1, "side");
    }

    // theMessageIsWhatTheCliPrints
    [Fact]
    public void The_message_is_what_the_cli_prints()
    {
        var file = _dir.Write("t.csv", Csv(CsvRow(Trade("T1", "pnl", "NaN"))));

        var e = Rejection(() => TradeFileReader.Read(file));
        Assert.Equal(file + ":2: pnl: must be a finite number, got 'NaN'", e.Message);
        Assert.Equal(file, e.File);
    }

    internal static DateTimeOffset At(string iso) => DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture);

    private static string ReplaceFirst(string text, string old, string replacement)
    {
        var at = text.IndexOf(old, StringComparison.Ordinal);
        return text[..at] + replacement + text[(at + old.Length)..];
    }
}
