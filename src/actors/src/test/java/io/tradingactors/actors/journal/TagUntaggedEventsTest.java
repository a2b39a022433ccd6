package io.tradingactors.actors.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.typesafe.config.Config;
import io.tradingactors.actors.EventTags;
import io.tradingactors.actors.JournalSchema;
import io.tradingactors.actors.TradingActorsNode;
import io.tradingactors.actors.performance.StrategyPerformanceActor;
import io.tradingactors.actors.testing.TestJournals;
import io.tradingactors.actors.testing.TestJournals.Backend;
import io.tradingactors.domain.event.PerformanceEvent;
import io.tradingactors.domain.fixtures.Events;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Tags by slice: the same tag with or without an actor system, and journals from before tags get theirs. */
class TagUntaggedEventsTest {

  @TempDir Path dataDir;

  @Test
  void theTagWithoutAnActorSystemIsPekkosSliceGroup() {
    ActorTestKit kit = ActorTestKit.create();
    try {
      for (int i = 0; i < 5_000; i++) {
        String pid = "strategy|s-" + i + (i % 3 == 0 ? "@run-" + i : "");
        assertEquals(EventTags.tagFor(kit.system(), EventTags.PERFORMANCE, pid),
            EventTags.tagFor(EventTags.PERFORMANCE, pid), pid);
      }
    } finally {
      kit.shutdownTestKit();
    }
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void eventsWrittenBeforeTagsGetTheTagTheActorWouldHaveWritten(Backend backend) throws Exception {
    Config config = TestJournals.config(backend, dataDir);
    List<PerformanceEvent> events = Events.randomSequence(20, 3, 1_000);
    try (TradingActorsNode node = TradingActorsNode.start(config)) {
      for (String id : List.of("a", "b", "c@bt")) {
        ClusterSharding.get(node.system()).entityRefFor(StrategyPerformanceActor.ENTITY_TYPE_KEY, id)
            .<StrategyPerformanceActor.Recorded>askWithStatus(
                r -> new StrategyPerformanceActor.RecordEvents(events, r), Duration.ofSeconds(20))
            .toCompletableFuture().join();
      }
    }
    Map<Long, String> written = tags(config);
    assertEquals(3 * events.size(), written.size(), "the actor tags every event");
    try (Connection c = connect(config); Statement st = c.createStatement()) {
      // a journal from before tags: no tag rows, and only migration 1 run (3, an index, is idempotent)
      st.executeUpdate("DELETE FROM \"event_tag\"");
      st.executeUpdate("DELETE FROM \"trading_actors_journal_schema\" WHERE \"version\" IN ('2', '3')");
    }
    assertFalse(written.isEmpty());
    assertEquals(Map.of(), tags(config));
    assertEquals(2, JournalSchema.migrate(config));
    assertEquals(written, tags(config));
  }

  private static Map<Long, String> tags(Config config) throws SQLException {
    Map<Long, String> out = new TreeMap<>();
    try (Connection c = connect(config); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT \"event_id\", \"tag\" FROM \"event_tag\"")) {
      while (rs.next()) {
        out.put(rs.getLong(1), rs.getString(2));
      }
    }
    return out;
  }

  private static Connection connect(Config config) throws SQLException {
    Config db = config.getConfig("pekko-persistence-jdbc.shared-databases.trading-actors.db");
    return DriverManager.getConnection(db.getString("url"), db.getString("user"), db.getString("password"));
  }
}
