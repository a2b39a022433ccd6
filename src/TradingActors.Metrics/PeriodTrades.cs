namespace TradingActors.Metrics;

/// <summary>
/// The trades of a <see cref="PeriodBreakdown"/> summed per period as they are recorded, so that a fold over millions
/// of trades keeps one sum per period rather than every trade. Each period adds the pnl of its trades in the order they
/// were added, as <see cref="PeriodBreakdown.Of"/> does over a list, so the rows are the same to the bit.
/// </summary>
/// <param name="period">The kind of period the trades are summed by.</param>
public sealed class PeriodTrades(Period period)
{
    private readonly SortedDictionary<DateOnly, Sums> _sums = [];

    /// <summary>The UTC day of the last exit and the sums of its period: trades mostly come in exit order, so the
    /// period is looked up once per day rather than once per trade.</summary>
    private long _lastDay;

    private Sums? _lastSums;

    /// <summary>The kind of period.</summary>
    public Period Period => period;

    /// <summary>One more trade, by its exit time (epoch ms) and pnl.</summary>
    public void Add(long exitTimeMs, double pnl)
    {
        var day = Time.UtcDay(exitTimeMs);
        if (_lastSums is null || day != _lastDay)
        {
            var start = period.Start(Time.DateOf(day));
            if (!_sums.TryGetValue(start, out _lastSums))
            {
                _lastSums = new Sums();
                _sums.Add(start, _lastSums);
            }
            _lastDay = day;
        }
        _lastSums.Add(pnl);
    }

    /// <summary>
    /// One row per period that holds a daily close of <paramref name="closes"/> or a trade exit, in calendar order; the
    /// period return chains the daily closes (see <see cref="PeriodRow.PeriodReturn"/>).
    /// </summary>
    public IReadOnlyList<PeriodRow> Rows(DailyCloses closes)
    {
        ArgumentNullException.ThrowIfNull(closes);
        var returns = new SortedDictionary<DateOnly, double>();
        var c = closes.Closes;
        var previousClose = c.Length > 0 ? c[0] : double.NaN;
        DateOnly? open = null;
        var baseClose = previousClose;
        for (var i = 0; i < c.Length; i++)
        {
            var start = period.Start(Time.DateOf(closes.FirstDay + i));
            if (start != open)
            {
                baseClose = previousClose;
                open = start;
            }
            returns[start] = c[i] / baseClose - 1.0;
            previousClose = c[i];
        }
        var starts = new SortedSet<DateOnly>(returns.Keys);
        starts.UnionWith(_sums.Keys);
        var rows = new List<PeriodRow>(starts.Count);
        foreach (var start in starts)
        {
            var sums = _sums.GetValueOrDefault(start) ?? new Sums();
            rows.Add(sums.Row(period, start, returns.TryGetValue(start, out var r) ? r : null));
        }
        return rows;
    }

    /// <summary>The trade figures of one period.</summary>
    private sealed class Sums
    {
        private long _trades, _wins, _losses;
        private double _net, _grossProfit, _grossLoss;

        public void Add(double pnl)
        {
            _trades++;
            _net += pnl;
            if (pnl > 0)
            {
                _wins++;
                _grossProfit += pnl;
            }
            else if (pnl < 0)
            {
                _losses++;
                _grossLoss += -pnl;
            }
        }

        public PeriodRow Row(Period period, DateOnly start, double? periodReturn)
        {
            var any = _trades > 0;
            return new PeriodRow(
                period, start, periodReturn, _trades, _wins, _losses, _net,
                any ? (double)_wins / _trades : null,
                any ? TradeStatistics.ProfitFactorOf(_grossProfit, _grossLoss) : null);
        }
    }
}
