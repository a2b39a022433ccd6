using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using TradingActors.Domain.Events;
using TradingActors.Metrics;

namespace TradingActors.Domain.Tests.State;

/// <summary>
/// A random valid event sequence for the properties: the first <see cref="Length"/> events of the stream that
/// <see cref="Seed"/> draws, so that a prefix of a scenario is a scenario (FsCheck shrinks a failure to its shortest
/// failing prefix). The stream: trades with pnl of every sign and zero (−0.0 too), retried trade ids with another
/// payload, late trades (exit before the latest event, up to 35 days), optional risk_reward; balances positive (a
/// random walk with flat runs, deposits and crashes up to 1000×), in non-decreasing time order with equal times, some older than
/// the latest trade; ticks either side of UTC midnight, multi-day gaps (exactly 7 and 30 days among them), and some
/// timelines that cross 1970-01-01.
/// </summary>
public sealed record EventScenario(int Seed, int Length, int SettingsChoice)
{
    private static readonly MetricSettings[] SettingsChoices =
    [
        MetricSettings.Defaults,
        MetricSettings.Defaults,
        new(252, 0.05, 0.0),
        new(365, -0.01, 0.1),
        new(12, 0.0, 0.02),
    ];

    public MetricSettings Settings => SettingsChoices[SettingsChoice % SettingsChoices.Length];

    public IReadOnlyList<IPerformanceEvent> Events => Generate(Seed, Length);

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"EventScenario(seed {Seed}, {Length} events, settings {Settings})");

    private static List<IPerformanceEvent> Generate(int seed, int length)
    {
        const long minute = 60_000;
        const long hour = 60 * minute;
        var rnd = new Random(seed);
        var events = new List<IPerformanceEvent>(length);
        var start = rnd.Next(5) == 0
            ? new DateTimeOffset(1969, 12, 20, 0, 0, 0, TimeSpan.Zero)
            : StateFixtures.T0.AddMilliseconds(rnd.NextInt64(Time.MsPerDay));
        var now = Instants.ToEpochMs(start);
        long? lastBalance = null;
        var balance = Math.Pow(10, 2 + rnd.NextDouble() * 4);
        var jumps = rnd.Next(4) == 0 ? 30 : 5; // percent of balances that are a deposit or a crash
        var ids = new List<string>();
        while (events.Count < length)
        {
            var roll = rnd.NextDouble();
            long advance;
            if (roll < 0.15)
            {
                advance = 0;
            }
            else if (roll < 0.5)
            {
                advance = rnd.NextInt64(1, 10 * minute);
            }
            else if (roll < 0.72)
            {
                advance = rnd.NextInt64(10 * minute, 12 * hour);
            }
            else if (roll < 0.87)
            {
                long[] offsets = [-minute, -1_000, -1, 0, 1, 1_000];
                var midnight = (Time.UtcDay(now) + 1) * Time.MsPerDay;
                advance = Math.Max(0, midnight + offsets[rnd.Next(offsets.Length)] - now);
            }
            else
            {
                advance = rnd.Next(4) switch
                {
                    0 => RollingWindows.SevenDaysMs,
                    1 => RollingWindows.ThirtyDaysMs,
                    _ => rnd.Next(1, 41) * Time.MsPerDay + rnd.NextInt64(Time.MsPerDay),
                };
            }

            var kind = rnd.NextDouble();
            if (kind < 0.45)
            {
                long time;
                if (lastBalance is { } lb && lb < now && rnd.Next(10) == 0)
                {
                    time = rnd.NextInt64(lb, now); // older than the latest trade, not older than the last balance
                }
                else
                {
                    now += advance;
                    time = now;
                }
                balance = NextBalance(rnd, balance, jumps);
                lastBalance = time;
                events.Add(new BalanceUpdated(Instants.FromEpochMs(time), balance));
                continue;
            }

            string id;
            long exit;
            if (kind < 0.85 || ids.Count == 0)
            {
                id = "t-" + ids.Count.ToString(CultureInfo.InvariantCulture);
                ids.Add(id);
                now += advance;
                exit = now;
            }
            else if (kind < 0.93)
            {
                id = "late-" + ids.Count.ToString(CultureInfo.InvariantCulture);
                ids.Add(id);
                exit = now - rnd.NextInt64(35 * Time.MsPerDay);
            }
            else
            {
                id = ids[rnd.Next(ids.Count)]; // a retry, with another payload: it must change nothing
                now += advance;
                exit = now;
            }
            var duration = rnd.Next(10) == 0 ? 0 : rnd.NextInt64(1, 3 * Time.MsPerDay);
            var pnl = NextPnl(rnd);
            double? rr = rnd.Next(10) < 3 ? null : rnd.Next(20) == 0 ? 0.0 : Math.Round(rnd.NextDouble() * 500) / 100;
            var fees = rnd.Next(5) == 0 ? 0.0 : Math.Round(rnd.NextDouble() * 500) / 100;
            var slippage = Math.Round((rnd.NextDouble() - 0.5) * 200) / 100;
            events.Add(new TradeClosed(
                id, "BTCUSDT", rnd.Next(2) == 0 ? Side.Long : Side.Short, Instants.FromEpochMs(exit - duration),
                Instants.FromEpochMs(exit), 100, 101, 1, pnl, fees, slippage, rr));
        }
        return events;
    }

    private static double NextPnl(Random rnd)
    {
        var roll = rnd.Next(100);
        if (roll < 10)
        {
            return 0.0;
        }
        if (roll < 12)
        {
            return -0.0;
        }
        var sign = rnd.Next(2) == 0 ? -1.0 : 1.0;
        var magnitude = Math.Pow(10, -2 + rnd.NextDouble() * 7);
        // cents mostly; some raw doubles, so that sums round
        return roll < 80 ? sign * Math.Max(0.01, Math.Round(magnitude, 2)) : sign * magnitude;
    }

    private static double NextBalance(Random rnd, double balance, int jumps)
    {
        var roll = rnd.Next(100);
        if (roll < 12)
        {
            return balance; // flat: zero returns, plateaus at the peak
        }
        if (roll < 12 + jumps)
        {
            return balance * Math.Pow(10, (rnd.NextDouble() - 0.5) * 6); // a deposit or a crash, up to 1000×
        }
        double[] sigmas = [0.001, 0.02, 0.2];
        var sigma = sigmas[rnd.Next(sigmas.Length)];
        return balance * Math.Exp(sigma * Gaussian(rnd));
    }

    private static double Gaussian(Random rnd) =>
        Math.Sqrt(-2.0 * Math.Log(1.0 - rnd.NextDouble())) * Math.Cos(2.0 * Math.PI * rnd.NextDouble());
}

/// <summary>The FsCheck arbitraries of the state properties.</summary>
public static class StateArbitraries
{
    public const int MaxEvents = 2_000;

    /// <summary>Scenarios of 0 to 2000 events, shrinking to shorter prefixes.</summary>
    public static Arbitrary<EventScenario> Scenarios()
    {
        var length = Gen.Frequency(
            (3, Gen.Choose(0, 60)), (4, Gen.Choose(60, 600)), (3, Gen.Choose(600, MaxEvents)));
        var gen =
            from seed in Gen.Choose(0, int.MaxValue)
            from n in length
            from settings in Gen.Choose(0, 4)
            select new EventScenario(seed, n, settings);
        return Arb.From(gen, Shrink);
    }

    private static IEnumerable<EventScenario> Shrink(EventScenario s)
    {
        int[] lengths = [0, s.Length / 4, s.Length / 2, s.Length * 3 / 4, s.Length - 1];
        return lengths.Where(n => n >= 0 && n < s.Length).Distinct().Select(n => s with { Length = n });
    }
}
