package io.tradingactors.bench.journal;

import io.tradingactors.actors.TradingActorsNode;
import io.tradingactors.actors.performance.StrategyPerformanceActor;
import io.tradingactors.actors.performance.StrategyPerformanceActor.Command;
import io.tradingactors.actors.performance.StrategyPerformanceActor.Recorded;
import io.tradingactors.domain.MetricsSnapshot;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityRef;

/**
 * The ingest workload of {@link IngestBenchmark} (strategies driven with {@link Workload}'s commands, each with one
 * command in flight, a bound on commands in flight in all), shared with the read model's lag benchmark.
 */
public final class IngestDriver {

  private IngestDriver() {}

  /** What one {@link #drive} did. */
  public record Driven(long events, long commands, long failures, long ackNanos, double seconds) {}

  public static EntityRef<Command> ref(TradingActorsNode node, String id) {
    return ClusterSharding.get(node.system()).entityRefFor(StrategyPerformanceActor.ENTITY_TYPE_KEY, id);
  }

  public static MetricsSnapshot snapshot(EntityRef<Command> ref, Duration timeout) {
    return ref.<MetricsSnapshot>ask(StrategyPerformanceActor.GetSnapshot::new, timeout).toCompletableFuture().join();
  }

  /** The node has joined its cluster of one and sharding answers: one ask to a throw-away entity. */
  public static void awaitUp(TradingActorsNode node) {
    snapshot(ref(node, "warm-up-" + System.nanoTime()), Duration.ofSeconds(120));
  }

  /**
   * Drives every strategy until its quota or the deadline, each with at most one command in flight and at most
   * {@code maxInFlight} commands in flight in all: strategies take turns on that many lanes (a strategy whose
   * command was answered goes to the back of the line). Without the bound, 10,000 strategies each sending 100
   * events at once queue more than the journal writes in its circuit breaker's 10 s, and writes fail.
   *
   * <p>The acknowledgements are handled with {@code whenComplete}, i.e. on the common pool (a new thread each on a
   * 2-core machine: docs/benchmarks.md, the risk chain's "Found on the way"), as {@link IngestBenchmark} measured;
   * {@link #drive(List, int, long, int, int, long, Executor)} takes another executor.
   */
  public static Driven drive(List<Workload> load, int batch, long quota, int seconds, int maxInFlight)
      throws InterruptedException {
    return drive(load, batch, quota, seconds, maxInFlight, 60, null);
  }

  /**
   * {@link #drive(List, int, long, int, int)} with asks that time out after {@code askSeconds}, and the
   * acknowledgements handled on {@code callbacks} ({@code whenCompleteAsync}); null: {@code whenComplete}.
   */
  public static Driven drive(List<Workload> load, int batch, long quota, int seconds, int maxInFlight,
      long askSeconds, Executor callbacks) throws InterruptedException {
    Duration ask = Duration.ofSeconds(askSeconds);
    AtomicLong events = new AtomicLong();
    AtomicLong commands = new AtomicLong();
    AtomicLong failures = new AtomicLong();
    AtomicLong ackNanos = new AtomicLong();
    ConcurrentLinkedQueue<Lane> ready = new ConcurrentLinkedQueue<>();
    for (Workload w : load) {
      ready.add(new Lane(w));
    }
    int lanes = Math.min(load.size(), maxInFlight);
    CountDownLatch done = new CountDownLatch(lanes);
    long t0 = System.nanoTime();
    long deadline = t0 + TimeUnit.SECONDS.toNanos(seconds);
    for (int i = 0; i < lanes; i++) {
      new Object() {
        void next() {
          Lane lane = System.nanoTime() >= deadline ? null : ready.poll();
          if (lane == null) {
            done.countDown();
            return;
          }
          int size = (int) Math.min(batch, quota - lane.sent);
          long s = System.nanoTime();
          BiConsumer<Recorded, Throwable> onAck = (r, e) -> {
            ackNanos.addAndGet(System.nanoTime() - s);
            commands.incrementAndGet();
            if (e != null) {
              // that strategy stops: its next events would be out of order
              if (failures.incrementAndGet() <= 3) {
                System.err.println("command failed: " + e);
              }
            } else {
              lane.sent += r.recorded() + r.duplicates();
              events.addAndGet(r.recorded());
              if (lane.sent < quota) {
                ready.add(lane);
              }
            }
            next();
          };
          if (callbacks == null) {
            lane.workload.next(size, ask).whenComplete(onAck);
          } else {
            lane.workload.next(size, ask).whenCompleteAsync(onAck, callbacks);
          }
        }
      }.next();
    }
    if (!done.await(seconds + 120L, TimeUnit.SECONDS)) {
      System.err.println("some commands still unanswered 120 s after the deadline");
    }
    double elapsed = (System.nanoTime() - t0) / 1e9;
    return new Driven(events.get(), commands.get(), failures.get(), ackNanos.get(), elapsed);
  }

  /** One strategy's place in the line of {@link #drive}. */
  private static final class Lane {
    final Workload workload;
    long sent;

    Lane(Workload workload) {
      this.workload = workload;
    }
  }
}
