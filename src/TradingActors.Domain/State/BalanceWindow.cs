namespace TradingActors.Domain.State;

/// <summary>
/// The last <see cref="Limit"/> raw balance observations, oldest first: what the balance-history endpoint shows for
/// the latest detail, and what recognises a retried balance. Versions share one ring of epoch-ms times and balances
/// (16 bytes a point, at most 2 × <see cref="Limit"/> points rounded up to a power of two), so a new observation
/// allocates nothing once the ring is full-sized, and an older version stays exact while at most <see cref="Limit"/>
/// newer points have been appended to its ring (<see cref="RecentColumns"/>).
/// </summary>
public readonly struct BalanceWindow : IEquatable<BalanceWindow>
{
    private readonly RecentColumns? _ring;
    private readonly long _start;
    private readonly long _end;

    private BalanceWindow(int limit, RecentColumns? ring, long start, long end)
    {
        Limit = limit;
        _ring = ring;
        _start = start;
        _end = end;
    }

    /// <summary>An empty window keeping the last <paramref name="limit"/> points.</summary>
    public static BalanceWindow Empty(int limit) =>
        limit < 1
            ? throw new ArgumentOutOfRangeException(nameof(limit), "a balance window keeps at least one point")
            : new BalanceWindow(limit, null, 0, 0);

    /// <summary>How many points the window keeps.</summary>
    public int Limit { get; }

    /// <summary>Points in the window.</summary>
    public int Count => (int)(_end - _start);

    /// <summary>This window with one more point at the end, without its oldest point when it was full.</summary>
    public BalanceWindow Plus(long timeMs, double balance)
    {
        var keepFrom = Math.Max(_start, _end + 1 - Limit);
        var (ring, start) = RecentColumns.Append(_ring, keepFrom, _end, 1, timeMs, [balance], 2 * Limit);
        return new BalanceWindow(Limit, ring, start, start + (_end - keepFrom) + 1);
    }

    /// <summary>The time of point <paramref name="index"/> (0 = oldest), epoch ms.</summary>
    public long TimeMs(int index) => _ring!.Time(_start + Checked(index));

    /// <summary>The balance of point <paramref name="index"/> (0 = oldest).</summary>
    public double Balance(int index) => _ring!.Value(0, _start + Checked(index));

    /// <summary>The points, oldest first (copies).</summary>
    public (long[] TimesMs, double[] Balances) Points()
    {
        if (_ring is null)
        {
            return ([], []);
        }
        var (times, values) = _ring.Copy(_start, _end);
        return (times, values[0]);
    }

    public bool Equals(BalanceWindow other)
    {
        var (t1, b1) = Points();
        var (t2, b2) = other.Points();
        return t1.AsSpan().SequenceEqual(t2) && b1.AsSpan().SequenceEqual(b2);
    }

    public override bool Equals(object? obj) => obj is BalanceWindow other && Equals(other);

    public override int GetHashCode() => Count;

    public static bool operator ==(BalanceWindow left, BalanceWindow right) => left.Equals(right);

    public static bool operator !=(BalanceWindow left, BalanceWindow right) => !left.Equals(right);

    private int Checked(int index) =>
        index >= 0 && index < Count ? index : throw new ArgumentOutOfRangeException(nameof(index));
}
