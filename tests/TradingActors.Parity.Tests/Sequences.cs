using System.Globalization;
using TradingActors.Domain.Events;

namespace TradingActors.Parity.Tests;

/// <summary>Generated event sequences for the parity suites: deterministic by seed, valid, in the order a file gives.</summary>
public static class Sequences
{
    private static readonly DateTimeOffset T0 = new(2025, 3, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// About <paramref name="trades"/> trades over some months with balances: pnl of every sign and breakevens, trade
    /// ids retried with another payload, late trades (exit before the latest event, some beyond 30 days), several
    /// balances at one instant and exact repeats of a balance, ticks either side of UTC midnight, gaps of days and of
    /// exactly 7 and 30 days, sub-millisecond times.
    /// </summary>
    public static List<IPerformanceEvent> Random(int seed, int trades, double initial = 25_000)
    {
        var rnd = new Random(seed);
        var events = new List<IPerformanceEvent>();
        var now = T0.AddMinutes(rnd.Next(1_000));
        var balance = initial;
        events.Add(new BalanceUpdated(now, balance));
        var ids = new List<string>();
        for (var i = 0; i < trades; i++)
        {
            now = rnd.Next(20) switch
            {
                0 => now.AddDays(rnd.Next(2, 12)),
                1 => now.AddDays(7),
                2 when i % 50 == 0 => now.AddDays(30),
                3 => new DateTimeOffset(now.UtcDateTime.Date.AddDays(1), TimeSpan.Zero).AddMilliseconds(rnd.Next(-2, 2)),
                _ => now.AddMinutes(rnd.Next(1, 900)).AddTicks(rnd.Next(3) == 0 ? rnd.Next(10_000) : 0),
            };
            var retry = ids.Count > 0 && rnd.Next(15) == 0;
            var id = retry ? ids[rnd.Next(ids.Count)] : "g-" + ids.Count.ToString(CultureInfo.InvariantCulture);
            if (!retry)
            {
                ids.Add(id);
            }
            var exit = rnd.Next(10) == 0 ? now.AddHours(-rnd.Next(1, 24 * 35)) : now;
            var pnl = rnd.Next(10) == 0 ? (rnd.Next(2) == 0 ? 0.0 : -0.0) : Math.Round((rnd.NextDouble() - 0.46) * 40_000) / 100;
            events.Add(new TradeClosed(id, rnd.Next(2) == 0 ? "BTCUSDT" : "ETHUSDT", rnd.Next(2) == 0 ? Side.Long : Side.Short,
                exit.AddMinutes(-rnd.Next(1, 3_000)), exit, 100 + rnd.NextDouble(), 101, 0.5 + rnd.NextDouble(), pnl,
                Math.Round(rnd.NextDouble() * 5, 2), Math.Round(rnd.NextDouble(), 2),
                rnd.Next(4) == 0 ? null : Math.Round(rnd.NextDouble() * 4, 2),
                rnd.Next(3) == 0 ? Math.Round(rnd.NextDouble() * 300, 2) : null,
                rnd.Next(3) == 0 ? -Math.Round(rnd.NextDouble() * 300, 2) : null));
            if (!retry)
            {
                balance = Math.Max(1, balance + pnl);
            }
            switch (rnd.Next(8))
            {
                case 0:
                    break; // a trade without a balance after it
                case 1:
                    events.Add(new BalanceUpdated(now, balance - 3));
                    events.Add(new BalanceUpdated(now, balance)); // two at one instant: the later one stands
                    break;
                case 2:
                    events.Add(new BalanceUpdated(now, balance));
                    events.Add(new BalanceUpdated(now, balance)); // an exact repeat
                    break;
                default:
                    events.Add(new BalanceUpdated(now, balance));
                    for (var k = rnd.Next(3); k > 0; k--)
                    {
                        now = now.AddMinutes(rnd.Next(1, 180));
                        events.Add(new BalanceUpdated(now, Math.Max(1, balance + ((rnd.NextDouble() - 0.5) * 80))));
                    }
                    break;
            }
        }
        return events;
    }

    /// <summary>
    /// <paramref name="days"/> UTC days of trading, each with a few trades at whole hours between 01:00 and 22:00 and a
    /// balance after each (so no risk timer of a live node ever falls due in real time during a test), pnl about ±1%
    /// of the balance; every ninth day a bad one: −6% then −5% at its start (daily loss limit, drawdown ladder). No
    /// retries, no repeats: every event changes the state.
    /// </summary>
    public static List<IPerformanceEvent> RiskDays(int seed, int days)
    {
        var rnd = new Random(seed);
        var events = new List<IPerformanceEvent>();
        var balance = 10_000.0;
        var start = new DateTimeOffset(2025, 3, 3, 0, 0, 0, TimeSpan.Zero);
        var trades = 0;
        for (var d = 0; d < days; d++)
        {
            var bad = d % 9 == 8;
            var hours = Enumerable.Range(1, 22).OrderBy(_ => rnd.Next()).Take(rnd.Next(2, 7)).Order().ToList();
            for (var k = 0; k < hours.Count; k++)
            {
                var exit = start.AddDays(d).AddHours(hours[k]);
                var pnl = bad && k < 2
                    ? -Math.Round(balance * (k == 0 ? 0.06 : 0.05), 2)
                    : Math.Round((rnd.NextDouble() - 0.47) * balance * 0.02, 2);
                events.Add(new TradeClosed("r-" + (trades++).ToString(CultureInfo.InvariantCulture), "BTCUSDT", Side.Long,
                    exit.AddMinutes(-30), exit, 100, 101, 1, pnl, 0.5, 0.1));
                balance += pnl;
                events.Add(new BalanceUpdated(exit, balance));
            }
        }
        return events;
    }
}
