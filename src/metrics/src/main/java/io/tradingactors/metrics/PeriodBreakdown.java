package io.tradingactors.metrics;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/** Returns and trade statistics per UTC day, ISO week, month or year, as a pure function of trades and closes. */
public final class PeriodBreakdown {

  private PeriodBreakdown() {}

  /**
   * One row per period that holds a daily close or a trade exit, in calendar order. Trades belong to the period of
   * their exit time; the period return chains daily closes (see {@link PeriodRow#periodReturn}).
   */
  public static List<PeriodRow> of(Period period, List<TradeOutcome> trades, DailyCloses closes) {
    TreeMap<LocalDate, Acc> rows = new TreeMap<>();
    double previousClose = closes.closes().length > 0 ? closes.closes()[0] : Double.NaN;
    LocalDate open = null;
    double base = previousClose;
    for (int i = 0; i < closes.closes().length; i++) {
      LocalDate start = period.start(LocalDate.ofEpochDay(closes.firstDay() + i));
      if (!start.equals(open)) {
        base = previousClose;
        open = start;
      }
      double close = closes.closes()[i];
      rows.computeIfAbsent(start, k -> new Acc()).periodReturn = close / base - 1.0;
      previousClose = close;
    }
    for (TradeOutcome t : trades) {
      LocalDate start = period.start(LocalDate.ofEpochDay(Time.utcDay(t.exitTimeMs())));
      rows.computeIfAbsent(start, k -> new Acc()).add(t.pnl());
    }
    List<PeriodRow> out = new ArrayList<>(rows.size());
    rows.forEach((start, a) -> out.add(a.row(period, start)));
    return out;
  }

  private static final class Acc {
    Double periodReturn;
    long trades;
    long wins;
    long losses;
    double net;
    double grossProfit;
    double grossLoss;

    void add(double pnl) {
      trades++;
      net += pnl;
      if (pnl > 0) {
        wins++;
        grossProfit += pnl;
      } else if (pnl < 0) {
        losses++;
        grossLoss += -pnl;
      }
    }

    PeriodRow row(Period period, LocalDate start) {
      boolean any = trades > 0;
      return new PeriodRow(
          period,
          start,
          periodReturn,
          trades,
          wins,
          losses,
          net,
          any ? (double) wins / trades : null,
          any ? TradeStatistics.profitFactor(grossProfit, grossLoss) : null);
    }
  }
}
