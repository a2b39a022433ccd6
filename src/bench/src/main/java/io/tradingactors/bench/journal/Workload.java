package io.tradingactors.bench.journal;

import io.tradingactors.actors.performance.StrategyPerformanceActor;
import io.tradingactors.actors.performance.StrategyPerformanceActor.Command;
import io.tradingactors.actors.performance.StrategyPerformanceActor.Recorded;
import io.tradingactors.domain.event.BalanceUpdated;
import io.tradingactors.domain.event.Side;
import io.tradingactors.domain.event.TradeClosed;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityRef;
import org.apache.pekko.pattern.StatusReply;

/**
 * The commands one strategy receives in the benchmarks, deterministic per strategy: balance ticks {@code tickMs}
 * apart (most of a live strategy's events) and a closed trade every {@link #TICKS_PER_TRADE} ticks. A command carries
 * either trades or balances (separate commands in the protocol): balances, {@code size} of them, except when enough
 * trades are owed (a tenth of the batch, at least one), which then go together.
 */
public final class Workload {

  /** One trade per this many balance ticks: a strategy trading a few times a day, ticking every minute. */
  static final int TICKS_PER_TRADE = 100;

  private static final long START_MS = 1_735_689_600_000L; // 2025-01-01T00:00:00Z

  private final EntityRef<Command> ref;
  private final SplittableRandom rnd;
  private final long tickMs;
  private long ticks;
  private long trades;
  private long tradesDue;
  private double balance = 100_000;

  public Workload(EntityRef<Command> ref, long seed, long tickMs) {
    this.ref = ref;
    this.rnd = new SplittableRandom(seed);
    this.tickMs = tickMs;
  }

  /** Sends the next command (at most {@code size} events) and completes with its acknowledgement. */
  public CompletionStage<Recorded> next(int size, Duration timeout) {
    if (tradesDue >= Math.max(1, size / 10)) {
      int n = (int) Math.min(size, tradesDue);
      List<TradeClosed> batch = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        batch.add(trade());
      }
      tradesDue -= n;
      return ref.askWithStatus(
          (ActorRef<StatusReply<Recorded>> r) -> new StrategyPerformanceActor.RecordTrades(batch, r), timeout);
    }
    List<BalanceUpdated> batch = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      batch.add(tick());
    }
    return ref.askWithStatus(
        (ActorRef<StatusReply<Recorded>> r) -> new StrategyPerformanceActor.RecordBalances(batch, r), timeout);
  }

  private BalanceUpdated tick() {
    ticks++;
    if (ticks % TICKS_PER_TRADE == 0) {
      tradesDue++;
    }
    balance = Math.max(1.0, balance * (1 + (rnd.nextDouble() - 0.499) * 0.002));
    return new BalanceUpdated(Instant.ofEpochMilli(START_MS + ticks * tickMs), balance);
  }

  private TradeClosed trade() {
    long n = trades++;
    long exit = START_MS + ticks * tickMs;
    double price = 100 + rnd.nextDouble() * 10;
    double pnl = Math.round((rnd.nextDouble() - 0.47) * 400.0);
    return new TradeClosed(
        "t-" + n, "BTCUSDT", rnd.nextBoolean() ? Side.LONG : Side.SHORT, Instant.ofEpochMilli(exit - 3_600_000),
        Instant.ofEpochMilli(exit), price, price * 1.001, 1.0, pnl, 0.1, 0.05, 2.0, null, null);
  }

  /** A representative event (a balance tick), for the raw baselines' payload. */
  static BalanceUpdated sampleTick() {
    return new BalanceUpdated(Instant.ofEpochMilli(START_MS), 100_123.45);
  }
}
