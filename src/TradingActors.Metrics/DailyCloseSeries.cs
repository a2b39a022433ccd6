namespace TradingActors.Metrics;

/// <summary>
/// The daily close series (DESIGN §3) built one observation at a time, with the moments of its daily returns, for an
/// immutable state whose memory must not grow with the number of ticks: one double per calendar day, nothing per tick.
/// </summary>
/// <remarks>
/// <para>Days before the current one are final and live in an append-only store shared between versions: only the
/// version at the store's tip appends in place (as in a persistent vector; any other version copies first), so
/// <see cref="Plus"/> is O(1) amortised, allocates nothing on a day that does not close, and older versions stay
/// valid. The current day's close is a field of the version: it moves with every tick and every statistic includes
/// it as the last close (n closes → n − 1 returns).</para>
/// <para>Memory: 8 bytes per calendar day (plus up to a quarter spare), and for VaR and CVaR the lowest 5 % or so of the
/// finalized returns, sorted once per day count and shared, rather than every return.</para>
/// <para>Observations must come in non-decreasing time order; an earlier one is taken as the current day's (callers
/// validate order first; this only keeps the function total).</para>
/// </remarks>
public readonly struct DailyCloseSeries : IEquatable<DailyCloseSeries>
{
    private readonly FinalizedCloses? _finalized;
    private readonly int _finalizedCount;
    private readonly double _currentClose;

    private DailyCloseSeries(
        FinalizedCloses? finalized, int finalizedCount, long firstDay, long currentDay, double currentClose,
        ReturnMoments finalizedMoments)
    {
        _finalized = finalized;
        _finalizedCount = finalizedCount;
        FirstDay = firstDay;
        CurrentDay = currentDay;
        _currentClose = currentClose;
        FinalizedMoments = finalizedMoments;
    }

    /// <summary>An empty series whose Sortino shortfalls are measured below <paramref name="marPerPeriod"/>.</summary>
    public static DailyCloseSeries Empty(double marPerPeriod) =>
        new(null, 0, 0, 0, 0.0, ReturnMoments.Empty(marPerPeriod));

    /// <summary>
    /// Restores a series exactly as <see cref="FinalizedCloseArray"/>, <see cref="CurrentDay"/>, <see cref="LastClose"/>
    /// and <see cref="FinalizedMoments"/> described it (a state snapshot). Re-adding the closes would not do: gap days
    /// entered the moments through a pairwise merge, and a replay would round differently.
    /// </summary>
    public static DailyCloseSeries Restore(
        long firstDay, ReadOnlySpan<double> finalizedCloses, long currentDay, double currentClose,
        ReturnMoments finalizedMoments) =>
        new(finalizedCloses.Length > 0 ? FinalizedCloses.Of(finalizedCloses) : null, finalizedCloses.Length, firstDay,
            currentDay, currentClose, finalizedMoments);

    /// <summary>The UTC day of the first close (0 when empty).</summary>
    public long FirstDay { get; }

    /// <summary>The UTC day of the provisional close, the latest observation's (0 when empty).</summary>
    public long CurrentDay { get; }

    /// <summary>Moments of the returns between finalized days only (without the provisional return into today).</summary>
    public ReturnMoments FinalizedMoments { get; }

    /// <summary>No observation yet; valid balances are &gt; 0, so a zero current close marks the empty series.</summary>
    public bool IsEmpty => _finalizedCount == 0 && _currentClose == 0.0;

    /// <summary>Number of daily closes, the current day's included.</summary>
    public int CloseCount => IsEmpty ? 0 : _finalizedCount + 1;

    /// <summary>Number of daily returns: closes − 1 (0 when empty).</summary>
    public int ReturnCount => Math.Max(0, CloseCount - 1);

    /// <summary>The first close (the current one while only one day has been seen).</summary>
    public double FirstClose => _finalizedCount > 0 ? _finalized!.Get(0) : _currentClose;

    /// <summary>The provisional close of the current day: the latest observation.</summary>
    public double LastClose => _currentClose;

    /// <summary>With one more balance observation.</summary>
    public DailyCloseSeries Plus(long timeMs, double balance)
    {
        var day = Time.UtcDay(timeMs);
        if (IsEmpty)
        {
            return new DailyCloseSeries(_finalized, 0, day, day, balance, FinalizedMoments);
        }
        if (day <= CurrentDay)
        {
            return new DailyCloseSeries(_finalized, _finalizedCount, FirstDay, CurrentDay, balance, FinalizedMoments);
        }
        // The current day closes; days without an observation repeat its close (their returns are exactly 0).
        var gapDays = day - CurrentDay - 1;
        var moments = FinalizedMoments;
        if (_finalizedCount > 0)
        {
            moments = moments.Plus(_currentClose / _finalized!.Get(_finalizedCount - 1) - 1.0);
        }
        moments = moments.PlusZeros(gapDays);
        var count = checked((int)(_finalizedCount + 1 + gapDays));
        var target = FinalizedCloses.AppendFilled(_finalized, _finalizedCount, count, _currentClose);
        return new DailyCloseSeries(target, count, FirstDay, day, balance, moments);
    }

    /// <summary>
    /// The close of UTC day <paramref name="day"/>, forward-filled like every close; defined from
    /// <see cref="FirstDay"/> to <see cref="CurrentDay"/> of a non-empty series.
    /// </summary>
    public double CloseOf(long day)
    {
        if (IsEmpty || day < FirstDay || day > CurrentDay)
        {
            throw new ArgumentOutOfRangeException(nameof(day), $"day {day} is outside {FirstDay}..{CurrentDay}");
        }
        return day == CurrentDay ? _currentClose : _finalized!.Get((int)(day - FirstDay));
    }

    /// <summary>A copy of every close, the current day's last.</summary>
    public double[] Closes()
    {
        var closes = new double[CloseCount];
        _finalized?.CopyTo(0, closes, _finalizedCount);
        if (closes.Length > 0)
        {
            closes[^1] = _currentClose;
        }
        return closes;
    }

    /// <summary>A copy of the closes of the days before the current one.</summary>
    public double[] FinalizedCloseArray()
    {
        var closes = new double[_finalizedCount];
        _finalized?.CopyTo(0, closes, _finalizedCount);
        return closes;
    }

    /// <summary>
    /// The daily returns into the UTC days <paramref name="fromDay"/>..<paramref name="toDay"/> (inclusive), oldest
    /// first: the return into day d is close(d) / close(d − 1) − 1, defined for d in (FirstDay, CurrentDay].
    /// </summary>
    public double[] ReturnsIntoDays(long fromDay, long toDay)
    {
        var from = Math.Max(fromDay, FirstDay + 1);
        var to = Math.Min(toDay, CurrentDay);
        if (IsEmpty || to < from)
        {
            return [];
        }
        var n = (int)(to - from + 1);
        var closes = new double[n + 1];
        for (var i = 0; i <= n; i++)
        {
            closes[i] = CloseOf(from - 1 + i);
        }
        return ReturnStats.SimpleReturns(closes);
    }

    /// <summary>Moments of every daily return, the provisional one into the current day included.</summary>
    public ReturnMoments Moments() =>
        _finalizedCount == 0
            ? FinalizedMoments
            : FinalizedMoments.Plus(_currentClose / _finalized!.Get(_finalizedCount - 1) - 1.0);

    /// <summary>Every daily return sorted ascending, the provisional one included (a fresh sort of all of them).</summary>
    public double[] SortedReturns()
    {
        var returns = ReturnStats.SimpleReturns(Closes());
        Array.Sort(returns);
        return returns;
    }

    /// <summary>
    /// The lowest daily returns sorted ascending, the provisional one included: a prefix of <see cref="SortedReturns"/>
    /// holding every return that VaR 95 and CVaR 95 read (<see cref="ReturnStats.ValueAtRiskSortedPrefix"/> and
    /// <see cref="ReturnStats.ExpectedShortfallSortedPrefix"/> with <see cref="ReturnCount"/>), so they are
    /// bit-identical to the full sort's. Only about the lowest 5 % of the finalized returns are kept between calls
    /// (memoised per day count); the provisional one is merged in by binary search.
    /// </summary>
    public double[] LowestSortedReturns()
    {
        if (_finalizedCount == 0)
        {
            return [];
        }
        var n = _finalizedCount;
        var provisional = _currentClose / _finalized!.Get(_finalizedCount - 1) - 1.0;
        var tail = _finalized.Tail(_finalizedCount);
        var low = tail.Lowest;
        // Does the provisional return sort within the kept returns (or are all the finalized returns kept)?
        var within = (!tail.HasNext && tail.Repeats == 0) || (low.Length > 0 && provisional.CompareTo(low[^1]) <= 0);
        var kept = low.Length + tail.Repeats;
        var prefix = new double[within ? kept + 1 : kept];
        low.CopyTo(prefix, 0);
        if (tail.Repeats > 0)
        {
            Array.Fill(prefix, low[^1], low.Length, tail.Repeats);
        }
        if (within)
        {
            var at = Array.BinarySearch(prefix, 0, kept, provisional);
            if (at < 0)
            {
                at = ~at;
            }
            Array.Copy(prefix, at, prefix, at + 1, kept - at);
            prefix[at] = provisional;
        }
        if (prefix.Length == n || n < ReturnStats.MinReturns)
        {
            return prefix;
        }
        // The returns after the prefix — the first finalized one after it, and the provisional one if it sorts later —
        // must lie above the 5th percentile for the prefix to hold the whole tail. With valid (finite, positive)
        // closes they always do; anything else is answered by the full sort.
        var enough = ReturnStats.PercentileUpperIndex(n, ReturnStats.VarPercentile) < prefix.Length;
        if (enough)
        {
            var q = ReturnStats.PercentileOfPrefix(prefix, n, ReturnStats.VarPercentile);
            enough = (!tail.HasNext || tail.Next > q) && (within || provisional > q);
        }
        return enough ? prefix : SortedReturns();
    }

    public bool Equals(DailyCloseSeries other) =>
        FirstDay == other.FirstDay
        && CurrentDay == other.CurrentDay
        && _currentClose.Equals(other._currentClose)
        && FinalizedMoments.Equals(other.FinalizedMoments)
        && _finalizedCount == other._finalizedCount
        && FinalizedCloseArray().AsSpan().SequenceEqual(other.FinalizedCloseArray());

    public override bool Equals(object? obj) => obj is DailyCloseSeries other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(FirstDay, CurrentDay, _currentClose, _finalizedCount);

    public static bool operator ==(DailyCloseSeries left, DailyCloseSeries right) => left.Equals(right);

    public static bool operator !=(DailyCloseSeries left, DailyCloseSeries right) => !left.Equals(right);
}
