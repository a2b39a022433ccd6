using static TradingActors.Metrics.Tests.Fixtures;

namespace TradingActors.Metrics.Tests;

/// <summary>
/// Period breakdown across a year boundary (from the Java <c>PeriodBreakdownTest.java</c>). Closes run from Saturday
/// 2024-12-28 to Tuesday 2025-01-07; ISO weeks start on Monday, so the weeks are 2024-12-23 (Sat, Sun), 2024-12-30
/// (Mon 12-30 .. Sun 01-05, across New Year) and 2025-01-06.
/// </summary>
public class PeriodBreakdownTest
{
    private static readonly DateOnly First = new(2024, 12, 28);

    //                                     12-28 12-29 12-30 12-31 01-01 01-02 01-03 01-04 01-05 01-06 01-07
    private static readonly double[] Closes = [100, 110, 121, 110, 99, 99, 108.9, 100, 120, 90, 96];

    private static readonly DailyCloses Daily = new(Time.DayOf(First), Closes);

    private static TradeOutcome ExitAt(string iso, double pnl)
    {
        var exit = Ms(iso);
        return Trade(exit - Hour, exit, pnl);
    }

    private static readonly TradeOutcome[] Trades =
    [
        ExitAt("2025-01-01T00:30:00+01:00", 10), // = 2024-12-31T23:30Z: 2024, December, week of 12-30
        ExitAt("2025-01-01T00:00:00Z", -5), // 2025, January, week of 12-30
        ExitAt("2025-01-05T23:59:59.999Z", 0), // Sunday: still the week of 12-30
        ExitAt("2025-01-06T00:00:00Z", 7), // Monday: the week of 01-06
        ExitAt("2025-01-20T10:00:00Z", -3), // no daily close in that week or day
    ];

    private static DateOnly Date(string d) => DateOnly.Parse(d, System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void Trades_summed_as_they_come_in_any_exit_order_give_the_rows_of_the_list()
    {
        // Exits going back and forth between days and periods, and pnl whose sum depends on the order of addition.
        double[] pnls = [0.1, 1e16, -0.3, 0.2, -1e16, 0.7];
        string[] exits =
        [
            "2025-01-02T10:00:00Z", "2025-01-09T10:00:00Z", "2025-01-02T11:00:00Z", "2025-02-01T00:00:00Z",
            "2025-01-09T12:00:00Z", "2025-01-02T12:00:00Z",
        ];
        var trades = exits.Select((e, i) => ExitAt(e, pnls[i])).ToArray();
        foreach (var p in Enum.GetValues<Period>())
        {
            var asTheyCome = new PeriodTrades(p);
            foreach (var t in trades)
            {
                asTheyCome.Add(t.ExitTimeMs, t.Pnl);
            }
            var rows = asTheyCome.Rows(Daily);
            Assert.Equal(PeriodBreakdown.Of(p, trades, Daily), rows);
            foreach (var row in rows.Where(r => r.Trades > 0))
            {
                var net = 0.0;
                foreach (var t in trades.Where(t => p.Start(Time.DateOf(Time.UtcDay(t.ExitTimeMs))) == row.Start))
                {
                    net += t.Pnl; // in the order added
                }
                Assert.Equal(net, row.NetPnl);
            }
        }
    }

    [Fact]
    public void ISO_weeks_start_on_Monday()
    {
        Assert.Equal(Date("2024-12-30"), Period.Weekly.Start(Date("2025-01-05"))); // Sunday -> previous Monday
        Assert.Equal(Date("2025-01-06"), Period.Weekly.Start(Date("2025-01-06"))); // Monday is its own start
        Assert.Equal(Date("2024-12-30"), Period.Weekly.Start(Date("2025-01-01"))); // across the year boundary
        Assert.Equal(Date("2024-02-01"), Period.Monthly.Start(Date("2024-02-29")));
        Assert.Equal(Date("2024-01-01"), Period.Yearly.Start(Date("2024-12-31")));
        Assert.Equal(Date("2024-12-31"), Period.Daily.Start(Date("2024-12-31")));
        Assert.Equal("weekly", Period.Weekly.WireName());
    }

    [Fact]
    public void Wire_names_parse_back_exactly()
    {
        foreach (var p in Enum.GetValues<Period>())
        {
            Assert.True(Periods.TryParse(p.WireName(), out var parsed));
            Assert.Equal(p, parsed);
        }
        Assert.False(Periods.TryParse("Weekly", out _));
        Assert.False(Periods.TryParse("fortnightly", out _));
    }

    [Fact]
    public void Weekly_rows_chain_closes_and_count_trades_by_exit()
    {
        var rows = PeriodBreakdown.Of(Period.Weekly, Trades, Daily);
        // week 12-23: from the first close 100 to its last close 110 -> +10 %; no trades
        // week 12-30: from the last close before it (110) to its last close (01-05: 120) -> 120/110 - 1 = 1/11;
        //             trades +10, -5, 0: 1 win, 1 loss, net 5, win rate 1/3, profit factor 10 / 5 = 2
        // week 01-06: 96 / 120 - 1 = -0.2; trade +7: win rate 1, profit factor capped
        // week 01-20: no close -> null return; trade -3: win rate 0, profit factor 0
        Assert.Equal(
            [Date("2024-12-23"), Date("2024-12-30"), Date("2025-01-06"), Date("2025-01-20")],
            rows.Select(r => r.Start));
        AssertRow(rows[0], 0.1, 0, 0, 0, 0.0, null, null);
        AssertRow(rows[1], 1.0 / 11.0, 3, 1, 1, 5.0, 1.0 / 3.0, 2.0);
        AssertRow(rows[2], -0.2, 1, 1, 0, 7.0, 1.0, 9999.9999);
        AssertRow(rows[3], null, 1, 0, 1, -3.0, 0.0, 0.0);
        Assert.All(rows, r => Assert.Equal(Period.Weekly, r.Period));
    }

    [Fact]
    public void Period_returns_chain_the_closes_for_every_period()
    {
        // (1 + 0.1) * (1 + 1/11) * (1 - 0.2) = 1.1 * 12/11 * 0.8 = 0.96 = last close 96 / first close 100
        foreach (var p in Enum.GetValues<Period>())
        {
            var product = 1.0;
            foreach (var r in PeriodBreakdown.Of(p, Trades, Daily))
            {
                if (r.PeriodReturn is { } x)
                {
                    product *= 1.0 + x;
                }
            }
            Assert.True(Math.Abs(product - 0.96) <= 1e-12, $"{p}: {product}");
        }
    }

    [Fact]
    public void Yearly_and_monthly_rows_split_at_New_Year_in_UTC()
    {
        // 2024: from 100 to the 12-31 close 110 -> +10 %; the trade exiting 00:30 at +01:00 is still 2024 in UTC
        // 2025: from 110 to 96 -> 96/110 - 1 = -0.12727...; trades -5, 0, +7, -3: 1 win, 2 losses, net -1,
        //       win rate 1/4, profit factor 7 / 8 = 0.875
        foreach (var p in new[] { Period.Yearly, Period.Monthly })
        {
            var rows = PeriodBreakdown.Of(p, Trades, Daily);
            Assert.Equal(2, rows.Count);
            Assert.Equal(p == Period.Yearly ? Date("2024-01-01") : Date("2024-12-01"), rows[0].Start);
            Assert.Equal(Date("2025-01-01"), rows[1].Start);
            AssertRow(rows[0], 0.1, 1, 1, 0, 10.0, 1.0, 9999.9999);
            AssertRow(rows[1], 96.0 / 110.0 - 1.0, 4, 1, 2, -1.0, 0.25, 0.875);
        }
    }

    [Fact]
    public void Daily_rows_measure_the_first_day_from_its_own_close()
    {
        var rows = PeriodBreakdown.Of(Period.Daily, Trades, Daily);
        // eleven days with a close, plus 01-20 with only a trade
        Assert.Equal(12, rows.Count);
        // the first period measures from the first close: 100 / 100 - 1 = 0
        Assert.Equal(0.0, rows[0].PeriodReturn);
        AssertNear(rows[1].PeriodReturn, 0.1, 1e-15); // 110 / 100 - 1
        AssertNear(rows[3].PeriodReturn, -1.0 / 11.0, 1e-15); // 12-31: 110 / 121 - 1
        Assert.Equal(0.0, rows[5].PeriodReturn); // 01-02: 99 / 99 - 1
        AssertRow(rows[3], -1.0 / 11.0, 1, 1, 0, 10.0, 1.0, 9999.9999);
        AssertRow(rows[4], 99.0 / 110.0 - 1.0, 1, 0, 1, -5.0, 0.0, 0.0);
        AssertRow(rows[8], 120.0 / 100.0 - 1.0, 1, 0, 0, 0.0, 0.0, 0.0); // 01-05: a breakeven only
        Assert.Equal(Date("2025-01-20"), rows[11].Start);
        Assert.Null(rows[11].PeriodReturn);
    }

    [Fact]
    public void No_closes_and_no_trades_give_no_rows()
    {
        Assert.Empty(PeriodBreakdown.Of(Period.Weekly, [], new DailyCloses(0, [])));
    }

    private static void AssertRow(
        PeriodRow r,
        double? periodReturn,
        long trades,
        long wins,
        long losses,
        double net,
        double? winRate,
        double? profitFactor)
    {
        if (periodReturn is { } expectedReturn)
        {
            AssertNear(r.PeriodReturn, expectedReturn, 1e-15);
        }
        else
        {
            Assert.Null(r.PeriodReturn);
        }
        Assert.Equal(trades, r.Trades);
        Assert.Equal(wins, r.WinningTrades);
        Assert.Equal(losses, r.LosingTrades);
        Assert.Equal(net, r.NetPnl);
        if (winRate is { } expectedWinRate)
        {
            AssertNear(r.WinRate, expectedWinRate, 1e-15);
        }
        else
        {
            Assert.Null(r.WinRate);
        }
        Assert.Equal(profitFactor, r.ProfitFactor);
    }
}
