package io.tradingactors.readmodel.projection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.tradingactors.actors.EventTags;
import io.tradingactors.actors.TradingActorsNode;
import io.tradingactors.actors.performance.StrategyIds;
import io.tradingactors.actors.performance.StrategyPerformanceActor;
import io.tradingactors.actors.testing.TestJournals;
import io.tradingactors.actors.testing.TestJournals.Backend;
import io.tradingactors.domain.backtest.Backtest;
import io.tradingactors.domain.event.BalanceUpdated;
import io.tradingactors.domain.event.PerformanceEvent;
import io.tradingactors.domain.event.TradeClosed;
import io.tradingactors.domain.fixtures.Events;
import io.tradingactors.domain.state.PerformanceState;
import io.tradingactors.metrics.DailyCloseSeries;
import io.tradingactors.metrics.DailyCloses;
import io.tradingactors.metrics.MetricSettings;
import io.tradingactors.metrics.Period;
import io.tradingactors.metrics.PeriodBreakdown;
import io.tradingactors.metrics.PerformanceMetrics;
import io.tradingactors.metrics.RollingWindows;
import io.tradingactors.metrics.Time;
import io.tradingactors.metrics.WindowStatistics;
import io.tradingactors.readmodel.ReadModel;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.projection.ProjectionBehavior;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The projection on a real journal (H2 file and PostgreSQL): the rows equal the batch fold of the same events, a
 * crash inside a transaction or a node killed mid-stream neither loses nor doubles a row.
 */
class ReadModelProjectionTest {

  private static final Duration T = Duration.ofSeconds(30);
  private static final MetricSettings SETTINGS = MetricSettings.DEFAULTS;

  @TempDir Path dataDir;

  // ---- the rows are the batch fold ------------------------------------------------------------------------------

  @ParameterizedTest
  @EnumSource(Backend.class)
  void rowsMatchTheBatchFoldOfTheSameEvents(Backend backend) throws Exception {
    List<PerformanceEvent> live = withLateTrades(Events.randomSequence(160, 11, 10_000));
    List<PerformanceEvent> backtest = Events.randomSequence(60, 12, 5_000);
    Config config = TestJournals.config(backend, dataDir);
    try (TradingActorsNode node = TradingActorsNode.start(config)) {
      ReadModel readModel = ReadModel.start(node.system(), config, SETTINGS);
      record(node, "alpha", live, 25);
      record(node, StrategyIds.entityId("alpha", "bt-1"), backtest, 25);
      TableRows rows = new TableRows(readModel.dataSource());
      awaitProjected(rows, "alpha", "", live.size());
      awaitProjected(rows, "alpha", "bt-1", backtest.size());

      assertTrackMatchesFold(rows, "alpha", "", live);
      assertTrackMatchesFold(rows, "alpha", "bt-1", backtest);
      assertTrue(readModel.lastLagMillis() >= 0, "the projection reports its lag");
    }
  }

  /** A trade that closes into an earlier week (after later events): the journal order is not the time order. */
  private static List<PerformanceEvent> withLateTrades(List<PerformanceEvent> events) {
    List<PerformanceEvent> out = new ArrayList<>(events);
    TradeClosed early = (TradeClosed) out.stream().filter(TradeClosed.class::isInstance).findFirst().orElseThrow();
    TradeClosed mid = (TradeClosed) out.get(out.size() / 2 + (out.get(out.size() / 2) instanceof TradeClosed ? 0 : 1));
    out.add(out.size() * 3 / 4, Events.trade("late-1", early.entryTime(), early.exitTime().plusSeconds(60), -42.5));
    out.add(Events.trade("late-2", mid.entryTime(), mid.exitTime().plusSeconds(30), 17.25));
    return out;
  }

  private static void assertTrackMatchesFold(TableRows rows, String strategy, String run, List<PerformanceEvent> events) {
    PerformanceState fold = Backtest.fold(events, SETTINGS);
    String where = strategy + "/" + (run.isEmpty() ? "live" : run);

    List<TableRows.PeriodMetrics> allTime = rows.periods(strategy, run, "all_time");
    assertEquals(1, allTime.size(), where + ": one all_time row");
    assertSameMetrics(fold.metrics(), allTime.get(0).m(), where + " all_time");
    DailyCloseSeries daily = fold.daily();
    assertEquals(daily.lastClose() / daily.firstClose() - 1.0, allTime.get(0).periodReturn(), where + " all_time return");

    assertSameWindow(fold.rolling(RollingWindows.SEVEN_DAYS_MS), rows.window(strategy, run, "7d"), where + " 7d");
    assertSameWindow(fold.rolling(RollingWindows.THIRTY_DAYS_MS), rows.window(strategy, run, "30d"), where + " 30d");

    DailyCloses closes = new DailyCloses(daily.firstDay(), daily.closes());
    for (Period period : Period.values()) {
      Map<LocalDate, List<PerformanceEvent>> byPeriod = new LinkedHashMap<>();
      for (PerformanceEvent e : events) {
        byPeriod.computeIfAbsent(period.start(LocalDate.ofEpochDay(Time.utcDay(TrackFold.timeOf(e)))),
            k -> new ArrayList<>()).add(e);
      }
      Map<LocalDate, Double> returns = new LinkedHashMap<>();
      PeriodBreakdown.of(period, List.of(), closes).forEach(r -> returns.put(r.start(), r.periodReturn()));
      List<TableRows.PeriodMetrics> stored = rows.periods(strategy, run, period.wireName());
      assertEquals(byPeriod.size(), stored.size(), where + ": one row per " + period.wireName() + " period");
      for (TableRows.PeriodMetrics row : stored) {
        List<PerformanceEvent> ofPeriod = byPeriod.get(row.start());
        assertNotNull(ofPeriod, where + ": a row for a period without events " + row.start());
        assertSameMetrics(Backtest.fold(ofPeriod, SETTINGS).metrics(), row.m(),
            where + " " + period.wireName() + " " + row.start());
        assertEquals(TrackFold.end(period, row.start()), row.end());
        assertEquals(returns.get(row.start()), row.periodReturn(), where + " return of " + row.start());
      }
    }

    // account history: every trade close, and the first balance of each hour
    long trades = events.stream().filter(TradeClosed.class::isInstance).count();
    Set<Long> hours = new HashSet<>();
    events.stream().filter(BalanceUpdated.class::isInstance)
        .forEach(b -> hours.add(Math.floorDiv(((BalanceUpdated) b).time().toEpochMilli(), 3_600_000L)));
    assertEquals(trades, rows.count(
        "SELECT COUNT(*) FROM account_history WHERE strategy_id = ? AND run = ? AND cause = 'trade'", strategy, run));
    assertEquals(hours.size(), rows.count(
        "SELECT COUNT(*) FROM account_history WHERE strategy_id = ? AND run = ? AND cause = 'balance'", strategy, run));
    int k = events.size() / 2;
    Double balanceThen = Backtest.fold(events.subList(0, k), SETTINGS).metrics().currentBalance();
    List<Double> stored = rows.query(
        "SELECT balance FROM account_history WHERE strategy_id = ? AND run = ? AND sequence_nr <= ? "
            + "ORDER BY sequence_nr DESC",
        rs -> TableRows.dbl(rs, "balance"), strategy, run, (long) k);
    // the latest row at or before event k holds the balance of the fold up to then, or an earlier one when event k
    // was a balance inside an hour already recorded
    assertTrue(stored.get(0) != null, where + ": history rows carry the balance");
    if (events.get(k - 1) instanceof TradeClosed) {
      assertEquals(balanceThen, stored.get(0), where + ": the balance at trade " + k);
    }
  }

  static void assertSameMetrics(PerformanceMetrics expected, PerformanceMetrics actual, String where) {
    for (RecordComponent c : PerformanceMetrics.class.getRecordComponents()) {
      Object e = get(c, expected);
      Object a = get(c, actual);
      if (c.getName().equals("profitFactor") && e != null) {
        e = RowWriter.profitFactorColumn((Double) e).doubleValue();
      }
      assertEquals(e, a, where + ": " + c.getName()); // Double.equals: the same bits, null for null
    }
  }

  private static void assertSameWindow(WindowStatistics expected, TableRows.Window actual, String where) {
    assertNotNull(actual, where + ": row present");
    assertEquals(expected.trades(), actual.trades(), where + ": trades");
    assertEquals(expected.winRate(), actual.winRate(), where + ": win_rate");
    assertEquals(expected.profitFactor() == null ? null
        : RowWriter.profitFactorColumn(expected.profitFactor()).doubleValue(), actual.profitFactor(), where + ": pf");
    assertEquals(expected.avgRr(), actual.avgRr(), where + ": avg_rr");
    assertEquals(Double.valueOf(expected.netPnl()), Double.valueOf(actual.netPnl()), where + ": net_pnl");
    assertEquals(expected.sharpe(), actual.sharpe(), where + ": sharpe");
  }

  private static Object get(RecordComponent c, Object record) {
    try {
      return c.getAccessor().invoke(record);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  // ---- window boundaries ----------------------------------------------------------------------------------------

  @ParameterizedTest
  @EnumSource(Backend.class)
  void aTradeExactlySevenDaysOldIsOutOfTheSevenDayWindow(Backend backend) throws Exception {
    Instant t0 = Events.T0;
    Instant lastExit = t0.plus(Duration.ofDays(7)).plusSeconds(3600);
    List<PerformanceEvent> events = List.of(
        new BalanceUpdated(t0, 1_000),
        Events.trade("old", t0, t0.plusSeconds(3600), 50),
        Events.trade("edge-in", t0.plusSeconds(3600), t0.plusSeconds(3601), 30),
        Events.trade("new", lastExit.minusSeconds(60), lastExit, -20));
    Config config = TestJournals.config(backend, dataDir);
    try (TradingActorsNode node = TradingActorsNode.start(config)) {
      ReadModel readModel = ReadModel.start(node.system(), config, SETTINGS);
      record(node, "edge", events, 10);
      TableRows rows = new TableRows(readModel.dataSource());
      awaitProjected(rows, "edge", "", events.size());
      // "old" closed exactly 7 days before the last event: out of (as_of − 7 d, as_of]; one second later is in
      assertEquals(2, rows.window("edge", "", "7d").trades());
      assertEquals(10.0, rows.window("edge", "", "7d").netPnl());
      assertEquals(3, rows.window("edge", "", "30d").trades());
    }
  }

  // ---- exactly once -----------------------------------------------------------------------------------------------

  /** A writer that fails once, after writing its rows and before the commit: a crash inside the transaction. */
  private static final class CrashingWriter extends RowWriter {
    final AtomicInteger writes = new AtomicInteger();
    final AtomicInteger crashes = new AtomicInteger();
    final int crashAt;

    CrashingWriter(String dialect, int crashAt) {
      super(dialect);
      this.crashAt = crashAt;
    }

    @Override
    public void write(Connection c, Rows rows, Instant now) throws SQLException {
      super.write(c, rows, now);
      if (writes.incrementAndGet() == crashAt) {
        crashes.incrementAndGet();
        throw new IllegalStateException("simulated crash between the rows and the commit");
      }
    }
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void aCrashBeforeTheCommitNeitherLosesNorDoublesARow(Backend backend) throws Exception {
    List<PerformanceEvent> events = Events.randomSequence(120, 21, 10_000);
    Config config = withoutProjection(TestJournals.config(backend, dataDir));
    try (TradingActorsNode node = TradingActorsNode.start(config)) {
      ReadModel readModel = ReadModel.start(node.system(), config, SETTINGS);
      String entity = "crashy";
      record(node, entity, events, 40);
      String pid = "strategy|" + entity;
      String tag = EventTags.tagFor(node.system(), EventTags.PERFORMANCE, pid);
      CrashingWriter writer = new CrashingWriter(config.getString("trading-actors.journal.dialect"), 3);
      ReadModelProjections.Settings settings =
          new ReadModelProjections.Settings(SETTINGS, config.getString("trading-actors.journal.dialect"),
              3_600_000L, 100, 20, Duration.ofMillis(20));
      ActorRef<ProjectionBehavior.Command> projection = node.system().systemActorOf(
          ProjectionBehavior.create(ReadModelProjections.performance(node.system(), readModel.dataSource(), settings,
              tag, writer, new JournalHistory(node.system(), T), Clock.systemUTC(), lag -> {})),
          "crashing-projection", org.apache.pekko.actor.typed.Props.empty());
      TableRows rows = new TableRows(readModel.dataSource());
      awaitProjected(rows, entity, "", events.size());
      projection.tell(ProjectionBehavior.stopMessage());

      assertEquals(1, writer.crashes.get(), "the crash happened");
      assertTrue(writer.writes.get() > 3, "and the projection went on after it");
      assertTrackMatchesFold(rows, entity, "", events);
      assertEquals(events.size(), rows.count(
          "SELECT last_sequence_nr FROM performance_metrics WHERE strategy_id = ? AND period = 'all_time'", entity));
    }
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void aNodeKilledMidStreamResumesFromItsOffsetExactlyOnce(Backend backend) throws Exception {
    List<PerformanceEvent> events = Events.randomSequence(150, 31, 10_000);
    int half = events.size() / 2;
    Config config = TestJournals.config(backend, dataDir);
    try (TradingActorsNode node = TradingActorsNode.start(config)) {
      ReadModel.start(node.system(), config, SETTINGS);
      record(node, "phoenix", events.subList(0, half), 5);
      // closed at once, while the projection is still behind: whatever transaction was open is lost
    }
    try (TradingActorsNode node = TradingActorsNode.start(config)) {
      ReadModel readModel = ReadModel.start(node.system(), config, SETTINGS);
      record(node, "phoenix", events.subList(half, events.size()), 5);
      TableRows rows = new TableRows(readModel.dataSource());
      awaitProjected(rows, "phoenix", "", events.size());
      assertTrackMatchesFold(rows, "phoenix", "", events);
    }
  }

  // ---- risk events ----------------------------------------------------------------------------------------------

  @ParameterizedTest
  @EnumSource(Backend.class)
  void everyExposureDecisionIsARiskEventsRow(Backend backend) throws Exception {
    List<PerformanceEvent> losses = List.of(
        new BalanceUpdated(Events.T0, 10_000),
        Events.trade("l1", 1, -10), Events.trade("l2", 2, -10), Events.trade("l3", 3, -10));
    Config config = TestJournals.config(backend, dataDir);
    try (TradingActorsNode node = TradingActorsNode.start(config)) {
      ReadModel readModel = ReadModel.start(node.system(), config, SETTINGS);
      for (PerformanceEvent e : losses) {
        record(node, "loser", List.of(e), 1);
      }
      TableRows rows = new TableRows(readModel.dataSource());
      TableRows.await(T, "a risk_events row", () ->
          rows.count("SELECT COUNT(*) FROM risk_events WHERE strategy_id = ?", "loser") > 0);
      List<Double> exposures = rows.query(
          "SELECT exposure_to FROM risk_events WHERE strategy_id = ? AND rule = 'consecutive_losses' "
              + "ORDER BY sequence_nr", rs -> rs.getDouble(1), "loser");
      assertEquals(List.of(0.5), exposures);
    }
  }

  // ---- helpers --------------------------------------------------------------------------------------------------

  private static Config withoutProjection(Config config) {
    return ConfigFactory.parseString("trading-actors.read-model.projection = off").withFallback(config);
  }

  /** Records {@code events} in order, {@code batch} at a time, each batch acknowledged before the next. */
  static void record(TradingActorsNode node, String entityId, List<PerformanceEvent> events, int batch) {
    var ref = ClusterSharding.get(node.system()).entityRefFor(StrategyPerformanceActor.ENTITY_TYPE_KEY, entityId);
    for (int i = 0; i < events.size(); i += batch) {
      List<PerformanceEvent> part = List.copyOf(events.subList(i, Math.min(events.size(), i + batch)));
      ref.<StrategyPerformanceActor.Recorded>askWithStatus(r -> new StrategyPerformanceActor.RecordEvents(part, r), T)
          .toCompletableFuture().join();
    }
  }

  static void awaitProjected(TableRows rows, String strategy, String run, long sequenceNr) throws Exception {
    TableRows.await(T.multipliedBy(2), strategy + " projected up to " + sequenceNr, () ->
        rows.count("SELECT COALESCE(MAX(last_sequence_nr), 0) FROM strategy_performance WHERE strategy_id = ? "
            + "AND run = ? AND rolling_window = '30d'", strategy, run) >= sequenceNr);
  }
}
