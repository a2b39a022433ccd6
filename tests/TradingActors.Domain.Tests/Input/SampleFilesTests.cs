using TradingActors.Domain.Events;
using TradingActors.Domain.Input;

namespace TradingActors.Domain.Tests.Input;

/// <summary>
/// Port of the JVM build's <c>SampleFilesTest</c>, every case (named on each): the bundled sample backtest
/// (<c>examples/</c>, written by <c>examples/generate_sample.py</c>) reads without error and is as self-consistent as
/// the generator promises, so it can serve as the reference data of later suites.
/// </summary>
public sealed class SampleFilesTests
{
    private const int Trades = 250;
    private const int IntradaySnapshots = 14;

    private static readonly string Examples = FindExamples();

    // theSampleTradesParse
    [Fact]
    public void The_sample_trades_parse()
    {
        var trades = TradeFileReader.Read(Path.Combine(Examples, "sample-trades.csv"));

        Assert.Equal(Trades, trades.Count);
        Assert.Equal(2, trades[0].Line);
        Assert.Equal(Trades + 1, trades[Trades - 1].Line);
        Assert.All(trades, t => Assert.Null(t.StrategyId));
        Assert.Equal([Side.Long, Side.Short], trades.Select(t => t.Trade.Side).Distinct().Order());
        Assert.Equal(
            ["BNBUSDT", "BTCUSDT", "ETHUSDT", "SOLUSDT"],
            trades.Select(t => t.Trade.Symbol).Distinct().Order(StringComparer.Ordinal));
        Assert.True(trades.Count(t => t.Trade.RiskReward is not null) > Trades * 3 / 4);
    }

    // theJsonLinesSampleIsTheFirstTwentyTrades
    [Fact]
    public void The_json_lines_sample_is_the_first_twenty_trades()
    {
        var csv = TradeFileReader.Read(Path.Combine(Examples, "sample-trades.csv"));
        var jsonl = TradeFileReader.Read(Path.Combine(Examples, "sample-trades.jsonl"));

        Assert.Equal(20, jsonl.Count);
        Assert.Equal(csv.Take(20).Select(t => t.Trade), jsonl.Select(t => t.Trade));
    }

    // pnlIsThePriceMoveNetOfCosts
    [Fact]
    public void Pnl_is_the_price_move_net_of_costs()
    {
        foreach (var parsed in TradeFileReader.Read(Path.Combine(Examples, "sample-trades.csv")))
        {
            var t = parsed.Trade;
            var direction = t.Side == Side.Long ? 1 : -1;
            var expected = ((t.ExitPrice - t.EntryPrice) * t.Quantity * direction) - t.Fees - t.Slippage;
            Assert.True(Math.Abs(t.Pnl - expected) <= 0.005 + 1e-6, $"pnl on line {parsed.Line}");
            Assert.True(t.Slippage >= 0, $"slippage on line {parsed.Line}");
        }
    }

    // theSampleBalancesFollowTheTrades
    [Fact]
    public void The_sample_balances_follow_the_trades()
    {
        var trades = TradeFileReader.Read(Path.Combine(Examples, "sample-trades.csv"));
        var balances = BalanceFileReader.Read(Path.Combine(Examples, "sample-balances.csv"));

        Assert.Equal(1 + Trades + IntradaySnapshots, balances.Count);
        Assert.Equal(10000.0, balances[0].Balance.Balance);
        var balanceAt = new Dictionary<DateTimeOffset, double>();
        foreach (var b in balances)
        {
            Assert.True(balanceAt.TryAdd(b.Balance.Time, b.Balance.Balance), "one observation per time");
        }
        var running = 10000.0;
        var previousExit = DateTimeOffset.MinValue;
        foreach (var parsed in trades)
        {
            var t = parsed.Trade;
            Assert.True(t.ExitTime > previousExit, "trades are in exit order");
            previousExit = t.ExitTime;
            running += t.Pnl;
            Assert.True(Math.Abs(balanceAt[t.ExitTime] - running) <= 1e-6, $"balance at exit of {t.TradeId}");
        }
    }

    // theSampleHasTheDrawdownAndStreaksItPromises
    [Fact]
    public void The_sample_has_the_drawdown_and_streaks_it_promises()
    {
        var peak = 0.0;
        var maxDrawdown = 0.0;
        foreach (var b in BalanceFileReader.Read(Path.Combine(Examples, "sample-balances.csv")))
        {
            peak = Math.Max(peak, b.Balance.Balance);
            maxDrawdown = Math.Max(maxDrawdown, 1 - (b.Balance.Balance / peak));
        }
        var streak = 0;
        var longest = 0;
        foreach (var t in TradeFileReader.Read(Path.Combine(Examples, "sample-trades.csv")))
        {
            streak = t.Trade.Pnl < 0 ? streak + 1 : 0;
            longest = Math.Max(longest, streak);
        }

        Assert.InRange(maxDrawdown, 0.10, 0.20);
        Assert.InRange(longest, 3, 6);
    }

    /// <summary>The repository's <c>examples/</c>, found above the test's base directory.</summary>
    private static string FindExamples()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var examples = Path.Combine(dir.FullName, "examples");
            if (File.Exists(Path.Combine(examples, "sample-trades.csv")))
            {
                return examples;
            }
        }
        throw new InvalidOperationException($"no examples/ above {AppContext.BaseDirectory}");
    }
}
