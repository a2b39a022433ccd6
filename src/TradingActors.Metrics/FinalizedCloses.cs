namespace TradingActors.Metrics;

/// <summary>
/// The append-only store of finalized daily closes that versions of a <see cref="DailyCloseSeries"/> share. The tip
/// version (the one whose count equals <c>_used</c>) appends in place; slots below <c>_used</c> are never rewritten,
/// which is what makes sharing safe. It grows by a quarter: one close a day needs no faster growth.
/// </summary>
internal sealed class FinalizedCloses
{
    private readonly Lock _gate = new();
    private double[] _values;
    private int _used;
    private TailOfReturns? _tail;
    private int _tailFor = -1;

    private FinalizedCloses(double[] values, int used)
    {
        _values = values;
        _used = used;
    }

    public static FinalizedCloses Of(ReadOnlySpan<double> closes) => new(closes.ToArray(), closes.Length);

    public double Get(int index)
    {
        lock (_gate)
        {
            return _values[index];
        }
    }

    public void CopyTo(int from, double[] destination, int count)
    {
        lock (_gate)
        {
            Array.Copy(_values, from, destination, 0, count);
        }
    }

    /// <summary>
    /// Writes <paramref name="close"/> into slots [count, newCount) and returns the store holding them: this one when
    /// the version at <paramref name="count"/> is its tip, else a private copy of its first <paramref name="count"/>
    /// slots. Atomic, so two versions forked from the same tip cannot both append in place.
    /// </summary>
    public static FinalizedCloses AppendFilled(FinalizedCloses? store, int count, int newCount, double close)
    {
        if (store is null)
        {
            var fresh = new FinalizedCloses(new double[Grown(newCount)], newCount);
            Array.Fill(fresh._values, close, 0, newCount);
            return fresh;
        }
        lock (store._gate)
        {
            var target = store;
            if (store._used != count)
            {
                var copy = new double[Grown(newCount)];
                Array.Copy(store._values, copy, count);
                target = new FinalizedCloses(copy, count);
            }
            else if (store._values.Length < newCount)
            {
                Array.Resize(ref store._values, Math.Max(newCount, Grown(store._values.Length)));
            }
            Array.Fill(target._values, close, count, newCount - count);
            target._used = newCount;
            return target;
        }
    }

    /// <summary>
    /// The lowest returns between the first <paramref name="count"/> closes, memoised for the latest count asked (a new
    /// count comes once a day). Keeps floor(5 % · (count − 1)) + 3 of them — past the index the 5th percentile of count
    /// returns reads, the provisional one included — plus how many returns after them repeat the last one, and the
    /// first return after those.
    /// </summary>
    public TailOfReturns Tail(int count)
    {
        lock (_gate)
        {
            if (_tailFor != count || _tail is null)
            {
                var f = count - 1;
                var r = new double[f];
                for (var i = 1; i < count; i++)
                {
                    r[i - 1] = _values[i] / _values[i - 1] - 1.0;
                }
                Array.Sort(r);
                var k = Math.Min(f, ReturnStats.PercentileUpperIndex(f + 1, ReturnStats.VarPercentile) + 2);
                var repeats = 0;
                while (k > 0 && k + repeats < f && r[k + repeats].CompareTo(r[k - 1]) == 0)
                {
                    repeats++;
                }
                var after = k + repeats;
                _tail = new TailOfReturns(r[..k], repeats, after < f, after < f ? r[after] : 0.0);
                _tailFor = count;
            }
            return _tail;
        }
    }

    private static int Grown(int capacity) => capacity + Math.Max(4, capacity / 4);
}

/// <summary>
/// The lowest finalized returns, sorted; <see cref="Repeats"/> more returns equal to the last of them follow, then
/// <see cref="Next"/> when <see cref="HasNext"/>.
/// </summary>
internal sealed record TailOfReturns(double[] Lowest, int Repeats, bool HasNext, double Next);
