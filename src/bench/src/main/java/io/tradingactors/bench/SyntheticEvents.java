package io.tradingactors.bench;

import io.tradingactors.domain.event.BalanceUpdated;
import io.tradingactors.domain.event.PerformanceEvent;
import io.tradingactors.domain.event.Side;
import io.tradingactors.domain.event.TradeClosed;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Deterministic synthetic event streams for the benchmarks: a random walk of balances and trades. */
public final class SyntheticEvents {

  /** 2025-01-01T00:00:00Z. */
  public static final long START_MS = 1_735_689_600_000L;

  private SyntheticEvents() {}

  /**
   * {@code trades} trades, each followed by {@code ticksPerTrade} balance ticks, {@code tickMs} apart.
   */
  public static List<PerformanceEvent> interleaved(int trades, int ticksPerTrade, long tickMs, long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    List<PerformanceEvent> out = new ArrayList<>(trades * (1 + ticksPerTrade));
    long t = START_MS;
    double balance = 100_000;
    for (int i = 0; i < trades; i++) {
      long entry = t;
      t += tickMs;
      double pnl = Math.round((rnd.nextDouble() - 0.47) * 400.0) / 1.0;
      out.add(trade("t-" + i, entry, t, pnl, rnd));
      for (int k = 0; k < ticksPerTrade; k++) {
        balance = Math.max(1.0, balance + pnl / ticksPerTrade + (rnd.nextDouble() - 0.5) * 10);
        out.add(new BalanceUpdated(Instant.ofEpochMilli(t), balance));
        t += tickMs;
      }
    }
    return out;
  }

  /** {@code n} balance ticks only, {@code tickMs} apart. */
  public static BalanceUpdated tick(long i, long tickMs, SplittableRandom rnd, double[] balance) {
    balance[0] = Math.max(1.0, balance[0] * (1 + (rnd.nextDouble() - 0.499) * 0.002));
    return new BalanceUpdated(Instant.ofEpochMilli(START_MS + i * tickMs), balance[0]);
  }

  private static TradeClosed trade(String id, long entry, long exit, double pnl, SplittableRandom rnd) {
    double price = 100 + rnd.nextDouble() * 10;
    return new TradeClosed(
        id, "BTCUSDT", rnd.nextBoolean() ? Side.LONG : Side.SHORT, Instant.ofEpochMilli(entry),
        Instant.ofEpochMilli(exit), price, price * 1.001, 1.0, pnl, 0.1, 0.05, 2.0, null, null);
  }
}
