using TradingActors.Domain.Backtest;
using TradingActors.Domain.Events;
using TradingActors.Domain.Tests.Input;

namespace TradingActors.Domain.Tests.Backtest;

/// <summary>
/// <see cref="BacktestInput.Load"/>: the JVM build tested it only through its CLI (<c>ReportCommandTest</c>:
/// balances or an initial balance, bad rows naming file and line); these cases follow the JVM's
/// <c>BacktestInput.load</c> rule by rule, with its messages.
/// </summary>
public sealed class BacktestInputTests : IDisposable
{
    private const string Header =
        "trade_id,symbol,side,entry_time,exit_time,entry_price,exit_price,quantity,pnl,fees,slippage,strategy_id\n";

    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Trades_and_a_balances_file_are_merged_in_time_order()
    {
        var trades = _dir.Write("t.csv", Header + Row("T2", 3, 10, "") + Row("T1", 1, -5, ""));
        var balances = _dir.Write("b.csv", "time,balance\n2025-01-01T03:00:00Z,1005\n2025-01-01T00:00:00Z,1000\n");

        var input = BacktestInput.Load(trades, balances);

        Assert.Null(input.StrategyId);
        Assert.Equal(
            ["balance 1000", "trade T1", "trade T2", "balance 1005"], input.Events.Select(Describe));
    }

    [Fact]
    public void An_initial_balance_derives_the_balances()
    {
        var trades = _dir.Write("t.csv", Header + Row("T1", 1, -5, "") + Row("T2", 3, 10, ""));

        var input = BacktestInput.Load(trades, initialBalance: 1000);

        Assert.Equal(
            ["balance 1000", "trade T1", "balance 995", "trade T2", "balance 1005"],
            input.Events.Select(Describe));
        Assert.Equal(At(0), input.Events[0].Time); // the first entry
    }

    [Fact]
    public void Without_balances_there_are_only_trades()
    {
        var trades = _dir.Write("t.csv", Header + Row("T2", 3, 10, "") + Row("T1", 1, -5, ""));

        Assert.Equal(["trade T1", "trade T2"], BacktestInput.Load(trades).Events.Select(Describe));
    }

    [Fact]
    public void A_file_of_one_strategy_names_it()
    {
        var trades = _dir.Write("t.csv", Header + Row("T1", 1, 1, "alpha") + Row("T2", 2, 1, "alpha"));

        var input = BacktestInput.Load(trades);

        Assert.Equal("alpha", input.StrategyId);
        Assert.Equal(2, input.Events.Count);
    }

    [Fact]
    public void Several_strategies_need_a_choice()
    {
        var trades = _dir.Write(
            "t.csv", Header + Row("T1", 1, 1, "beta") + Row("T2", 2, 1, "alpha") + Row("T3", 3, 1, "beta"));

        var e = Fixtures.AssertRejected(() => BacktestInput.Load(trades), 0, "strategy_id");
        Assert.Equal(
            trades + ": strategy_id: the file holds several strategies [alpha, beta]; choose one with --strategy",
            e.Message);
    }

    [Fact]
    public void The_chosen_strategy_keeps_its_trades_and_those_without_a_strategy()
    {
        var trades = _dir.Write(
            "t.csv",
            Header + Row("T1", 1, 1, "beta") + Row("T2", 2, 1, "alpha") + Row("T3", 3, 1, "")
            + Row("T4", 4, 1, "beta"));

        var input = BacktestInput.Load(trades, strategy: "beta");

        Assert.Equal("beta", input.StrategyId);
        Assert.Equal(["trade T1", "trade T3", "trade T4"], input.Events.Select(Describe));
    }

    [Fact]
    public void A_strategy_the_file_does_not_hold_is_refused()
    {
        var trades = _dir.Write("t.csv", Header + Row("T1", 1, 1, "beta") + Row("T2", 2, 1, "alpha"));

        var e = Fixtures.AssertRejected(() => BacktestInput.Load(trades, strategy: "gamma"), 0, "strategy_id");
        Assert.Equal("no trade of strategy 'gamma'; the file holds [alpha, beta]", e.Reason);
    }

    [Fact]
    public void A_strategy_chosen_for_a_file_without_strategy_ids_names_the_input()
    {
        var trades = _dir.Write("t.csv", Header + Row("T1", 1, 1, ""));

        var input = BacktestInput.Load(trades, strategy: "gamma");

        Assert.Equal("gamma", input.StrategyId);
        Assert.Single(input.Events);
    }

    [Fact]
    public void A_balances_file_and_an_initial_balance_are_not_both_accepted()
    {
        var trades = _dir.Write("t.csv", Header + Row("T1", 1, 1, ""));
        var balances = _dir.Write("b.csv", "time,balance\n2025-01-01T00:00:00Z,1000\n");

        var e = Fixtures.AssertRejected(() => BacktestInput.Load(trades, balances, 5), 0, "initial_balance");
        Assert.Equal(balances, e.File);
        Assert.Equal(
            "give either a balances file or an initial balance, not both: "
            + "the first observed balance is the initial one",
            e.Reason);
    }

    [Theory]
    [InlineData(0.0, "0")]
    [InlineData(-5.0, "-5")]
    [InlineData(double.NaN, "NaN")]
    [InlineData(double.PositiveInfinity, "Infinity")]
    public void The_initial_balance_must_be_finite_and_positive(double initial, string shown)
    {
        var trades = _dir.Write("t.csv", Header + Row("T1", 1, 1, ""));

        var e = Fixtures.AssertRejected(
            () => BacktestInput.Load(trades, initialBalance: initial), 0, "initial_balance");
        Assert.Equal(trades, e.File);
        Assert.Equal("must be a finite number greater than 0, got " + shown, e.Reason);
    }

    [Fact]
    public void A_bad_balance_row_names_the_balances_file_and_line()
    {
        var trades = _dir.Write("t.csv", Header + Row("T1", 1, 1, ""));
        var balances = _dir.Write("b.csv", "time,balance\n2025-01-01T00:00:00Z,1000\n2025-01-02T00:00:00Z,-5\n");

        var e = Fixtures.AssertRejected(() => BacktestInput.Load(trades, balances), 3, "balance");
        Assert.StartsWith(balances + ":3: balance: ", e.Message, StringComparison.Ordinal);
    }

    private static DateTimeOffset At(int hour) => new(2025, 1, 1, hour, 0, 0, TimeSpan.Zero);

    /// <summary>A trade opened at <paramref name="exitHour"/> − 1 and closed at that hour of 2025-01-01.</summary>
    private static string Row(string id, int exitHour, double pnl, string strategy) =>
        FormattableString.Invariant($"{id},BTCUSDT,long,2025-01-01T{exitHour - 1:00}:00:00Z,")
        + FormattableString.Invariant($"2025-01-01T{exitHour:00}:00:00Z,100,101,1,{pnl},0.1,0,{strategy}\n");

    private static string Describe(IPerformanceEvent e) => e switch
    {
        TradeClosed t => "trade " + t.TradeId,
        BalanceUpdated b => FormattableString.Invariant($"balance {b.Balance}"),
        _ => e.ToString()!,
    };
}
