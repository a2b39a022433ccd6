package io.tradingactors.tests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.typesafe.config.Config;
import io.tradingactors.actors.JournalSchema;
import io.tradingactors.actors.TradingActorsNode;
import io.tradingactors.actors.performance.StrategyPerformanceActor;
import io.tradingactors.actors.performance.StrategyPerformanceActor.Recorded;
import io.tradingactors.actors.replay.JournalReplay;
import io.tradingactors.actors.testing.TestJournals;
import io.tradingactors.actors.testing.TestJournals.Backend;
import io.tradingactors.domain.MetricsSnapshot;
import io.tradingactors.domain.event.BalanceUpdated;
import io.tradingactors.domain.event.PerformanceEvent;
import io.tradingactors.domain.event.Side;
import io.tradingactors.domain.event.TradeClosed;
import io.tradingactors.domain.fixtures.Events;
import io.tradingactors.domain.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Events live forever: a journal written by version 1 of the events (checked in under journal-fixtures/v1) must
 * recover, on H2 and PostgreSQL, to exactly the snapshot version 1 computed. A change to an event class that breaks
 * old rows fails here; the fix is a JacksonMigration, never a new fixture.
 */
class JournalFixtureTest {

  private static final String ENTITY = "fixture-v1";
  private static final Path V1 = JournalFixture.ROOT.resolve("v1");

  @TempDir Path dataDir;

  @ParameterizedTest
  @EnumSource(Backend.class)
  void aJournalWrittenByEventVersion1RecoversToItsSnapshot(Backend backend) throws Exception {
    List<JournalFixture.Row> rows = JournalFixture.readRows(V1);
    assertThat(rows).isNotEmpty().allSatisfy(r -> assertThat(r.manifest()).endsWith("#1"));
    Config config = TestJournals.config(backend, dataDir);
    JournalSchema.migrate(config);
    JournalFixture.importRows(config, rows);

    String expected = Files.readString(V1.resolve(JournalFixture.SNAPSHOT));
    try (TradingActorsNode node = TradingActorsNode.start(config)) {
      MetricsSnapshot recovered = Journals.snapshot(node, ENTITY);
      // Every field the fixture recorded comes back with the same JSON text (Jackson prints the shortest decimal that
      // reads back to the same bits). Fields the snapshot gained later (`today`, with the risk manager) are new
      // outputs computed from the same events, not part of what version 1 wrote.
      ObjectNode actual = (ObjectNode) Json.mapper().readTree(JournalFixture.snapshotJson(recovered));
      JsonNode recorded = Json.mapper().readTree(expected);
      List<String> recordedFields = new ArrayList<>();
      recorded.fieldNames().forEachRemaining(recordedFields::add);
      assertThat(actual.has("today")).isTrue();
      actual.retain(recordedFields);
      assertThat(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(actual) + "\n")
          .isEqualTo(expected);
      long read = new JournalReplay(node.system()).replay(ENTITY, e -> {}).toCompletableFuture().join();
      assertThat(read).isEqualTo(rows.size());
    }
  }

  /**
   * Writes the fixture of the current event version; run once per new version with
   * {@code mvn -pl tests verify -Djournal.fixture.write=v2 -Dtest=JournalFixtureTest} (refuses to overwrite).
   */
  @Test
  @EnabledIfSystemProperty(named = "journal.fixture.write", matches = "v\\d+")
  void writeFixture() throws Exception {
    Path dir = JournalFixture.ROOT.resolve(System.getProperty("journal.fixture.write"));
    assertThat(dir).as("fixtures are written once and never regenerated").doesNotExist();
    Files.createDirectories(dir);
    Config config = TestJournals.h2(dataDir);
    List<PerformanceEvent> events = new ArrayList<>(Events.randomSequence(60, 1, 10_000));
    Instant last = ((BalanceUpdated) events.get(events.size() - 1)).time();
    // every optional field set, both sides, a loss and a win
    events.add(new TradeClosed("full-1", "ETHUSDT", Side.SHORT, last.plusSeconds(60), last.plusSeconds(3_600),
        3_200.5, 3_150.25, 2.5, 120.1, 3.2, 1.1, 2.5, 180.0, -40.0));
    events.add(new TradeClosed("full-2", "BTCUSDT", Side.LONG, last.plusSeconds(120), last.plusSeconds(7_200),
        97_000.0, 96_500.0, 0.1, -53.0, 2.0, 1.0, null, 20.0, -60.0));
    events.add(new BalanceUpdated(last.plusSeconds(7_200), 10_067.1));
    try (TradingActorsNode node = TradingActorsNode.start(config)) {
      Journals.entity(node, ENTITY)
          .<Recorded>askWithStatus(r -> new StrategyPerformanceActor.RecordEvents(List.copyOf(events), r),
              Journals.ASK)
          .toCompletableFuture()
          .join();
      MetricsSnapshot snapshot = Journals.snapshot(node, ENTITY);
      Files.writeString(dir.resolve(JournalFixture.SNAPSHOT), JournalFixture.snapshotJson(snapshot));
    }
    try (Connection c = Journals.connect(config)) {
      JournalFixture.writeRows(dir, JournalFixture.exportRows(c, "strategy|" + ENTITY));
    }
  }
}
