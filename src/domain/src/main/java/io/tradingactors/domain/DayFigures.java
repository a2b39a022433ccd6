package io.tradingactors.domain;

import io.tradingactors.domain.state.PerformanceState;
import io.tradingactors.domain.state.TradeWindow;
import io.tradingactors.metrics.DailyCloseSeries;
import io.tradingactors.metrics.DrawdownTracker;
import io.tradingactors.metrics.Time;
import java.time.LocalDate;

/**
 * The strategy's current UTC day as of its latest event: what the daily loss limit reads.
 *
 * @param day the UTC calendar day of the latest event
 * @param openingBalance the balance in effect when that day began: the last observation before it, or the day's first
 *     observation when the history starts that day; null without any balance
 * @param netPnl the summed pnl of the trades that exited that day (UTC), net of fees and slippage like every pnl
 * @param trades how many trades exited that day
 */
public record DayFigures(LocalDate day, Double openingBalance, double netPnl, int trades) {

  /** The figures of the state's latest day; null before any event. */
  public static DayFigures of(PerformanceState state) {
    if (state.asOf() == null) {
      return null;
    }
    long day = Time.utcDay(state.asOf().toEpochMilli());
    long dayStartMs = day * Time.MS_PER_DAY;
    TradeWindow.PnlSum today = state.recentTrades().pnlExitedBetween(dayStartMs, dayStartMs + Time.MS_PER_DAY);
    return new DayFigures(LocalDate.ofEpochDay(day), openingBalance(state, day), today.pnl(), today.trades());
  }

  private static Double openingBalance(PerformanceState state, long day) {
    DrawdownTracker balances = state.drawdown();
    if (balances.count() == 0) {
      return null;
    }
    DailyCloseSeries closes = state.daily();
    if (closes.currentDay() < day) {
      return balances.last(); // no observation yet today: the day opened at the last one
    }
    return closes.firstDay() < day ? closes.closeOf(day - 1) : balances.initial();
  }
}
