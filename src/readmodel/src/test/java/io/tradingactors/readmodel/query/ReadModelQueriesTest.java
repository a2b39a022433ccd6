package io.tradingactors.readmodel.query;

import static io.tradingactors.readmodel.testing.ReadModelRows.allTime;
import static io.tradingactors.readmodel.testing.ReadModelRows.liveWindow;
import static io.tradingactors.readmodel.testing.ReadModelRows.metrics;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.typesafe.config.Config;
import com.zaxxer.hikari.HikariDataSource;
import io.tradingactors.actors.testing.TestJournals;
import io.tradingactors.metrics.PerformanceMetrics;
import io.tradingactors.metrics.ScoreBasis;
import io.tradingactors.metrics.TradeStatistics;
import io.tradingactors.readmodel.ReadModelDatabase;
import io.tradingactors.readmodel.ReadModelSchema;
import io.tradingactors.readmodel.testing.ReadModelRows;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The selection queries against the read model's real schema, migrated into a fresh database (H2 and PostgreSQL
 * subclasses), with rows written straight into its tables. Scores are worked out by hand with the default weights
 * 0.40 / 0.35 / 0.25, caps 3 and 5, and the blend 0.7 / 0.3 from 5 live trades.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ReadModelQueriesTest {

  private static final Instant T0 = Instant.parse("2025-03-01T00:00:00Z");

  private HikariDataSource ds;
  private ReadModelQueries queries;

  abstract TestJournals.Backend backend();

  @BeforeAll
  void migrate(@TempDir Path dir) {
    Config config = TestJournals.config(backend(), dir);
    ds = ReadModelDatabase.pool(config, "read-model-queries-test");
    ReadModelSchema.migrate(ds, config);
    queries = new ReadModelQueries(ds, SelectionSettings.DEFAULTS);
  }

  @AfterAll
  void close() {
    if (ds != null) {
      ds.close();
    }
  }

  @BeforeEach
  void empty() {
    ReadModelRows.clear(ds);
  }

  @Test
  void aScoreBlendsFromFiveLiveTradesNotFour() throws Exception {
    // backtest: 0.4·0.6 + 0.35·(1.5/3) + 0.25·(2/5) = 0.515; live: 0.4·0.4 + 0.35·(0.9/3) + 0.25·(1/5) = 0.315
    for (String id : List.of("four", "five")) {
      allTime(ds, id, "bt-1", metrics(100, 0.6, 1.5, 2.0), T0);
      liveWindow(ds, id, id.equals("four") ? 4 : 5, 0.4, 0.9, 1.0);
    }

    StrategyScore four = queries.score("four");
    StrategyScore five = queries.score("five");

    assertThat(four.backtestRun()).isEqualTo("bt-1");
    assertThat(four.backtestScore()).isCloseTo(0.515, within(1e-12));
    assertThat(four.liveScore()).isCloseTo(0.315, within(1e-12));
    assertThat(four.liveTrades()).isEqualTo(4);
    assertThat(four.blend().basis()).isEqualTo(ScoreBasis.BACKTEST);
    assertThat(four.blendedScore()).isCloseTo(0.515, within(1e-12));

    assertThat(five.liveTrades()).isEqualTo(5);
    assertThat(five.blend().basis()).isEqualTo(ScoreBasis.BLENDED);
    assertThat(five.blend().backtestWeight()).isEqualTo(0.7);
    // 0.7·0.515 + 0.3·0.315 = 0.3605 + 0.0945
    assertThat(five.blendedScore()).isCloseTo(0.455, within(1e-12));
    assertThat(five.backtest().trades()).isEqualTo(100);
  }

  @Test
  void theDefaultRunIsTheLatestImportedAndANamedOneIsThatOne() throws Exception {
    allTime(ds, "s", "zz-old", metrics(10, 0.1, 0.5, null), T0);
    allTime(ds, "s", "aa-new", metrics(10, 0.9, 2.0, null), T0.plusSeconds(60));
    allTime(ds, "s", "", metrics(3, 0.5, 1.0, null), T0.plusSeconds(120));

    assertThat(queries.score("s").backtestRun()).isEqualTo("aa-new");
    assertThat(queries.score("s", "zz-old").backtestRun()).isEqualTo("zz-old");
    assertThat(queries.score("s", "zz-old").backtestScore()).isCloseTo(0.4 * 0.1 + 0.35 * 0.5 / 3, within(1e-12));
  }

  @Test
  void aProfitFactorAboveTheCapScoresAsTheCapAndRoundTripsItsNumeric() throws Exception {
    allTime(ds, "ten", "bt", metrics(20, 0.5, 10.0, 5.0), T0);
    allTime(ds, "three", "bt", metrics(20, 0.5, 3.0, 5.0), T0);
    liveWindow(ds, "no-loss", 2, 1.0, TradeStatistics.PROFIT_FACTOR_CAP, null);
    liveWindow(ds, "fraction", 2, 0.5, 1.2345, null);

    assertThat(queries.score("ten").backtest().profitFactor()).isEqualTo(10.0);
    assertThat(queries.score("ten").backtest().profitFactorCapped()).isEqualTo(1.0);
    assertThat(queries.score("ten").backtestScore()).isEqualTo(queries.score("three").backtestScore());
    // NUMERIC(10,4) → BigDecimal → double: the very doubles that went in
    assertThat(queries.score("no-loss").live().profitFactor()).isEqualTo(9999.9999);
    assertThat(queries.score("fraction").live().profitFactor()).isEqualTo(1.2345);
  }

  @Test
  void nullMetricsAreUndefinedNotZero() throws Exception {
    liveWindow(ds, "idle", 0, null, null, null);
    liveWindow(ds, "no-rr", 6, 0.5, 1.5, null);

    StrategyScore idle = queries.score("idle");
    assertThat(idle.liveScore()).isNull();
    assertThat(idle.blendedScore()).isNull();
    assertThat(idle.blend().basis()).isEqualTo(ScoreBasis.NONE);
    assertThat(idle.backtestRun()).isNull();
    assertThat(idle.backtest()).isNull();

    StrategyScore noRr = queries.score("no-rr");
    assertThat(noRr.live().avgRr()).isNull();
    assertThat(noRr.live().avgRrTerm()).isEqualTo(0.0);
    // live only, whatever its trades: 0.4·0.5 + 0.35·0.5
    assertThat(noRr.blend().basis()).isEqualTo(ScoreBasis.LIVE);
    assertThat(noRr.blendedScore()).isCloseTo(0.375, within(1e-12));
  }

  @Test
  void unknownStrategiesAndRunsAreNotFound() throws Exception {
    allTime(ds, "s", "bt-1", metrics(10, 0.5, 1.0, null), T0);

    assertThatThrownBy(() -> queries.score("nobody"))
        .isInstanceOf(NotInReadModelException.class).hasMessageContaining("'nobody'");
    assertThatThrownBy(() -> queries.score("s", "bt-2"))
        .isInstanceOf(NotInReadModelException.class).hasMessageContaining("'bt-2'");
    assertThatThrownBy(() -> queries.compare("s", "bt-2"))
        .isInstanceOf(NotInReadModelException.class).hasMessageContaining("'bt-2'");
    // a strategy with only a backtest run is known: scored on its backtest
    assertThat(queries.score("s").blend().basis()).isEqualTo(ScoreBasis.BACKTEST);
    assertThat(queries.score("s").liveTrades()).isZero();
  }

  @Test
  void theRankingIsBestFirstWithUnscoredLastAndTiesById() throws Exception {
    allTime(ds, "b-mid", "bt", metrics(50, 0.5, 1.5, 2.0), T0);        // 0.2 + 0.175 + 0.1 = 0.475
    allTime(ds, "a-mid", "bt", metrics(50, 0.5, 1.5, 2.0), T0);        // the same score: the tie goes by id
    allTime(ds, "top", "bt", metrics(50, 0.8, 3.0, 5.0), T0);          // 0.32 + 0.35 + 0.25 = 0.92
    allTime(ds, "blended", "bt", metrics(50, 0.8, 3.0, 5.0), T0);      // 0.92 blended with a poor live track
    liveWindow(ds, "blended", 5, 0.0, 0.0, 0.0);                       // live 0: 0.7 · 0.92 = 0.644
    liveWindow(ds, "live-only", 5, 1.0, 0.3, null);                    // 0.4 + 0.035 = 0.435
    liveWindow(ds, "idle", 0, null, null, null);                       // no score: last
    liveWindow(ds, "lucky", 1, 1.0, 3.0, 5.0);                         // 1 perfect trade, no backtest: no score

    List<StrategyScore> ranking = queries.ranking(100);

    assertThat(ranking).extracting(StrategyScore::strategyId)
        .containsExactly("top", "blended", "a-mid", "b-mid", "live-only", "idle", "lucky");
    assertThat(ranking.get(1).blendedScore()).isCloseTo(0.644, within(1e-12));
    assertThat(ranking.get(5).blendedScore()).isNull();
    assertThat(queries.ranking(2)).extracting(StrategyScore::strategyId).containsExactly("top", "blended");
    assertThatThrownBy(() -> queries.ranking(0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theRankingScoresEachStrategyOnItsLatestRun() throws Exception {
    allTime(ds, "s", "good-but-old", metrics(10, 1.0, 3.0, 5.0), T0);
    allTime(ds, "s", "poor-and-new", metrics(10, 0.0, 0.0, 0.0), T0.plusSeconds(1));
    allTime(ds, "s", "", metrics(10, 1.0, 3.0, 5.0), T0.plusSeconds(2));

    StrategyScore s = queries.ranking(10).get(0);
    assertThat(s.backtestRun()).isEqualTo("poor-and-new");
    assertThat(s.blendedScore()).isEqualTo(0.0);
  }

  @Test
  void theComparisonDiffsTheAllTimeRowsAndFlagsDrift() throws Exception {
    PerformanceMetrics backtest = metrics(100, 0.6, 2.0, 1.5);
    // win rate −25 points (drift), profit factor ×0.6 (inside min-ratio 0.5), NUMERIC with four decimals
    PerformanceMetrics live = metrics(20, 0.35, 1.2345, 1.5);
    allTime(ds, "s", "bt-1", backtest, T0);
    allTime(ds, "s", "", live, T0);

    Comparison c = queries.compare("s", "bt-1");

    assertThat(c.live()).isEqualTo(live);
    assertThat(c.backtest()).isEqualTo(backtest);
    assertThat(c.drift().diff().get("win_rate").absolute()).isCloseTo(-0.25, within(1e-12));
    assertThat(c.drift().diff().get("profit_factor").relative()).isCloseTo((1.2345 - 2.0) / 2.0, within(1e-12));
    assertThat(c.drift().diff().get("total_trades").absolute()).isEqualTo(-80.0);
    assertThat(c.drift().diff().get("sharpe_ratio").absolute()).as("both null").isNull();
    assertThat(c.drift().drift()).containsExactly("win_rate");
  }

  @Test
  void aComparisonWithoutALiveTrackHasNoLiveMetricsAndNoDrift() throws Exception {
    allTime(ds, "s", "bt-1", metrics(100, 0.6, 2.0, 1.5), T0);

    Comparison c = queries.compare("s", "bt-1");

    assertThat(c.live()).isNull();
    assertThat(c.drift().diff().get("win_rate").absolute()).isNull();
    assertThat(c.drift().drift()).isEmpty();
  }
}
