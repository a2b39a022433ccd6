package io.tradingactors.bench;

import io.tradingactors.domain.event.BalanceUpdated;
import io.tradingactors.domain.event.Side;
import io.tradingactors.domain.event.TradeClosed;
import io.tradingactors.domain.state.PerformanceState;
import io.tradingactors.metrics.MetricSettings;
import java.time.Instant;
import java.util.SplittableRandom;
import org.openjdk.jol.info.GraphLayout;

/**
 * The state's retained heap: everything reachable from it, measured by JOL, after the fold (and one metrics
 * computation, so memoised fields are counted).
 *
 * <ol>
 *   <li>Balance ticks only, one second apart, up to 10M: memory tracks calendar days, not ticks.
 *   <li>Profiles: a fresh strategy (1 trade, 1 balance); a month and a year of a typical active strategy (5 trades a
 *       day, a balance tick each minute), whose footprint by class is printed; a slow strategy (1 trade a day, a tick
 *       each minute) after a month and a year; for 0 to 20 trades a day, the first day on which the state holds more
 *       than 10 KB.
 *   <li>The trade-id set alone (the part that grows with every trade, by design) after n trades.
 * </ol>
 *
 * <p>Run: {@code java -Djdk.attach.allowAttachSelf=true -Djol.magicFieldOffset=true -cp src/bench/target/benchmarks.jar io.tradingactors.bench.RetainedHeap}
 */
public final class RetainedHeap {

  private static final long MINUTE_MS = 60_000;
  private static final long DAY_MS = 86_400_000;
  /** The target per active strategy. */
  private static final long BUDGET = 10 * 1_024;

  private RetainedHeap() {}

  public static void main(String[] args) {
    ticks();
    profiles();
    tradeIds();
  }

  private static void ticks() {
    long[] checkpoints = {0, 1_000, 100_000, 1_000_000, 10_000_000};
    long tickMs = 1_000;
    SplittableRandom rnd = new SplittableRandom(7);
    double[] balance = {100_000};
    PerformanceState state = PerformanceState.empty(MetricSettings.DEFAULTS);
    long done = 0;
    System.out.printf("== balance ticks, %d ms apart%n%-12s %-10s %-16s%n", tickMs, "ticks", "days", "retained bytes");
    for (long target : checkpoints) {
      while (done < target) {
        state = state.apply(SyntheticEvents.tick(done++, tickMs, rnd, balance));
      }
      System.out.printf("%-12d %-10d %-16d%n", done, state.daily().closeCount(), retained(state));
    }
  }

  private static void profiles() {
    System.out.printf(
        "%n== profiles (state after the fold)%n%-40s %-8s %-9s %-16s %s%n",
        "profile", "trades", "ticks", "retained bytes", "of which: trade ids / recent trades / recent balances / daily");
    PerformanceState fresh =
        PerformanceState.empty(MetricSettings.DEFAULTS)
            .apply(trade(0, SyntheticEvents.START_MS, SyntheticEvents.START_MS + MINUTE_MS, 12.5))
            .apply(new BalanceUpdated(Instant.ofEpochMilli(SyntheticEvents.START_MS + MINUTE_MS), 100_012.5));
    print("fresh: 1 trade, 1 balance", fresh);
    print("empty", PerformanceState.empty(MetricSettings.DEFAULTS));
    print("typical, 30 days: 5 trades/day, tick/min", active(30, 5));
    PerformanceState typical = active(365, 5);
    print("typical, 1 year: 5 trades/day, tick/min", typical);
    print("slow, 30 days: 1 trade/day, tick/min", active(30, 1));
    print("slow, 1 year: 1 trade/day, tick/min", active(365, 1));
    System.out.printf("%n== first day at which the state holds more than %,d bytes (10 KB)%n", BUDGET);
    for (int tradesPerDay : new int[] {0, 1, 2, 5, 20}) {
      int[] firstDay = {-1};
      active(3 * 365, tradesPerDay, (day, state) -> {
        if (firstDay[0] < 0 && retained(state) > BUDGET) {
          firstDay[0] = day;
        }
      });
      System.out.printf(
          "%2d trades/day, tick/min: %s%n",
          tradesPerDay, firstDay[0] < 0 ? "not within 3 years" : "day " + firstDay[0]);
    }
    System.out.printf("%n== footprint of the typical strategy after 1 year%n%s%n",
        GraphLayout.parseInstance(typical).toFootprint());
  }

  private static void tradeIds() {
    System.out.printf("%n== the trade-id set alone%n%-10s %-16s %s%n", "trades", "retained bytes", "bytes per trade");
    int[] checkpoints = {0, 1, 10, 100, 1_000, 1_825, 10_000, 100_000, 1_000_000};
    PerformanceState state = PerformanceState.empty(MetricSettings.DEFAULTS);
    int done = 0;
    for (int target : checkpoints) {
      while (done < target) {
        long exit = SyntheticEvents.START_MS + done * MINUTE_MS;
        state = state.apply(trade(done++, exit - MINUTE_MS, exit, 1.0));
      }
      long bytes = GraphLayout.parseInstance(state.tradeIds()).totalSize();
      System.out.printf("%-10d %-16d %s%n", done, bytes, done == 0 ? "" : String.format("%.1f", (double) bytes / done));
    }
  }

  /**
   * {@code days} of a strategy that closes {@code tradesPerDay} trades a day (spread over the day, each an hour long)
   * and reports its balance every minute.
   */
  static PerformanceState active(int days, int tradesPerDay) {
    return active(days, tradesPerDay, (day, state) -> {});
  }

  /** As {@link #active(int, int)}, telling {@code endOfDay} the state after each day (1 after the first). */
  static PerformanceState active(int days, int tradesPerDay, EndOfDay endOfDay) {
    SplittableRandom rnd = new SplittableRandom(11);
    PerformanceState state = PerformanceState.empty(MetricSettings.DEFAULTS);
    double balance = 100_000;
    int tradeNo = 0;
    long minutesBetweenTrades = tradesPerDay == 0 ? Long.MAX_VALUE : 1_440 / tradesPerDay;
    for (int day = 0; day < days; day++) {
      for (int minute = 0; minute < 1_440; minute++) {
        long t = SyntheticEvents.START_MS + day * DAY_MS + minute * MINUTE_MS;
        if (tradesPerDay > 0 && minute % minutesBetweenTrades == minutesBetweenTrades / 2) {
          double pnl = Math.round((rnd.nextDouble() - 0.47) * 400.0);
          state = state.apply(trade(tradeNo++, t - 60 * MINUTE_MS, t, pnl));
          balance += pnl;
        }
        balance = Math.max(1.0, balance + (rnd.nextDouble() - 0.5) * 10);
        state = state.apply(new BalanceUpdated(Instant.ofEpochMilli(t), balance));
      }
      endOfDay.accept(day + 1, state);
    }
    return state;
  }

  interface EndOfDay {
    void accept(int day, PerformanceState state);
  }

  private static TradeClosed trade(int n, long entryMs, long exitMs, double pnl) {
    return new TradeClosed(
        "strategy-7/trade-" + n, "BTCUSDT", n % 2 == 0 ? Side.LONG : Side.SHORT, Instant.ofEpochMilli(entryMs),
        Instant.ofEpochMilli(exitMs), 100.0, 100.1, 1.0, pnl, 0.1, 0.05, 2.0, null, null);
  }

  private static void print(String name, PerformanceState s) {
    System.out.printf(
        "%-40s %-8d %-9d %-16d %d / %d / %d / %d%n",
        name,
        s.tradeCount(),
        s.drawdown().count(),
        retained(s),
        GraphLayout.parseInstance(s.tradeIds()).totalSize(),
        GraphLayout.parseInstance(s.recentTrades()).totalSize(),
        GraphLayout.parseInstance(s.recentBalances()).totalSize(),
        GraphLayout.parseInstance(s.daily()).totalSize());
  }

  /** Retained bytes after one metrics computation (which fills the memoised sorted returns). */
  private static long retained(PerformanceState s) {
    s.metrics();
    s.rolling(30 * DAY_MS);
    return GraphLayout.parseInstance(s).totalSize();
  }
}
