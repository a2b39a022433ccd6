package io.tradingactors.domain.backtest;

import io.tradingactors.domain.event.BalanceUpdated;
import io.tradingactors.domain.event.PerformanceEvent;
import io.tradingactors.domain.event.TradeClosed;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Turns a backtest's trades and balances into the one event sequence that both {@code report} (the batch fold) and
 * {@code import} (the actors) consume, so both see the same events in the same order.
 *
 * <p>Order: by event time (a trade's exit, a balance's observation); stable, so rows with equal times keep file
 * order; at equal times trades come before balances, because a balance stamped at a trade's exit reflects it.
 */
public final class BacktestEvents {

  private static final Comparator<PerformanceEvent> ORDER =
      Comparator.comparing(PerformanceEvent::time)
          .thenComparingInt(e -> e instanceof TradeClosed ? 0 : 1);

  private BacktestEvents() {}

  /** Trades and observed balances, merged in time order. */
  public static List<PerformanceEvent> merge(List<TradeClosed> trades, List<BalanceUpdated> balances) {
    List<PerformanceEvent> events = new ArrayList<>(trades.size() + balances.size());
    events.addAll(trades);
    events.addAll(balances);
    events.sort(ORDER);
    return events;
  }

  /**
   * Trades with balances derived from them: {@code initialBalance} observed at the earliest entry, then after each
   * trade (in exit order) the previous balance plus its pnl, observed at its exit time. No trades, no balances.
   */
  public static List<PerformanceEvent> withDerivedBalances(List<TradeClosed> trades, double initialBalance) {
    List<TradeClosed> byExit = new ArrayList<>(trades);
    byExit.sort(Comparator.comparing(TradeClosed::exitTime));
    List<PerformanceEvent> events = new ArrayList<>(trades.size() * 2 + 1);
    if (byExit.isEmpty()) {
      return events;
    }
    var firstEntry = byExit.stream().map(TradeClosed::entryTime).min(Comparator.naturalOrder()).orElseThrow();
    double balance = initialBalance;
    events.add(new BalanceUpdated(firstEntry, balance));
    for (TradeClosed t : byExit) {
      balance += t.pnl();
      events.add(t);
      events.add(new BalanceUpdated(t.exitTime(), balance));
    }
    return events;
  }
}
