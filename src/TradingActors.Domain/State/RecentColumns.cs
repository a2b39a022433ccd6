namespace TradingActors.Domain.State;

/// <summary>
/// A ring of recent rows — a time and one or more doubles each — that the versions of a window share. A version is a
/// range [start, end) of row ordinals. Only the version at the ring's tip (its end is the last row written) appends
/// in place, and only while its live rows fill at most half the ring; any other version, or a tip that needs more
/// room, copies its live rows into a new ring (twice their number, rounded up to a power of two). So appending
/// allocates nothing once the ring has room for twice the live rows, and a grown or forked ring leaves the old one
/// untouched for the versions that hold it.
/// </summary>
/// <remarks>
/// The one limit of sharing: an older version's rows stay in the ring only until a whole ring of rows has been written
/// after its oldest one. Every version holds at most half its ring, so it is exact and can be forked while at most
/// half a ring (at least 4 rows, and at least as many as it holds) has been appended to that ring after it; once its
/// oldest row is overwritten, every read of it throws rather than answer wrongly. Folds keep only their latest state,
/// so they never meet this; a fork taken from a recent state copies and is safe.
/// </remarks>
internal sealed class RecentColumns
{
    private const int MinCapacity = 8;

    private readonly Lock _gate = new();
    private readonly long[] _times;
    private readonly double[][] _values;
    private readonly int _mask;
    private long _tip;

    private RecentColumns(int capacity, int columns)
    {
        _times = new long[capacity];
        _values = new double[columns][];
        for (var c = 0; c < columns; c++)
        {
            _values[c] = new double[capacity];
        }
        _mask = capacity - 1;
    }

    public int Capacity => _times.Length;

    /// <summary>
    /// Appends a row to the version [start, end) after dropping its rows before <paramref name="keepFrom"/>; returns the
    /// ring that holds the new version and the version's new start (a copied ring renumbers its rows from 0).
    /// </summary>
    public static (RecentColumns Ring, long Start) Append(
        RecentColumns? ring, long keepFrom, long end, int columns, long time, ReadOnlySpan<double> values,
        int maxCapacity = int.MaxValue)
    {
        var live = end - keepFrom;
        if (ring is not null)
        {
            lock (ring._gate)
            {
                if (ring._tip == end && 2 * (live + 1) <= ring.Capacity)
                {
                    ring.Write(end, time, values);
                    ring._tip = end + 1;
                    return (ring, keepFrom);
                }
            }
        }
        var wanted = System.Numerics.BitOperations.RoundUpToPowerOf2((uint)Math.Max(MinCapacity, 2 * (live + 1)));
        var cap = System.Numerics.BitOperations.RoundUpToPowerOf2((uint)Math.Max(MinCapacity, maxCapacity));
        var capacity = (int)Math.Min(wanted, cap); // a power of two: slots are row & (capacity − 1)
        var copy = new RecentColumns(capacity, columns);
        for (var i = 0; i < live; i++)
        {
            ring!.CopyRowTo(keepFrom + i, copy, i);
        }
        copy.Write(live, time, values);
        copy._tip = live + 1;
        return (copy, 0);
    }

    public long Time(long row)
    {
        lock (_gate)
        {
            Check(row);
            return _times[row & _mask];
        }
    }

    public double Value(int column, long row)
    {
        lock (_gate)
        {
            Check(row);
            return _values[column][row & _mask];
        }
    }

    /// <summary>Copies rows [start, end) of a column set into fresh arrays (times, then each value column).</summary>
    public (long[] Times, double[][] Values) Copy(long start, long end)
    {
        lock (_gate)
        {
            var n = (int)(end - start);
            var times = new long[n];
            var values = new double[_values.Length][];
            for (var c = 0; c < values.Length; c++)
            {
                values[c] = new double[n];
            }
            if (n > 0)
            {
                Check(start);
            }
            for (var i = 0; i < n; i++)
            {
                var slot = (start + i) & _mask;
                times[i] = _times[slot];
                for (var c = 0; c < values.Length; c++)
                {
                    values[c][i] = _values[c][slot];
                }
            }
            return (times, values);
        }
    }

    /// <summary>The first row in [start, end) whose time is after <paramref name="time"/>, scanning from start.</summary>
    public long FirstAfter(long start, long end, long time)
    {
        lock (_gate)
        {
            if (start < end)
            {
                Check(start);
            }
            var row = start;
            while (row < end && _times[row & _mask] <= time)
            {
                row++;
            }
            return row;
        }
    }

    private void Write(long row, long time, ReadOnlySpan<double> values)
    {
        var slot = row & _mask;
        _times[slot] = time;
        for (var c = 0; c < values.Length; c++)
        {
            _values[c][slot] = values[c];
        }
    }

    private void CopyRowTo(long row, RecentColumns target, long targetRow)
    {
        lock (_gate)
        {
            Check(row);
            var slot = row & _mask;
            var targetSlot = targetRow & target._mask;
            target._times[targetSlot] = _times[slot];
            for (var c = 0; c < _values.Length; c++)
            {
                target._values[c][targetSlot] = _values[c][slot];
            }
        }
    }

    private void Check(long row)
    {
        if (row < _tip - Capacity || row >= _tip)
        {
            throw new InvalidOperationException(
                "this state version's recent rows were overwritten by a newer version of the same fold; " +
                "keep the latest state, or fork from a recent one");
        }
    }
}
