package io.tradingactors.actors.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.tradingactors.actors.TradingActorsNode;
import io.tradingactors.domain.risk.DailyLossLimit;
import io.tradingactors.domain.risk.Ladder;
import io.tradingactors.domain.risk.RiskPolicy;
import io.tradingactors.domain.risk.RiskPolicyException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * hocon/risk-policy.conf as RiskPolicies reads it: the shipped file is {@link RiskPolicy#DEFAULTS}, overrides merge
 * per strategy, and every kind of mistake is refused naming its full key, all of them at once.
 */
class RiskPolicyConfigTest {

  private static final Config BUNDLED = ConfigFactory.parseResources("trading-actors.conf");
  private static final String DEFAULT = "trading-actors.risk.default.";

  /** The bundled configuration with {@code hocon} over it, as an operator's file would be. */
  private static RiskPolicies load(String hocon) {
    return RiskPolicies.load(ConfigFactory.parseString(hocon).withFallback(BUNDLED).resolve());
  }

  private static List<String> problems(String hocon) {
    try {
      load(hocon);
    } catch (RiskPolicyException e) {
      return e.problems();
    }
    throw new AssertionError("expected a RiskPolicyException for: " + hocon);
  }

  // ---- the shipped file ----

  @Test
  void theBundledFileIsTheDefaults() {
    RiskPolicies policies = RiskPolicies.load(BUNDLED.resolve());

    assertThat(policies.forStrategy("x")).isEqualTo(RiskPolicy.DEFAULTS);
    assertThat(policies).isEqualTo(RiskPolicies.DEFAULTS);
  }

  @Test
  void everyBundledConfigurationIncludesThePolicy() {
    String key = "trading-actors.risk.default.recovery.cooldown";
    assertThat(TradingActorsNode.loadConfig(null, null).hasPath(key)).isTrue();
    assertThat(ConfigFactory.parseResources("postgres.conf").hasPath(key)).isTrue();

    // From the files themselves (what `--config hocon/postgres.conf` parses): each include is found beside the
    // including file. loadConfig would hide a failed include, since it falls back to the bundled trading-actors.conf.
    Path postgres = hoconDir().resolve("postgres.conf");
    Config fromFile = ConfigFactory.parseFile(postgres.toFile());
    assertThat(fromFile.hasPath(key)).isTrue();
    assertThat(fromFile.getValue(key).origin().filename())
        .isEqualTo(hoconDir().resolve("risk-policy.conf").toString());
    assertThat(RiskPolicies.load(TradingActorsNode.loadConfig(postgres, null))).isEqualTo(RiskPolicies.DEFAULTS);
  }

  @Test
  void noRiskSectionMeansTheDefaults() {
    assertThat(RiskPolicies.load(ConfigFactory.empty())).isEqualTo(RiskPolicies.DEFAULTS);
  }

  // ---- overrides ----

  @Test
  void aStrategysBlockMergesOverTheDefaultKeyByKey() {
    RiskPolicies policies =
        load(
            """
            trading-actors.risk.strategies {
              "btc.momentum" {
                drawdown.ladder = [ {at = 0.05, exposure = 0.5} ]
                recovery.wins-per-step = 3
              }
            }
            """);

    RiskPolicy btc = policies.forStrategy("btc.momentum");
    RiskPolicy d = RiskPolicy.DEFAULTS;
    // The ladder replaces the default's whole (no 0.20 rung left); a key beside it (hysteresis) stays the default.
    assertThat(btc.drawdown()).isEqualTo(Ladder.of(0.05, 0.5));
    assertThat(btc.winsPerStep()).isEqualTo(3);
    assertThat(btc)
        .isEqualTo(new RiskPolicy(d.consecutiveLosses(), Ladder.of(0.05, 0.5), d.drawdownHysteresis(), d.dailyLoss(),
            d.cooldown(), 3));
    assertThat(policies.forStrategy("btc")).isEqualTo(d);
    assertThat(policies.forStrategy("eth.momentum")).isEqualTo(d);
    assertThat(policies.strategies()).containsOnlyKeys("btc.momentum");
  }

  @Test
  void theDefaultBlockCanBeChangedForEveryStrategy() {
    RiskPolicies policies =
        load(
            """
            trading-actors.risk.default {
              daily-loss { enabled = false }
              recovery.cooldown = 2 hours
            }
            trading-actors.risk.strategies { "s1" { daily-loss.enabled = true } }
            """);

    assertThat(policies.forStrategy("x").dailyLoss()).isEqualTo(new DailyLossLimit(false, 0.05, 0.0));
    assertThat(policies.forStrategy("x").cooldown()).isEqualTo(Duration.ofHours(2));
    // A strategy's block is merged over the default as configured, not over the shipped one.
    assertThat(policies.forStrategy("s1").cooldown()).isEqualTo(Duration.ofHours(2));
    assertThat(policies.forStrategy("s1").dailyLoss()).isEqualTo(new DailyLossLimit(true, 0.05, 0.0));
  }

  // ---- unknown keys, at every level ----

  @Test
  void anUnknownKeyUnderTheRiskSectionIsRefused() {
    assertThat(problems("trading-actors.risk.defaults {}"))
        .containsExactly("trading-actors.risk.defaults: unknown key (known: default, strategies)");
  }

  @Test
  void anUnknownKeyInAPolicyBlockIsRefused() {
    assertThat(problems("trading-actors.risk.default.max-drawdown = 0.3"))
        .containsExactly(
            DEFAULT + "max-drawdown: unknown key (known: consecutive-losses, drawdown, daily-loss, recovery)");
  }

  @Test
  void anUnknownKeyInASectionIsRefused() {
    assertThat(problems("trading-actors.risk.default.drawdown.hysteresys = 0.03"))
        .containsExactly(DEFAULT + "drawdown.hysteresys: unknown key (known: ladder, hysteresis)");
    assertThat(problems("trading-actors.risk.default.recovery.cooldown-minutes = 30"))
        .containsExactly(DEFAULT + "recovery.cooldown-minutes: unknown key (known: cooldown, wins-per-step)");
  }

  @Test
  void anUnknownKeyInARungIsRefused() {
    assertThat(problems("trading-actors.risk.default.drawdown.ladder = [ {at = 0.1, exposure = 0.5, exposur = 0} ]"))
        .containsExactly(DEFAULT + "drawdown.ladder[0].exposur: unknown key (known: at, exposure)");
  }

  @Test
  void anUnknownKeyInAStrategysBlockIsRefusedUnderItsId() {
    assertThat(problems("trading-actors.risk.strategies { \"btc.momentum\" { daily-loss.limits = 0.1 } }"))
        .containsExactly(
            "trading-actors.risk.strategies.\"btc.momentum\".daily-loss.limits: unknown key (known: enabled, limit,"
                + " exposure)");
  }

  @Test
  void anUnquotedDottedIdNestsUnderAnotherIdAndIsRefused() {
    // HOCON reads `btc.momentum { ... }` as strategy "btc" with a key "momentum": refused, not silently ignored.
    assertThat(problems("trading-actors.risk.strategies { btc.momentum { drawdown.hysteresis = 0.05 } }"))
        .containsExactly(
            "trading-actors.risk.strategies.\"btc\".momentum: unknown key (known: consecutive-losses, drawdown,"
                + " daily-loss, recovery)");
  }

  // ---- values, checked by RiskPolicy and named by their full key ----

  @Test
  void thresholdsMustRise() {
    assertThat(problems("trading-actors.risk.default.drawdown.ladder = [ {at = 0.2, exposure = 0.5}, {at = 0.1,"
            + " exposure = 0} ]"))
        .containsExactly(DEFAULT + "drawdown.ladder[1].at: 0.1 is not above the previous rung's 0.2 (thresholds must"
            + " rise from rung to rung)");
  }

  @Test
  void exposuresMustFall() {
    assertThat(problems("trading-actors.risk.default.consecutive-losses.ladder = [ {at = 3, exposure = 0.25},"
            + " {at = 5, exposure = 0.5} ]"))
        .containsExactly(DEFAULT + "consecutive-losses.ladder[1].exposure: 0.5 is not below the previous rung's 0.25"
            + " (a ladder must cut deeper as it goes)");
  }

  @Test
  void anExposureMustBeAFractionOfFullSize() {
    assertThat(problems("trading-actors.risk.default.drawdown.ladder = [ {at = 0.1, exposure = 1.5} ]"))
        .containsExactly(DEFAULT + "drawdown.ladder[0].exposure: 1.5 is outside [0, 1]");
    assertThat(problems("trading-actors.risk.default.drawdown.ladder = [ {at = 0.1, exposure = -0.1} ]"))
        .containsExactly(DEFAULT + "drawdown.ladder[0].exposure: -0.1 is outside [0, 1]");
  }

  @Test
  void aLossesThresholdMustBeAWholeNumberOfTrades() {
    assertThat(problems("trading-actors.risk.default.consecutive-losses.ladder = [ {at = 2.5, exposure = 0.5} ]"))
        .containsExactly(
            DEFAULT + "consecutive-losses.ladder[0].at: 2.5 is not a whole number of trades of at least 1");
  }

  @Test
  void aDrawdownThresholdMustBeAFractionAboveZero() {
    assertThat(problems("trading-actors.risk.default.drawdown.ladder = [ {at = 0, exposure = 0.5} ]"))
        .containsExactly(DEFAULT + "drawdown.ladder[0].at: 0.0 is outside (0, 1]");
    assertThat(problems("trading-actors.risk.default.drawdown.ladder = [ {at = 1.2, exposure = 0.5} ]"))
        .containsExactly(DEFAULT + "drawdown.ladder[0].at: 1.2 is outside (0, 1]");
  }

  @Test
  void hysteresisMustBeBelowOne() {
    assertThat(problems("trading-actors.risk.default.drawdown.hysteresis = 1.0"))
        .containsExactly(DEFAULT + "drawdown.hysteresis: 1.0 is outside [0, 1)");
  }

  @Test
  void theDailyLimitMustBeAboveZero() {
    assertThat(problems("trading-actors.risk.default.daily-loss.limit = 0"))
        .containsExactly(DEFAULT + "daily-loss.limit: 0.0 is outside (0, 1]");
  }

  @Test
  void winsPerStepMustBeAtLeastOne() {
    assertThat(problems("trading-actors.risk.default.recovery.wins-per-step = 0"))
        .containsExactly(DEFAULT + "recovery.wins-per-step: 0 must be at least 1");
  }

  @Test
  void theCooldownMustNotBeNegative() {
    assertThat(problems("trading-actors.risk.default.recovery.cooldown = -5 minutes"))
        .containsExactly(DEFAULT + "recovery.cooldown: PT-5M must be zero or more");
  }

  @Test
  void aStrategysBadValueIsNamedUnderItsQuotedId() {
    assertThat(problems("trading-actors.risk.strategies { \"btc.momentum\" { drawdown.ladder = [ {at = 0.05,"
            + " exposure = 1.5} ] } }"))
        .containsExactly("trading-actors.risk.strategies.\"btc.momentum\".drawdown.ladder[0].exposure: 1.5 is outside"
            + " [0, 1]");
  }

  // ---- types ----

  @Test
  void aStringWhereANumberIsNeededIsRefused() {
    assertThat(problems("trading-actors.risk.default.daily-loss.limit = \"five percent\""))
        .containsExactly(DEFAULT + "daily-loss.limit: expected a number, got \"five percent\"");
  }

  @Test
  void aRungWithoutAThresholdIsRefused() {
    assertThat(problems("trading-actors.risk.default.drawdown.ladder = [ {at = 0.1, exposure = 0.5}, {exposure = 0} ]"))
        .containsExactly(DEFAULT + "drawdown.ladder[1].at: is missing");
  }

  @Test
  void aRungThatIsNotAnObjectIsRefused() {
    assertThat(problems("trading-actors.risk.default.drawdown.ladder = [ 0.1 ]"))
        .containsExactly(DEFAULT + "drawdown.ladder[0]: expected a rung {at, exposure}, got 0.1");
  }

  @Test
  void aLadderThatIsNotAListIsRefused() {
    assertThat(problems("trading-actors.risk.default.consecutive-losses.ladder { at = 3, exposure = 0.5 }"))
        .containsExactly(DEFAULT + "consecutive-losses.ladder: expected a list of rungs {at, exposure}, got"
            + " {\"at\":3,\"exposure\":0.5}");
  }

  @Test
  void aCooldownMustBeADurationWithAUnit() {
    // HOCON would read a bare 30 as 30 milliseconds.
    assertThat(problems("trading-actors.risk.default.recovery.cooldown = 30"))
        .containsExactly(DEFAULT + "recovery.cooldown: expected a duration with a unit (e.g. 30 minutes), got 30");
    assertThat(problems("trading-actors.risk.default.recovery.cooldown = soon"))
        .containsExactly(DEFAULT + "recovery.cooldown: expected a duration with a unit (e.g. 30 minutes), got"
            + " \"soon\"");
  }

  @Test
  void winsPerStepMustBeWhole() {
    // HOCON's getInt would truncate 2.5 to 2.
    assertThat(problems("trading-actors.risk.default.recovery.wins-per-step = 2.5"))
        .containsExactly(DEFAULT + "recovery.wins-per-step: expected a whole number, got 2.5");
  }

  @Test
  void aSectionThatIsNotAnObjectIsRefused() {
    assertThat(problems("trading-actors.risk.default.daily-loss = 0.05"))
        .containsExactly(DEFAULT + "daily-loss: expected an object {enabled, limit, exposure}, got 0.05");
  }

  @Test
  void aBooleanMustBeABoolean() {
    assertThat(problems("trading-actors.risk.default.daily-loss.enabled = 1"))
        .containsExactly(DEFAULT + "daily-loss.enabled: expected true or false, got 1");
  }

  // ---- strategy ids ----

  @Test
  void aBlockUnderSomethingThatIsNotAStrategyIdIsRefused() {
    assertThat(problems("trading-actors.risk.strategies { \"btc momentum\" { recovery.wins-per-step = 3 } }"))
        .containsExactly(
            "trading-actors.risk.strategies.\"btc momentum\": not a strategy id (1–64 characters of [A-Za-z0-9._-])");
    assertThat(problems("trading-actors.risk.strategies { \"" + "s".repeat(65) + "\" {} }")).hasSize(1);
  }

  @Test
  void aStrategysBlockMustBeAnObject() {
    assertThat(problems("trading-actors.risk.strategies { s1 = 0.5 }"))
        .containsExactly("trading-actors.risk.strategies.\"s1\": expected an object (a policy block merged over"
            + " default), got 0.5");
  }

  // ---- all at once ----

  @Test
  void everyProblemOfEveryBlockIsReportedAtOnce() {
    List<String> problems =
        problems(
            """
            trading-actors.risk {
              default {
                drawdown { hysteresis = 1.0, hysteresys = 0.03 }
                daily-loss.limit = 0
                recovery.cooldown = 30
              }
              strategies {
                "btc.momentum" { consecutive-losses.ladder = [ {at = 2.5, exposure = 0.5} ] }
                "eth" { recovery.wins-per-step = 0 }
              }
            }
            """);

    // Each strategy inherits the default's bad values; they are reported once, under default.
    assertThat(problems)
        .containsExactly(
            DEFAULT + "drawdown.hysteresys: unknown key (known: ladder, hysteresis)",
            DEFAULT + "recovery.cooldown: expected a duration with a unit (e.g. 30 minutes), got 30",
            DEFAULT + "drawdown.hysteresis: 1.0 is outside [0, 1)",
            DEFAULT + "daily-loss.limit: 0.0 is outside (0, 1]",
            "trading-actors.risk.strategies.\"btc.momentum\".consecutive-losses.ladder[0].at: 2.5 is not a whole"
                + " number of trades of at least 1",
            "trading-actors.risk.strategies.\"eth\".recovery.wins-per-step: 0 must be at least 1");
  }

  @Test
  void theExceptionsMessageNamesEveryProblem() {
    assertThatThrownBy(() -> load("trading-actors.risk.default { drawdown.hysteresis = 1.0, daily-loss.limit = 0 }"))
        .isInstanceOf(RiskPolicyException.class)
        .hasMessage("invalid risk policy: " + DEFAULT + "drawdown.hysteresis: 1.0 is outside [0, 1); " + DEFAULT
            + "daily-loss.limit: 0.0 is outside (0, 1]");
  }

  // ---- start-up ----

  @Test
  void aNodeRefusesToStartOnABadPolicyBeforeTouchingTheJournal(@TempDir Path dataDir) throws IOException {
    Config bad =
        ConfigFactory.parseString("trading-actors.risk.default.drawdown.hysteresys = 0.03")
            .withFallback(TradingActorsNode.loadConfig(null, dataDir));

    assertThatThrownBy(() -> TradingActorsNode.start(bad))
        .isInstanceOf(RiskPolicyException.class)
        .hasMessageContaining(DEFAULT + "drawdown.hysteresys: unknown key");
    try (Stream<Path> files = Files.list(dataDir)) {
      assertThat(files).as("no journal created").isEmpty();
    }
  }

  /** The repository's hocon/, found upwards from the working directory (the module's, under Maven). */
  private static Path hoconDir() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path hocon = dir.resolve("hocon");
      if (Files.isRegularFile(hocon.resolve("risk-policy.conf"))) {
        return hocon;
      }
    }
    throw new AssertionError("no hocon/risk-policy.conf above " + Path.of("").toAbsolutePath());
  }
}
