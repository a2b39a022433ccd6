using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using TradingActors.Domain.Events;
using TradingActors.Domain.State;
using TradingActors.Metrics;

namespace TradingActors.Actors.Tests.Serialization;

/// <summary>
/// A random valid event stream for the snapshot tests, drawn from <see cref="Seed"/>: trades with pnl of every sign
/// and −0.0, optional R:R, retried ids with another payload, late trades (exit before the latest event), balances in
/// non-decreasing time order (some at the same instant), intraday ticks, midnight crossings and multi-day gaps (beyond
/// 30 days too), times with sub-millisecond ticks and non-UTC offsets, and a fifth of the streams starting before
/// 1970. The state to snapshot is the fold of its first <see cref="Cut"/> events; the rest are folded on afterwards.
/// </summary>
public sealed record StateScenario(int Seed, int Length, int Cut, int SettingsChoice)
{
    private static readonly MetricSettings[] SettingsChoices =
    [
        MetricSettings.Defaults,
        new(252, 0.05, 0.0),
        new(365, -0.01, 0.1),
        new(12, 0.0, 0.02),
    ];

    public MetricSettings Settings => SettingsChoices[SettingsChoice % SettingsChoices.Length];

    public IReadOnlyList<IPerformanceEvent> Events => Generate(Seed, Length);

    /// <summary>The fold of the first <see cref="Cut"/> events.</summary>
    public PerformanceState StateAtCut() => Fold(PerformanceState.Empty(Settings), Events.Take(Cut));

    public static PerformanceState Fold(PerformanceState state, IEnumerable<IPerformanceEvent> events)
    {
        foreach (var e in events)
        {
            state = state.Apply(e);
        }
        return state;
    }

    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"StateScenario(seed {Seed}, {Length} events, cut at {Cut}, settings {Settings})");

    /// <summary>The stream; a prefix of a longer one with the same seed.</summary>
    public static List<IPerformanceEvent> Generate(int seed, int length)
    {
        const long minute = 60_000;
        var rnd = new Random(seed);
        var events = new List<IPerformanceEvent>(length);
        var now = rnd.Next(5) == 0
            ? new DateTimeOffset(1969, 12, 25, 0, 0, 0, TimeSpan.Zero).Ticks
            : new DateTimeOffset(2025, 3, 1, 0, 0, 0, TimeSpan.Zero).Ticks + rnd.NextInt64(TimeSpan.TicksPerDay);
        var balance = Math.Pow(10, 1 + rnd.NextDouble() * 6);
        var ids = new List<string>();
        while (events.Count < length)
        {
            var roll = rnd.NextDouble();
            var advanceMs = roll switch
            {
                < 0.15 => 0,
                < 0.55 => rnd.NextInt64(1, 30 * minute),
                < 0.75 => rnd.NextInt64(30 * minute, 20 * 60 * minute),
                < 0.9 => Math.Max(0, ToMidnight(now) / TimeSpan.TicksPerMillisecond - 1), // to 23:59:59.999
                _ => rnd.Next(1, 45) * Time.MsPerDay + rnd.NextInt64(Time.MsPerDay),
            };
            // Sub-millisecond ticks: the fold counts in ms, the journal keeps the ticks.
            var advance = advanceMs * TimeSpan.TicksPerMillisecond + (rnd.Next(3) == 0 ? rnd.Next(10_000) : 0);
            var kind = rnd.NextDouble();
            if (kind < 0.45)
            {
                now += advance;
                balance = rnd.Next(10) switch
                {
                    0 => balance, // flat
                    1 => balance * Math.Pow(10, (rnd.NextDouble() - 0.5) * 4), // a deposit or a crash
                    _ => balance * Math.Exp(0.03 * (rnd.NextDouble() - 0.5)),
                };
                events.Add(new BalanceUpdated(At(now, rnd), balance));
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
                exit = now - rnd.NextInt64(35 * TimeSpan.TicksPerDay);
            }
            else
            {
                id = ids[rnd.Next(ids.Count)]; // a retry, with another payload: changes nothing
                exit = now;
            }
            var entry = exit - rnd.NextInt64(1, 3 * TimeSpan.TicksPerDay);
            var pnl = rnd.Next(12) switch
            {
                0 => 0.0,
                1 => -0.0,
                _ => Math.Round((rnd.NextDouble() - 0.45) * 2_000_000) / 100.0,
            };
            double? rr = rnd.Next(4) == 0 ? null : Math.Round(rnd.NextDouble() * 400) / 100.0;
            events.Add(new TradeClosed(
                id, "BTCUSDT", rnd.Next(2) == 0 ? Side.Long : Side.Short, At(entry, rnd), At(exit, rnd), 100, 101, 1,
                pnl, rnd.NextDouble(), rnd.NextDouble() / 10, rr, rnd.Next(3) == 0 ? rnd.NextDouble() : null,
                rnd.Next(3) == 0 ? -rnd.NextDouble() : null));
        }
        return events;
    }

    private static long ToMidnight(long ticks) => (ticks / TimeSpan.TicksPerDay + 1) * TimeSpan.TicksPerDay - ticks;

    /// <summary>The instant, shown at a random offset now and then.</summary>
    private static DateTimeOffset At(long utcTicks, Random rnd)
    {
        var utc = new DateTimeOffset(utcTicks, TimeSpan.Zero);
        return rnd.Next(4) == 0 ? utc.ToOffset(TimeSpan.FromMinutes(rnd.Next(-12 * 4, 14 * 4) * 15)) : utc;
    }
}

/// <summary>The FsCheck arbitrary of <see cref="StateScenario"/>: up to 600 events, shrinking to shorter
/// ones.</summary>
public static class StateScenarioArbitrary
{
    public static Arbitrary<StateScenario> Scenarios()
    {
        var gen =
            from seed in Gen.Choose(0, int.MaxValue)
            from length in Gen.Frequency((1, Gen.Choose(0, 20)), (4, Gen.Choose(20, 600)))
            from cutFraction in Gen.Choose(50, 100)
            from settings in Gen.Choose(0, 3)
            select new StateScenario(seed, length, length * cutFraction / 100, settings);
        return Arb.From(gen, Shrink);
    }

    private static IEnumerable<StateScenario> Shrink(StateScenario s) =>
        new[] { 0, s.Length / 4, s.Length / 2, s.Length - 1 }
            .Where(n => n >= 0 && n < s.Length)
            .Distinct()
            .Select(n => s with { Length = n, Cut = Math.Min(s.Cut, n) });
}
