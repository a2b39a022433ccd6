using System.Globalization;
using System.Text;
using System.Text.Json;
using TradingActors.Domain.Backtest;
using TradingActors.Domain.Events;
using TradingActors.Domain.Input;
using TradingActors.Domain.Risk;
using TradingActors.Domain.Tests.Input;
using TradingActors.Metrics;

namespace TradingActors.Domain.Tests.Backtest;

/// <summary>
/// <see cref="BacktestFold"/>: folding the files as they are read (<see cref="StreamingFold"/>) gives the report of
/// loading and sorting them, byte for byte in JSON, and the same error for bad input, whichever path ends up used.
/// </summary>
public sealed class BacktestFoldTests : IDisposable
{
    private const string Header =
        "trade_id,symbol,side,entry_time,exit_time,entry_price,exit_price,quantity,pnl,fees,slippage,strategy_id\n";

    private static readonly DateTimeOffset Start = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void In_order_files_are_folded_as_read_into_the_report_of_load_and_sort()
    {
        var (trades, balances) = Backtest(400);

        var json = AssertSameReport(trades, balances, null, streams: true);

        using var report = JsonDocument.Parse(json);
        Assert.Equal(400, report.RootElement.GetProperty("trades").GetInt64());
        Assert.Equal(401, report.RootElement.GetProperty("balances").GetInt64());
        Assert.NotEqual(0, report.RootElement.GetProperty("risk_events").GetArrayLength()); // the rules had work
    }

    [Fact]
    public void Equal_times_across_the_files_put_the_trades_first()
    {
        // Two trades and two balances at 01:00, a balance alone at 02:00 then two trades, a trade at 03:00 then a
        // balance: every tie between the files, and ties within each file.
        var trades = _dir.Write(
            "t.csv",
            Header + Trade("T1", 1, -5) + Trade("T2", 1, 7) + Trade("T3", 2, -1) + Trade("T4", 2, 4)
            + Trade("T5", 3, 2));
        var balances = _dir.Write(
            "b.csv", Balances((0, 1000), (1, 995), (1, 1002), (2, 1002), (3, 1005), (3, 1007)));

        AssertSameReport(trades, balances, null, streams: true);

        // Trades two by two at the same time, each followed by its balance at that time: with the risk rules deciding
        // after every event, an order other than trades first at equal times changes the report.
        var (paired, pairedBalances) = Backtest(300, twoPerHour: true);
        AssertSameReport(paired, pairedBalances, null, streams: true);
    }

    [Fact]
    public void A_trade_out_of_time_order_makes_it_load_and_sort()
    {
        var (trades, balances) = Backtest(50, swapTrades: 20);

        AssertSameReport(trades, balances, null, streams: false);
        AssertSameReport(trades, null, null, streams: false);
    }

    [Fact]
    public void A_balance_out_of_time_order_makes_it_load_and_sort()
    {
        var (trades, balances) = Backtest(50, swapBalances: 30);

        AssertSameReport(trades, balances, null, streams: false);
    }

    [Fact]
    public void Without_balances_the_trades_are_folded_as_read()
    {
        var (trades, _) = Backtest(50);

        AssertSameReport(trades, null, null, streams: true);
    }

    [Fact]
    public void A_chosen_strategy_is_folded_as_read_while_the_others_may_be_in_any_order()
    {
        // alpha in time order, beta not; rows without a strategy belong to both.
        var trades = _dir.Write(
            "t.csv",
            Header + Trade("A1", 1, 3, "alpha") + Trade("B1", 5, -2, "beta") + Trade("N1", 2, 1)
            + Trade("A2", 3, -4, "alpha") + Trade("B2", 4, 6, "beta") + Trade("A3", 6, 2, "alpha"));
        var balances = _dir.Write("b.csv", Balances((0, 1000), (3, 1000), (6, 1002)));

        var alpha = AssertSameReport(trades, balances, "alpha", streams: true);
        AssertSameReport(trades, balances, "beta", streams: false);

        using var report = JsonDocument.Parse(alpha);
        Assert.Equal("alpha", report.RootElement.GetProperty("strategy_id").GetString());
        Assert.Equal(4, report.RootElement.GetProperty("trades").GetInt64());
    }

    [Fact]
    public void Rows_without_a_strategy_before_the_first_that_names_one_wait_for_its_policy()
    {
        var trades = _dir.Write(
            "t.csv", Header + Trade("N1", 1, -3) + Trade("N2", 2, -4) + Trade("A1", 3, -5, "alpha") + Trade("N3", 4, 1));
        var balances = _dir.Write("b.csv", Balances((0, 1000), (1, 997), (2, 993), (3, 988), (4, 989)));

        var json = AssertSameReport(trades, balances, null, streams: true);

        using var report = JsonDocument.Parse(json);
        Assert.Equal("alpha", report.RootElement.GetProperty("strategy_id").GetString());
        Assert.Equal(4, report.RootElement.GetProperty("trades").GetInt64());
    }

    [Fact]
    public void Json_lines_trades_without_a_strategy_are_folded_as_read()
    {
        var lines = new StringBuilder();
        for (var i = 1; i <= 20; i++)
        {
            lines.Append(CultureInfo.InvariantCulture, $"{{\"trade_id\":\"T{i}\",\"symbol\":\"BTCUSDT\",\"side\":\"long\",")
                .Append(CultureInfo.InvariantCulture, $"\"entry_time\":\"{Iso(i - 1)}\",\"exit_time\":\"{Iso(i)}\",")
                .Append(CultureInfo.InvariantCulture, $"\"entry_price\":100,\"exit_price\":101,\"quantity\":1,\"pnl\":{(i % 3 == 0 ? 5 : -2)},")
                .Append("\"fees\":0.1,\"slippage\":0}\n");
        }
        var trades = _dir.Write("t.jsonl", lines.ToString());
        var balances = _dir.Write("b.csv", Balances((0, 1000), (10, 990), (20, 985)));

        var json = AssertSameReport(trades, balances, null, streams: true);

        using var report = JsonDocument.Parse(json);
        Assert.Equal(JsonValueKind.Null, report.RootElement.GetProperty("strategy_id").ValueKind);
    }

    [Fact]
    public void Several_strategies_and_none_chosen_is_the_same_error()
    {
        var trades = _dir.Write("t.csv", Header + Trade("A1", 1, 3, "alpha") + Trade("B1", 2, -2, "beta"));
        var (_, balances) = Backtest(5);

        var e = AssertSameError(trades, balances, null);
        Assert.Contains("several strategies [alpha, beta]", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_strategy_the_file_does_not_hold_is_the_same_error()
    {
        var trades = _dir.Write("t.csv", Header + Trade("A1", 1, 3, "alpha") + Trade("B1", 2, -2, "beta"));
        var (_, balances) = Backtest(5);

        var e = AssertSameError(trades, balances, "gamma");
        Assert.Contains("no trade of strategy 'gamma'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_trades_row_after_good_ones_is_the_same_error()
    {
        var (trades, balances) = Backtest(30, badTradeRow: 25);

        var e = AssertSameError(trades, balances, null);
        Assert.StartsWith(trades + ":27: pnl: ", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_repeated_trade_id_after_good_rows_is_the_same_error()
    {
        var (trades, balances) = Backtest(30, repeatTradeId: 25);

        var e = AssertSameError(trades, balances, null);
        Assert.StartsWith(trades + ":27: trade_id: 'T0001' already appears on line 2", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_balances_row_is_the_same_error()
    {
        var (trades, balances) = Backtest(30, badBalanceRow: 3);

        var e = AssertSameError(trades, balances, null);
        Assert.StartsWith(balances + ":4: balance: ", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_trades_row_after_a_bad_balances_row_wins_as_in_load()
    {
        var (trades, balances) = Backtest(30, badTradeRow: 25, badBalanceRow: 3);

        var e = AssertSameError(trades, balances, null);
        Assert.StartsWith(trades + ":27: pnl: ", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_choice_of_strategy_wins_over_a_bad_balances_row_as_in_load()
    {
        var trades = _dir.Write(
            "t.csv", Header + Trade("A1", 1, 3, "alpha") + Trade("A2", 2, 3, "alpha") + Trade("B1", 3, -2, "beta"));
        var balances = _dir.Write("b.csv", "time,balance\n" + Iso(0) + ",1000\n" + Iso(1) + ",-1\n");

        Assert.Contains("several strategies", AssertSameError(trades, balances, null).Message, StringComparison.Ordinal);
        Assert.Contains("no trade of strategy", AssertSameError(trades, balances, "gamma").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_trades_row_after_a_second_strategy_wins_as_in_load()
    {
        var trades = _dir.Write(
            "t.csv",
            Header + Trade("A1", 1, 3, "alpha") + Trade("B1", 2, -2, "beta")
            + Trade("A2", 3, 3, "alpha", "NaN"));

        var e = AssertSameError(trades, null, null);
        Assert.StartsWith(trades + ":4: pnl: ", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_trades_row_wins_over_a_missing_balances_file_as_in_load()
    {
        var (trades, _) = Backtest(30, badTradeRow: 25);

        var e = AssertSameError(trades, _dir.Resolve("missing.csv"), null);
        Assert.StartsWith(trades + ":27: pnl: ", e.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// Asserts that the streaming attempt is (or is not) carried through, and that <see cref="BacktestFold.Run"/> and
    /// the attempt's result print the JSON of load-and-sort, byte for byte; returns that JSON.
    /// </summary>
    private static string AssertSameReport(string trades, string? balances, string? strategy, bool streams)
    {
        var expected = Json(BacktestFold.LoadAndSort(trades, balances, null, strategy, NewBuilder));
        var streamed = StreamingFold.TryRun(trades, balances, strategy, NewBuilder);
        Assert.Equal(streams, streamed is not null);
        if (streamed is not null)
        {
            Assert.Equal(expected, Json(streamed));
        }
        Assert.Equal(expected, Json(BacktestFold.Run(trades, balances, null, strategy, NewBuilder)));
        return expected;
    }

    /// <summary>Asserts that both paths refuse the input with the same message; returns the exception.</summary>
    private static InputFileException AssertSameError(string trades, string? balances, string? strategy)
    {
        var expected = Assert.Throws<InputFileException>(
            () => BacktestFold.LoadAndSort(trades, balances, null, strategy, NewBuilder));
        var actual = Assert.Throws<InputFileException>(
            () => BacktestFold.Run(trades, balances, null, strategy, NewBuilder));
        Assert.Equal(expected.Message, actual.Message);
        return actual;
    }

    private static ReportBuilder NewBuilder(string? strategyId) =>
        new(strategyId, MetricSettings.Defaults, RiskPolicy.Defaults);

    private static string Json(ReportBuilder builder)
    {
        var report = builder.Build([Period.Daily, Period.Weekly, Period.Monthly, Period.Yearly]);
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            ReportJson.Write(writer, report);
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>
    /// A seeded backtest of trades an hour apart (or two an hour) with streaks of losses (no <c>strategy_id</c>
    /// column), and the balance before the first and after each, at its exit; optionally with two rows swapped (a row and the next), a repeated trade id or a
    /// bad row, by index of the trade (or of the balance).
    /// </summary>
    private (string Trades, string Balances) Backtest(
        int count,
        int swapTrades = -1,
        int swapBalances = -1,
        int badTradeRow = -1,
        int repeatTradeId = -1,
        int badBalanceRow = -1,
        bool twoPerHour = false)
    {
        var random = new Random(7);
        var tradeRows = new List<string>();
        var balanceRows = new List<string> { Iso(0) + ",10000" };
        var balance = 10_000.0;
        for (var i = 1; i <= count; i++)
        {
            var pnl = Math.Round((random.NextDouble() < 0.45 ? 1 : -1) * random.NextDouble() * 100, 2);
            balance = Math.Round(balance + pnl, 2);
            var id = i - 1 == repeatTradeId ? "T0001" : FormattableString.Invariant($"T{i:D4}");
            var hour = twoPerHour ? (i + 1) / 2 : i;
            tradeRows.Add(Trade(id, hour, pnl, null, i - 1 == badTradeRow ? "Infinity" : null));
            balanceRows.Add(Iso(hour) + "," + Number(balance));
        }
        if (badBalanceRow >= 0)
        {
            balanceRows[badBalanceRow - 1] = Iso(badBalanceRow - 1) + ",0";
        }
        Swap(tradeRows, swapTrades);
        Swap(balanceRows, swapBalances);
        return (
            _dir.Write("trades.csv", Header.Replace(",strategy_id", "", StringComparison.Ordinal) + string.Concat(tradeRows)),
            _dir.Write("balances.csv", "time,balance\n" + string.Join("\n", balanceRows) + "\n"));
    }

    private static void Swap(List<string> rows, int at)
    {
        if (at >= 0)
        {
            (rows[at], rows[at + 1]) = (rows[at + 1], rows[at]);
        }
    }

    private static string Balances(params (int Hour, double Balance)[] balances) =>
        "time,balance\n" + string.Concat(balances.Select(b => Iso(b.Hour) + "," + Number(b.Balance) + "\n"));

    /// <summary>
    /// A row of <see cref="Header"/>: a trade opened an hour before <paramref name="exitHour"/> (hours from 2025-01-01)
    /// and closed then; without its last cell (for a header without <c>strategy_id</c>) when the strategy is null.
    /// </summary>
    private static string Trade(string id, int exitHour, double pnl, string? strategy = "", string? pnlText = null)
    {
        var row = FormattableString.Invariant(
            $"{id},BTCUSDT,long,{Iso(exitHour - 1)},{Iso(exitHour)},100,101,1,{pnlText ?? Number(pnl)},0.1,0");
        return (strategy is null ? row : row + "," + strategy) + "\n";
    }

    private static string Number(double x) => x.ToString(CultureInfo.InvariantCulture);

    private static string Iso(int hour) => Instants.Format(Start.AddHours(hour));
}
