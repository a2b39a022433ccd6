package io.tradingactors.tests;

import io.tradingactors.domain.event.BalanceUpdated;
import io.tradingactors.domain.event.PerformanceEvent;
import io.tradingactors.domain.event.Side;
import io.tradingactors.domain.event.TradeClosed;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A long, deterministic event stream made on the fly (never held in memory): a balance tick every minute and a trade
 * closing every {@value #TRADE_EVERY} minutes, whose pnl moves the balance.
 */
final class SyntheticTrading {

  static final int TRADE_EVERY = 20;
  private static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");

  private final SplittableRandom rnd;
  private double balance = 100_000;
  private long index;

  SyntheticTrading(long seed) {
    this.rnd = new SplittableRandom(seed);
  }

  /** The next {@code n} events, in time order. */
  List<PerformanceEvent> next(int n) {
    List<PerformanceEvent> out = new ArrayList<>(n);
    for (int k = 0; k < n; k++, index++) {
      Instant time = T0.plus(Duration.ofMinutes(index));
      if (index % TRADE_EVERY == TRADE_EVERY - 1) {
        double pnl = Math.round((rnd.nextDouble() - 0.48) * 40_000) / 100.0;
        balance += pnl;
        out.add(new TradeClosed("t-" + index, index % 2 == 0 ? "BTCUSDT" : "ETHUSDT",
            index % 3 == 0 ? Side.SHORT : Side.LONG, time.minus(Duration.ofMinutes(45)), time,
            100.0, 101.0, 1.0, pnl, 0.4, 0.1, rnd.nextInt(4) == 0 ? null : 1.5, null, null));
      } else {
        out.add(new BalanceUpdated(time, balance + (rnd.nextDouble() - 0.5) * 50));
      }
    }
    return out;
  }
}
