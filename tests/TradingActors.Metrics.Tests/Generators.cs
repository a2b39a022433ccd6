using System.Globalization;
using System.Text;
using FsCheck;
using FsCheck.Fluent;

namespace TradingActors.Metrics.Tests;

/// <summary>
/// A valid balance series: times in non-decreasing order, balances positive and finite. Any subsequence of one is
/// one too, which is how it shrinks.
/// </summary>
public sealed class BalanceSeries(long[] times, double[] balances)
{
    public long[] Times { get; } = times;

    public double[] Balances { get; } = balances;

    public int Count => Times.Length;

    /// <summary>The first <paramref name="n"/> observations.</summary>
    public (long[] Times, double[] Balances) Prefix(int n) => (Times[..n], Balances[..n]);

    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{Count} observations:");
        for (var i = 0; i < Count; i++)
        {
            if (i == 40 && Count > 50)
            {
                text.Append(" ...");
                i = Count - 5;
            }
            text.Append(CultureInfo.InvariantCulture, $" {Times[i]}={Balances[i]:R}");
        }
        return text.ToString();
    }
}

/// <summary>Closed trades in the order they were recorded.</summary>
public sealed class TradeList(TradeOutcome[] trades)
{
    public TradeOutcome[] Trades { get; } = trades;

    public int Count => Trades.Length;

    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{Count} trades:");
        foreach (var t in Trades.Take(30))
        {
            text.Append(
                CultureInfo.InvariantCulture,
                $" ({t.EntryTimeMs}..{t.ExitTimeMs} pnl {t.Pnl:R} fees {t.Fees:R} slip {t.Slippage:R}"
                + $" rr {t.RiskReward:R})");
        }
        if (Count > 30)
        {
            text.Append(" ...");
        }
        return text.ToString();
    }
}

/// <summary>Daily returns for the moment tests.</summary>
public sealed class ReturnSeries(double[] values)
{
    public double[] Values { get; } = values;

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Values.Length} returns: ")
        + string.Join(", ", Values.Take(40).Select(v => v.ToString("R", CultureInfo.InvariantCulture)))
        + (Values.Length > 40 ? ", ..." : "");
}

/// <summary>
/// The FsCheck arbitraries of the property tests (the Java <c>RandomSeries</c> and <c>PropertyCases</c>, as FsCheck
/// generators): realistic balance series and trade lists of up to 2000 items, a fifth of them of at most two.
/// </summary>
/// <remarks>
/// Balances are strictly positive; times never go backwards and mix equal instants, ticks within a day, ticks a
/// millisecond before, at and after midnight UTC, single-day steps and multi-day gaps. Balances mix random moves,
/// exact repeats, exact returns to the running peak (the <c>&gt;=</c> edge of the drawdown rules) and rare large jumps
/// (a crash, a deposit of up to 1500 times the balance). Trades have pnl of both signs, zeros (−0.0 among them),
/// whole numbers that repeat, and an optional risk_reward.
/// </remarks>
public static class MetricArbitraries
{
    /// <summary>Most series and lists are at most this long, so that the whole project's tests stay fast.</summary>
    public const int MaxSize = 2000;

    /// <summary>Somewhere in 2019..2027, so calendar days vary.</summary>
    private const long Origin = 1_546_300_800_000L; // 2019-01-01T00:00Z

    public static Arbitrary<BalanceSeries> Balances() => Arb.From(BalanceSeriesGen(MaxSize), ShrinkSeries);

    public static Arbitrary<TradeList> Trades() => Arb.From(TradeListGen(MaxSize), ShrinkTrades);

    public static Arbitrary<ReturnSeries> Returns() => Arb.From(ReturnSeriesGen(MaxSize));

    /// <summary>The four settings the Java properties cycle through.</summary>
    public static Arbitrary<MetricSettings> Settings() =>
        Arb.From(Gen.Elements(
            MetricSettings.Defaults,
            new MetricSettings(252, 0.0, 0.0),
            new MetricSettings(365, 0.045, 0.02),
            new MetricSettings(252, 0.03, -0.01)));

    /// <summary>A uniform fraction in [0, 1].</summary>
    public static Gen<double> Unit { get; } = Gen.Choose(0, 1 << 30).Select(i => i / (double)(1 << 30));

    /// <summary>0..2 a fifth of the time, 3..60 three tenths, else up to <paramref name="max"/>.</summary>
    public static Gen<int> Sizes(int max) =>
        Gen.Frequency((2, Gen.Choose(0, 2)), (3, Gen.Choose(3, 60)), (5, Gen.Choose(61, max)));

    /// <summary>An instant in 2019..2027.</summary>
    public static Gen<long> Instant { get; } =
        from day in Gen.Choose(0, 8 * 365)
        from ms in Gen.Choose(0, (int)Time.MsPerDay - 1)
        select Origin + day * Time.MsPerDay + ms;

    private readonly record struct Step(int GapKind, double GapUnit, int MidnightOffset, int MoveKind, double MoveUnit);

    private static readonly Gen<Step> StepGen =
        from gapKind in Gen.Choose(0, 99)
        from gapUnit in Unit
        from offset in Gen.Choose(-1, 1)
        from moveKind in Gen.Choose(0, 999)
        from moveUnit in Unit
        select new Step(gapKind, gapUnit, offset, moveKind, moveUnit);

    public static Gen<BalanceSeries> BalanceSeriesGen(int max) =>
        from n in Sizes(max)
        from start in Instant
        from first in Unit
        from drift in Unit
        from vol in Unit
        from steps in Gen.ArrayOf(StepGen, Math.Max(0, n - 1))
        select BuildSeries(n, start, 100 + first * 100_000, (drift - 0.5) * 0.004, 0.001 + vol * 0.04, steps);

    private static BalanceSeries BuildSeries(int n, long start, double balance, double drift, double vol, Step[] steps)
    {
        var t = new long[n];
        var b = new double[n];
        var time = start;
        var peak = balance;
        for (var i = 0; i < n; i++)
        {
            if (i > 0)
            {
                var s = steps[i - 1];
                time += Gap(s, time);
                balance = s.MoveKind switch
                {
                    < 80 => balance, // the same balance again
                    < 130 => peak, // back exactly at the running peak
                    < 135 => balance * (0.1 + s.MoveUnit * 0.6), // a crash
                    < 140 => balance * 1.5 * Math.Pow(1000, s.MoveUnit), // a deposit: x1.5 .. x1500
                    _ => balance * (1 + drift + (s.MoveUnit * 2 - 1) * vol),
                };
            }
            peak = Math.Max(peak, balance);
            t[i] = time;
            b[i] = balance;
        }
        return new BalanceSeries(t, b);
    }

    private static long Gap(Step s, long time) => s.GapKind switch
    {
        < 10 => 0, // the same instant
        < 55 => 1 + (long)(s.GapUnit * 6 * Fixtures.Hour), // several ticks a day
        < 80 => Time.MsPerDay / 2 + (long)(s.GapUnit * Time.MsPerDay), // about a day
        < 92 => 2 * Time.MsPerDay + (long)(s.GapUnit * 9 * Time.MsPerDay), // a multi-day gap
        // to a millisecond before, at or after the next midnight UTC
        _ => Math.Max(0, (Time.UtcDay(time) + 1) * Time.MsPerDay - time + s.MidnightOffset),
    };

    private readonly record struct TradeDraw(
        int EntryStep, int Duration, int PnlKind, double PnlUnit, int Whole, double FeeUnit, int SlipKind,
        double SlipUnit, int RrKind, double RrUnit);

    private static readonly Gen<TradeDraw> TradeDrawGen =
        from entryStep in Gen.Choose(-(int)Fixtures.Hour, (int)(3 * Time.MsPerDay - Fixtures.Hour))
        from duration in Gen.Choose(0, (int)(5 * Time.MsPerDay))
        from pnlKind in Gen.Choose(0, 99)
        from pnlUnit in Unit
        from whole in Gen.Choose(-50, 50)
        from feeUnit in Unit
        from slipKind in Gen.Choose(0, 3)
        from slipUnit in Unit
        from rrKind in Gen.Choose(0, 2)
        from rrUnit in Unit
        select new TradeDraw(
            entryStep, duration, pnlKind, pnlUnit, whole, feeUnit, slipKind, slipUnit, rrKind, rrUnit);

    public static Gen<TradeList> TradeListGen(int max) =>
        from n in Sizes(max)
        from start in Instant
        from scale in Unit
        from draws in Gen.ArrayOf(TradeDrawGen, n)
        select BuildTrades(start, 1 + scale * 1000, draws);

    private static TradeList BuildTrades(long entry, double scale, TradeDraw[] draws)
    {
        var trades = new TradeOutcome[draws.Length];
        for (var i = 0; i < draws.Length; i++)
        {
            var d = draws[i];
            // entries move forward (sometimes back a little: trades overlap), exits at or after their entries
            entry += d.EntryStep;
            var pnl = d.PnlKind switch
            {
                < 11 => 0.0, // breakeven
                < 12 => -0.0, // a breakeven written as −0.0
                < 15 => d.Whole, // whole numbers, exact repeats likely
                _ => (d.PnlUnit * 2 - 0.9) * scale,
            };
            trades[i] = new TradeOutcome(
                entry,
                entry + d.Duration,
                pnl,
                d.FeeUnit * scale * 0.01,
                d.SlipKind == 0 ? 0.0 : d.SlipUnit * scale * 0.005,
                d.RrKind == 0 ? null : d.RrUnit * 5);
        }
        return new TradeList(trades);
    }

    public static Gen<ReturnSeries> ReturnSeriesGen(int max) =>
        from n in Gen.Choose(2, max)
        from mean in Unit
        from vol in Unit
        from draws in Gen.ArrayOf(Gen.Zip(Gen.Choose(0, 9), Unit), n)
        select new ReturnSeries(
            draws.Select(d => d.Item1 == 0 ? 0.0 : (mean - 0.5) * 0.01 + (d.Item2 * 2 - 1) * (0.001 + vol * 0.05))
                .ToArray());

    /// <summary>Removes chunks of halving size: any subsequence of a valid series is valid.</summary>
    public static IEnumerable<BalanceSeries> ShrinkSeries(BalanceSeries s) =>
        Chunks(s.Count).Select(c => new BalanceSeries(Without(s.Times, c), Without(s.Balances, c)));

    public static IEnumerable<TradeList> ShrinkTrades(TradeList t) =>
        Chunks(t.Count).Select(c => new TradeList(Without(t.Trades, c)));

    private static IEnumerable<(int Start, int Length)> Chunks(int n)
    {
        for (var length = n; length >= 1; length /= 2)
        {
            for (var start = 0; start < n; start += length)
            {
                yield return (start, Math.Min(length, n - start));
            }
        }
    }

    private static T[] Without<T>(T[] values, (int Start, int Length) chunk) =>
        [.. values[..chunk.Start], .. values[(chunk.Start + chunk.Length)..]];
}
