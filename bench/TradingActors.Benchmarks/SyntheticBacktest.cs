using System.Globalization;
using TradingActors.Domain.Events;

namespace TradingActors.Benchmarks;

/// <summary>
/// A seeded random backtest: trades five minutes apart with wins, losses and breakevens, and a balance after each.
/// The same seed gives the same events and the same files.
/// </summary>
public static class SyntheticBacktest
{
    private static readonly DateTimeOffset Start = new(2020, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Trades interleaved with the balance after each: 2 × <paramref name="trades"/> events.</summary>
    public static IPerformanceEvent[] Events(int trades, int seed = 42)
    {
        var random = new Random(seed);
        var events = new IPerformanceEvent[2 * trades];
        var balance = 100_000.0;
        for (var i = 0; i < trades; i++)
        {
            var trade = Trade(random, i);
            balance += trade.Pnl;
            events[2 * i] = trade;
            events[2 * i + 1] = new BalanceUpdated(trade.ExitTime, balance);
        }
        return events;
    }

    /// <summary>Writes <paramref name="trades"/> trades and their balances as CSV files.</summary>
    public static void WriteCsv(string tradesFile, string balancesFile, int trades, int seed = 42)
    {
        using var t = new StreamWriter(tradesFile);
        using var b = new StreamWriter(balancesFile);
        t.WriteLine("trade_id,symbol,side,entry_time,exit_time,entry_price,exit_price,quantity,pnl,fees,slippage,risk_reward");
        b.WriteLine("time,balance");
        var random = new Random(seed);
        var balance = 100_000.0;
        var c = CultureInfo.InvariantCulture;
        for (var i = 0; i < trades; i++)
        {
            var x = Trade(random, i);
            balance = Math.Round(balance + x.Pnl, 2);
            t.WriteLine(string.Create(c,
                $"{x.TradeId},{x.Symbol},{x.Side.WireName()},{Instants.Format(x.EntryTime)},{Instants.Format(x.ExitTime)},{x.EntryPrice},{x.ExitPrice},{x.Quantity},{x.Pnl},{x.Fees},{x.Slippage},{x.RiskReward}"));
            b.WriteLine(string.Create(c, $"{Instants.Format(x.ExitTime)},{balance}"));
        }
    }

    /// <summary>The trade of index <paramref name="i"/> (id <c>T{i:D8}</c>, closing 5 × (i + 1) minutes in).</summary>
    public static TradeClosed Trade(Random random, int i)
    {
        var exit = Start.AddMinutes(5 * (i + 1));
        var entry = exit.AddMinutes(-random.Next(1, 240));
        var roll = random.NextDouble();
        var pnl = roll < 0.02 ? 0.0 : Math.Round((roll < 0.53 ? 1 : -1) * random.NextDouble() * 50, 2);
        var price = Math.Round(100 + random.NextDouble() * 10, 2);
        return new TradeClosed(
            $"T{i:D8}", "BTCUSDT", i % 3 == 0 ? Side.Short : Side.Long, entry, exit, price,
            Math.Round(price * (1 + pnl / 10_000), 4), 1.0, pnl, 0.5, 0.1, Math.Round(1 + random.NextDouble() * 2, 2));
    }
}
