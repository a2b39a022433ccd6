using TradingActors.Domain.Events;

namespace TradingActors.Actors.Tests.Journal;

/// <summary>Event builders for the journal suites: hours after <see cref="T0"/>.</summary>
public static class Ev
{
    public static readonly DateTimeOffset T0 = new(2025, 3, 1, 0, 0, 0, TimeSpan.Zero);

    public static DateTimeOffset At(double hours) => T0.AddMilliseconds(Math.Round(hours * 3_600_000));

    /// <summary>A trade of <paramref name="pnl"/> exiting <paramref name="exitHours"/> after T0, open for an hour.</summary>
    public static TradeClosed Trade(string id, double exitHours, double pnl) =>
        Trade(id, At(exitHours), pnl);

    public static TradeClosed Trade(string id, DateTimeOffset exit, double pnl) =>
        new(id, "BTCUSDT", Side.Long, exit.AddHours(-1), exit, 100.0, 101.0, 1.0, pnl, 0.5, 0.25, 2.0);

    public static BalanceUpdated Balance(double hours, double balance) => new(At(hours), balance);

    /// <summary>
    /// A deterministic, valid mixed sequence of <paramref name="count"/> events over about two months: trades of every
    /// sign (breakevens too), late trades (exit before the latest event), balances in time order with intraday ticks,
    /// midnight crossings and multi-day gaps.
    /// </summary>
    public static List<IPerformanceEvent> Random(int seed, int count, double initial = 10_000)
    {
        var rnd = new Random(seed);
        var events = new List<IPerformanceEvent>(count);
        var now = T0.AddMinutes(rnd.Next(600));
        var balance = initial;
        events.Add(new BalanceUpdated(now, balance));
        var trades = 0;
        while (events.Count < count)
        {
            now = now.AddMinutes(rnd.Next(10) == 0 ? rnd.Next(1, 4) * 1440 : rnd.Next(1, 600));
            if (rnd.Next(3) == 0)
            {
                events.Add(new BalanceUpdated(now, Math.Max(1, balance + ((rnd.NextDouble() - 0.5) * 40))));
                continue;
            }
            var pnl = rnd.Next(12) == 0 ? 0.0 : Math.Round((rnd.NextDouble() - 0.45) * 20_000) / 100.0;
            var exit = rnd.Next(8) == 0 ? now.AddHours(-rnd.Next(1, 72)) : now; // a late trade now and then
            events.Add(new TradeClosed($"r{seed}-{trades++}", trades % 2 == 0 ? "BTCUSDT" : "ETHUSDT",
                rnd.Next(2) == 0 ? Side.Long : Side.Short, exit.AddMinutes(-rnd.Next(1, 900)), exit, 100, 101, 1, pnl,
                0.4, 0.1, rnd.Next(4) == 0 ? null : Math.Round(rnd.NextDouble() * 400) / 100.0));
            balance = Math.Max(1, balance + pnl);
            if (events.Count < count)
            {
                events.Add(new BalanceUpdated(now, balance));
            }
        }
        return events;
    }

    /// <summary>The events read back from the journal for a strategy, in journal order.</summary>
    public static async Task<List<IPerformanceEvent>> ReadJournalAsync(TestNode node, string entityId)
    {
        var events = new List<IPerformanceEvent>();
        await Replay.JournalReplay.ReplayAsync(node.System, entityId, events.Add);
        return events;
    }
}
