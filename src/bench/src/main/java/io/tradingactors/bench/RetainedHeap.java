package io.tradingactors.bench;

import io.tradingactors.domain.state.PerformanceState;
import io.tradingactors.metrics.MetricSettings;
import java.util.SplittableRandom;
import org.openjdk.jol.info.GraphLayout;

/**
 * The state's retained heap (everything reachable from it, measured by JOL) after 1M and 10M balance ticks one
 * second apart, and with trades: shows memory tracks calendar days and recent trades, not ticks.
 *
 * <p>Run: {@code java -Djdk.attach.allowAttachSelf=true -Djol.magicFieldOffset=true -cp src/bench/target/benchmarks.jar io.tradingactors.bench.RetainedHeap}
 */
public final class RetainedHeap {

  private RetainedHeap() {}

  public static void main(String[] args) {
    long[] checkpoints = {0, 1_000, 100_000, 1_000_000, 10_000_000};
    long tickMs = args.length > 0 ? Long.parseLong(args[0]) : 1_000;
    SplittableRandom rnd = new SplittableRandom(7);
    double[] balance = {100_000};
    PerformanceState state = PerformanceState.empty(MetricSettings.DEFAULTS);
    long done = 0;
    System.out.printf("tick interval %d ms%n%-12s %-10s %-16s%n", tickMs, "ticks", "days", "retained bytes");
    for (long target : checkpoints) {
      while (done < target) {
        state = state.apply(SyntheticEvents.tick(done++, tickMs, rnd, balance));
      }
      state.metrics();
      long bytes = GraphLayout.parseInstance(state).totalSize();
      System.out.printf("%-12d %-10d %-16d%n", done, state.daily().closeCount(), bytes);
    }
  }
}
