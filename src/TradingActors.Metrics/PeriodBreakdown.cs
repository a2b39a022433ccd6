namespace TradingActors.Metrics;

/// <summary>Returns and trade statistics per UTC day, ISO week, month or year, as a pure function of trades and closes.</summary>
public static class PeriodBreakdown
{
    /// <summary>
    /// One row per period that holds a daily close or a trade exit, in calendar order. A trade belongs to the period of
    /// its exit time (UTC); the period return chains the daily closes (see <see cref="PeriodRow.PeriodReturn"/>).
    /// </summary>
    public static IReadOnlyList<PeriodRow> Of(Period period, ReadOnlySpan<TradeOutcome> trades, DailyCloses closes)
    {
        var rows = new SortedDictionary<DateOnly, Accumulator>();
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
            AccumulatorOf(rows, start).PeriodReturn = c[i] / baseClose - 1.0;
            previousClose = c[i];
        }
        foreach (ref readonly var t in trades)
        {
            AccumulatorOf(rows, period.Start(Time.DateOf(Time.UtcDay(t.ExitTimeMs)))).Add(t.Pnl);
        }
        return rows.Select(r => r.Value.Row(period, r.Key)).ToList();
    }

    private static Accumulator AccumulatorOf(SortedDictionary<DateOnly, Accumulator> rows, DateOnly start)
    {
        if (!rows.TryGetValue(start, out var row))
        {
            row = new Accumulator();
            rows.Add(start, row);
        }
        return row;
    }

    private sealed class Accumulator
    {
        public double? PeriodReturn { get; set; }
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

        public PeriodRow Row(Period period, DateOnly start)
        {
            var any = _trades > 0;
            return new PeriodRow(
                period, start, PeriodReturn, _trades, _wins, _losses, _net,
                any ? (double)_wins / _trades : null,
                any ? TradeStatistics.ProfitFactorOf(_grossProfit, _grossLoss) : null);
        }
    }
}
