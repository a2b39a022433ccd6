using TradingActors.Domain.Events;
using TradingActors.Domain.State;
using TradingActors.Metrics;

namespace TradingActors.Domain.Tests.State;

/// <summary>
/// Event builders and a deterministic random sequence for the state tests: a port of the JVM build's test fixture
/// <c>io/tradingactors/domain/fixtures/Events.java</c> (a seeded <see cref="Random"/> in place of SplittableRandom).
/// </summary>
internal static class StateFixtures
{
    public static readonly DateTimeOffset T0 = new(2025, 3, 1, 0, 0, 0, TimeSpan.Zero);

    public static readonly MetricSettings S = MetricSettings.Defaults;

    public static TradeClosed Trade(string id, DateTimeOffset entry, DateTimeOffset exit, double pnl, double? rr = 2.0) =>
        new(id, "BTCUSDT", Side.Long, entry, exit, 100.0, 101.0, 1.0, pnl, 0.5, 0.25, rr);

    /// <summary>A trade of <paramref name="pnl"/> that closes <paramref name="exitHours"/> after T0, open for one hour.</summary>
    public static TradeClosed Trade(string id, double exitHours, double pnl)
    {
        var exit = At(exitHours);
        return Trade(id, exit.AddHours(-1), exit, pnl);
    }

    public static BalanceUpdated Balance(double hours, double balance) => new(At(hours), balance);

    public static DateTimeOffset At(double hours) => T0.AddMilliseconds((long)(hours * 3_600_000));

    public static long Ms(double hours) => Instants.ToEpochMs(At(hours));

    public static PerformanceState Fold(IEnumerable<IPerformanceEvent> events, MetricSettings? settings = null) =>
        FoldOnto(PerformanceState.Empty(settings ?? S), events);

    public static PerformanceState FoldOnto(PerformanceState state, IEnumerable<IPerformanceEvent> events)
    {
        foreach (var e in events)
        {
            state = state.Apply(e);
        }
        return state;
    }

    public static PerformanceState Fold(params IPerformanceEvent[] events) => Fold((IEnumerable<IPerformanceEvent>)events);

    /// <summary>
    /// A random but valid sequence in time order: trades with a balance after each, plus intraday ticks and multi-day
    /// gaps, starting at <paramref name="initial"/>.
    /// </summary>
    public static List<IPerformanceEvent> RandomSequence(int trades, int seed, double initial)
    {
        var rnd = new Random(seed);
        var output = new List<IPerformanceEvent>();
        var t = T0;
        var balance = initial;
        output.Add(new BalanceUpdated(t, balance));
        for (var i = 0; i < trades; i++)
        {
            var entry = t.AddMinutes(1 + rnd.Next(600));
            var exit = entry.AddMinutes(1 + rnd.Next(rnd.Next(10) == 0 ? 5_000 : 900));
            var pnl = rnd.Next(12) == 0 ? 0.0 : Math.Round((rnd.NextDouble() - 0.45) * 20_000) / 100.0;
            double? rr = rnd.Next(4) == 0 ? null : Math.Round(rnd.NextDouble() * 400) / 100.0;
            output.Add(new TradeClosed(
                "trade-" + i, i % 2 == 0 ? "BTCUSDT" : "ETHUSDT", rnd.Next(2) == 0 ? Side.Long : Side.Short, entry, exit,
                100, 101, 1, pnl, 0.4, 0.1, rr));
            balance = Math.Max(1.0, balance + pnl);
            output.Add(new BalanceUpdated(exit, balance));
            var ticks = rnd.Next(3);
            for (var k = 0; k < ticks; k++)
            {
                exit = exit.AddMinutes(1 + rnd.Next(120));
                output.Add(new BalanceUpdated(exit, Math.Max(1.0, balance + (rnd.NextDouble() - 0.5) * 50)));
            }
            t = exit;
        }
        return output;
    }

    /// <summary>The outcome the fold records for a trade.</summary>
    public static TradeOutcome OutcomeOf(TradeClosed t) => new(
        Instants.ToEpochMs(t.EntryTime), Instants.ToEpochMs(t.ExitTime), t.Pnl, t.Fees, t.Slippage, t.RiskReward);

    /// <summary>Bits of a nullable double: null stays null, so "null in the same places" is part of the comparison.</summary>
    public static long? Bits(double? value) => value is { } v ? BitConverter.DoubleToInt64Bits(v) : null;
}
