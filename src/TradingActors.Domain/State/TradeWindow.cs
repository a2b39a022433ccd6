using TradingActors.Metrics;

namespace TradingActors.Domain.State;

/// <summary>
/// The trades the rolling windows still need (the last 30 days up to the latest event), in recording order: exit
/// time, pnl and planned R:R (NaN where a trade carries none), 24 bytes a trade in a ring shared by versions
/// (<see cref="RecentColumns"/>), so a trade allocates nothing once the ring has room for twice a month of trades.
/// </summary>
public readonly struct TradeWindow : IEquatable<TradeWindow>
{
    private const int Pnl = 0;
    private const int RiskReward = 1;

    private readonly RecentColumns? _ring;
    private readonly long _start;
    private readonly long _end;

    private TradeWindow(RecentColumns? ring, long start, long end)
    {
        _ring = ring;
        _start = start;
        _end = end;
    }

    /// <summary>Trades in the window.</summary>
    public int Count => (int)(_end - _start);

    /// <summary>This window with one more trade at the end.</summary>
    public TradeWindow Plus(long exitTimeMs, double pnl, double? riskReward)
    {
        var (ring, start) = RecentColumns.Append(
            _ring, _start, _end, 2, exitTimeMs, [pnl, riskReward ?? double.NaN]);
        return new TradeWindow(ring, start, start + Count + 1);
    }

    /// <summary>This window without its leading trades that exited at or before <paramref name="timeMs"/>.</summary>
    public TradeWindow DropExitedUpTo(long timeMs)
    {
        if (_ring is null || _start == _end)
        {
            return this;
        }
        var from = _ring.FirstAfter(_start, _end, timeMs);
        return from == _start ? this : new TradeWindow(_ring, from, _end);
    }

    /// <summary>
    /// <see cref="RollingWindows.Of"/> over these trades: those with exit in (asOf − window, asOf], and the Sharpe ratio
    /// of <paramref name="windowReturns"/>.
    /// </summary>
    public WindowStatistics Statistics(long asOfMs, long windowMs, ReadOnlySpan<double> windowReturns, MetricSettings s)
    {
        var (times, values) = Columns();
        return RollingWindows.Of(times, values[Pnl], values[RiskReward], asOfMs, windowMs, windowReturns, s);
    }

    /// <summary>
    /// The trades that exited in [<paramref name="fromMs"/>, <paramref name="toMs"/>): their count and their pnl summed
    /// in recording order (so every path that asks gets the same bits).
    /// </summary>
    public (int Trades, double Pnl) PnlExitedBetween(long fromMs, long toMs)
    {
        var (times, values) = Columns();
        var trades = 0;
        var pnl = 0.0;
        for (var i = 0; i < times.Length; i++)
        {
            if (times[i] >= fromMs && times[i] < toMs)
            {
                trades++;
                pnl += values[Pnl][i];
            }
        }
        return (trades, pnl);
    }

    /// <summary>The trades as columns, oldest first: exit times, then pnls and R:Rs (NaN for none). Copies.</summary>
    public (long[] ExitTimesMs, double[][] Values) Columns() =>
        _ring is null ? ([], [[], []]) : _ring.Copy(_start, _end);

    public bool Equals(TradeWindow other)
    {
        var (t1, v1) = Columns();
        var (t2, v2) = other.Columns();
        return t1.AsSpan().SequenceEqual(t2)
            && v1[Pnl].AsSpan().SequenceEqual(v2[Pnl])
            && BitsEqual(v1[RiskReward], v2[RiskReward]);
    }

    public override bool Equals(object? obj) => obj is TradeWindow other && Equals(other);

    public override int GetHashCode() => Count;

    public static bool operator ==(TradeWindow left, TradeWindow right) => left.Equals(right);

    public static bool operator !=(TradeWindow left, TradeWindow right) => !left.Equals(right);

    private static bool BitsEqual(double[] a, double[] b) =>
        a.Length == b.Length && a.Select(BitConverter.DoubleToInt64Bits).SequenceEqual(b.Select(BitConverter.DoubleToInt64Bits));
}
