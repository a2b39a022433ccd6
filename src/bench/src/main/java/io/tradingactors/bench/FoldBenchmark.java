package io.tradingactors.bench;

import io.tradingactors.domain.event.PerformanceEvent;
import io.tradingactors.domain.state.PerformanceState;
import io.tradingactors.metrics.MetricSettings;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Events per second through {@code PerformanceState.apply} on one thread: 1M trades interleaved with 1M balance ticks
 * (one tick a minute, so the daily series grows too), folded from the empty state. A score is events/s.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 2)
@Measurement(iterations = 5)
public class FoldBenchmark {

  static final int TRADES = 1_000_000;
  static final int EVENTS = TRADES * 2;

  private List<PerformanceEvent> events;

  @Setup(Level.Trial)
  public void generate() {
    events = SyntheticEvents.interleaved(TRADES, 1, 60_000, 42);
  }

  /** The whole fold plus one metrics computation at the end, as {@code report} does. */
  @Benchmark
  @OperationsPerInvocation(EVENTS)
  public Object foldTwoMillionEvents() {
    PerformanceState state = PerformanceState.empty(MetricSettings.DEFAULTS);
    for (PerformanceEvent e : events) {
      state = state.apply(e);
    }
    return state.metrics();
  }
}
