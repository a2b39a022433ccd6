package io.tradingactors.metrics;

import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Cases for the property tests: random seeds and sizes fed to {@code @ParameterizedTest}s.
 *
 * <p>A plain JUnit 5 harness rather than jqwik: from 1.10 jqwik carries an "Anti-AI Usage Clause" (its maintainers ask
 * that AI coding agents not use it, and its engine prints a message to agents into the test output), and these tests
 * were written by one. The properties need nothing jqwik-specific: each case is a seed and a size expanded by
 * {@link RandomSeries}, shown in the test name so that a failure is reproducible.
 *
 * <p>Cases differ from run to run; {@code -Dmetrics.properties.seed=N} fixes them. The first cases of each source are
 * the edge sizes (the minimum and the maximum), the rest are uniform.
 */
final class PropertyCases {

  /** Cases per property: enough for long series to meet every edge, small enough for ~10 s on two cores. */
  static final int TRIES = 50;

  static final String NAME = "seed={0}, size={1}";
  static final String NAME_WITH_CHOICE = "seed={0}, size={1}, settings={2}";

  private static final SplittableRandom BASE =
      new SplittableRandom(Long.getLong("metrics.properties.seed", new SplittableRandom().nextLong()));

  private PropertyCases() {}

  /** A random generator for one case source; each call gives a different stream. */
  static synchronized SplittableRandom random() {
    return BASE.split();
  }

  /** {@link #TRIES} (seed, size) pairs; the first two have the minimum and the maximum size. */
  static Stream<Arguments> seedsAndSizes(int minSize, int maxSize) {
    SplittableRandom rnd = random();
    return IntStream.range(0, TRIES)
        .mapToObj(i -> Arguments.of(rnd.nextLong(), size(rnd, i, minSize, maxSize)));
  }

  /** As {@link #seedsAndSizes}, with a choice in [0, choices) that cycles so that every choice is taken. */
  static Stream<Arguments> seedsSizesAndChoices(int minSize, int maxSize, int choices) {
    SplittableRandom rnd = random();
    return IntStream.range(0, TRIES)
        .mapToObj(i -> Arguments.of(rnd.nextLong(), size(rnd, i, minSize, maxSize), i % choices));
  }

  private static int size(SplittableRandom rnd, int i, int min, int max) {
    if (i == 0) {
      return min;
    }
    if (i == 1) {
      return max;
    }
    return min + rnd.nextInt(max - min + 1);
  }
}
