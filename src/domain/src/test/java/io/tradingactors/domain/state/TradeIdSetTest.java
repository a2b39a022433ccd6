package io.tradingactors.domain.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** {@link TradeIdSet}: persistent, insertion-ordered, and each version answers for its own ids only. */
class TradeIdSetTest {

  private record Version(TradeIdSet set, LinkedHashSet<String> expected) {

    Version plus(String id) {
      LinkedHashSet<String> next = new LinkedHashSet<>(expected);
      next.add(id);
      TradeIdSet after = set.plus(id);
      if (expected.contains(id)) {
        assertThat(after).isSameAs(set);
      }
      return new Version(after, next);
    }

    void check(List<String> probes) {
      assertThat(set.size()).isEqualTo(expected.size());
      for (String id : probes) {
        assertThat(set.contains(id)).as(id).isEqualTo(expected.contains(id));
      }
      TradeIdSet rebuilt = TradeIdSet.empty();
      for (String id : expected) {
        rebuilt = rebuilt.plus(id);
      }
      assertThat(set.digests()).containsExactly(rebuilt.digests());
      assertThat(set).isEqualTo(rebuilt);
      assertThat(set.hashCode()).isEqualTo(rebuilt.hashCode());
      assertThat(TradeIdSet.fromDigests(set.digests())).isEqualTo(set);
    }
  }

  @Test
  void olderVersionsKeepTheirOwnIdsWhileTheTipGrowsThroughManyRebuilds() {
    Version v = new Version(TradeIdSet.empty(), new LinkedHashSet<>());
    List<Version> history = new ArrayList<>();
    List<String> probes = new ArrayList<>();
    for (int i = 0; i < 3_000; i++) {
      String id = "trade-" + i;
      probes.add(id);
      v = v.plus(id);
      if (i % 7 == 0) {
        v = v.plus("trade-" + (i / 2)); // a retry changes nothing
      }
      if (i % 97 == 0 || i < 20) {
        history.add(v);
      }
    }
    probes.add("never-recorded");
    for (Version old : history) {
      old.check(probes);
    }
    // an old version forks, after the tip grew past it; neither sees the other's ids
    Version old = history.get(15);
    Version fork = old.plus("fork-a").plus("trade-2999").plus("fork-b");
    probes.addAll(List.of("fork-a", "fork-b"));
    fork.check(probes);
    old.check(probes);
    v.check(probes);
    assertThat(v.set().contains("fork-a")).isFalse();
  }

  @Test
  void randomTreeOfVersions() {
    SplittableRandom rnd = new SplittableRandom(3);
    for (int round = 0; round < 20; round++) {
      List<Version> versions = new ArrayList<>();
      versions.add(new Version(TradeIdSet.empty(), new LinkedHashSet<>()));
      List<String> probes = new ArrayList<>();
      for (int step = 0; step < 300; step++) {
        Version from =
            rnd.nextInt(4) > 0 ? versions.get(versions.size() - 1) : versions.get(rnd.nextInt(versions.size()));
        String id = "id-" + rnd.nextInt(400);
        probes.add(id);
        versions.add(from.plus(id));
      }
      for (Version v : versions) {
        v.check(probes);
      }
    }
  }

  @Test
  void forksFromOneParentOnTwoThreads() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      for (int round = 0; round < 100; round++) {
        Version parent = new Version(TradeIdSet.empty(), new LinkedHashSet<>());
        for (int i = 0; i < 5 + round; i++) {
          parent = parent.plus("p" + i);
        }
        Version p = parent;
        List<Callable<Version>> forks = new ArrayList<>();
        for (int k = 0; k < 2; k++) {
          String prefix = "k" + k + "-";
          forks.add(
              () -> {
                Version v = p;
                for (int i = 0; i < 50; i++) {
                  v = v.plus(prefix + i);
                }
                return v;
              });
        }
        List<String> probes = new ArrayList<>(p.expected());
        for (int i = 0; i < 50; i++) {
          probes.add("k0-" + i);
          probes.add("k1-" + i);
        }
        for (Future<Version> f : pool.invokeAll(forks)) {
          f.get().check(probes);
        }
        parent.check(probes);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void digestsRoundTripInInsertionOrderAndTheEmptySetIsShared() {
    TradeIdSet s = TradeIdSet.empty().plus("b").plus("a").plus("c");
    long[] d = s.digests();
    assertThat(d).hasSize(6);
    TradeIdSet back = TradeIdSet.fromDigests(d);
    assertThat(back).isEqualTo(s);
    assertThat(back.contains("a")).isTrue();
    assertThat(back.contains("d")).isFalse();
    assertThat(back.plus("d").digests()).containsExactly(s.plus("d").digests());
    // the order is part of equality: the same ids recorded in another order are another history
    assertThat(TradeIdSet.empty().plus("a").plus("b").plus("c")).isNotEqualTo(s);
    assertThat(TradeIdSet.fromDigests(new long[0])).isSameAs(TradeIdSet.empty());
    assertThat(TradeIdSet.empty().contains("a")).isFalse();
    assertThat(TradeIdSet.empty().digests()).isEmpty();
  }
}
