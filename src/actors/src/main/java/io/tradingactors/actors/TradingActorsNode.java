package io.tradingactors.actors;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.tradingactors.actors.performance.StrategyPerformanceActor;
import io.tradingactors.actors.risk.RiskPolicies;
import io.tradingactors.metrics.MetricSettings;
import java.nio.file.Path;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.cluster.typed.Join;

/**
 * A running node: the risk policies checked, the journal schema brought up to date, an actor system in a cluster (of
 * one unless seed nodes are configured) and the sharded entities registered. What {@code serve}, {@code import} and
 * the tests start.
 */
public final class TradingActorsNode implements AutoCloseable {

  private final ActorSystem<Void> system;
  private final RiskPolicies riskPolicies;

  private TradingActorsNode(ActorSystem<Void> system, RiskPolicies riskPolicies) {
    this.system = system;
    this.riskPolicies = riskPolicies;
  }

  /**
   * The configuration a node runs with: {@code configFile} (a file of hocon/, e.g. postgres.conf) or the bundled
   * trading-actors.conf, with {@code dataDir} (when given) as the H2 data directory.
   */
  public static Config loadConfig(Path configFile, Path dataDir) {
    Config base =
        configFile == null
            ? ConfigFactory.parseResources("trading-actors.conf")
            : ConfigFactory.parseFile(configFile.toFile());
    Config overrides =
        dataDir == null
            ? ConfigFactory.empty()
            : ConfigFactory.parseMap(
                java.util.Map.of("trading-actors.data-dir", dataDir.toAbsolutePath().toString()));
    return ConfigFactory.load(overrides.withFallback(base).withFallback(ConfigFactory.parseResources(
        "trading-actors.conf")));
  }

  /**
   * Starts a node on {@code config}.
   *
   * @throws io.tradingactors.domain.risk.RiskPolicyException when the risk policy has a bad value, naming each key;
   *     thrown before anything starts (no database is touched)
   */
  public static TradingActorsNode start(Config config) {
    // First: a node must not trade on a policy it cannot apply, and refusing costs nothing before anything runs.
    RiskPolicies riskPolicies = RiskPolicies.load(config);
    JournalSchema.migrate(config);
    ActorSystem<Void> system = ActorSystem.create(Behaviors.empty(), "trading-actors", config);
    Cluster cluster = Cluster.get(system);
    if (config.getStringList("pekko.cluster.seed-nodes").isEmpty()) {
      cluster.manager().tell(Join.create(cluster.selfMember().address()));
    }
    StrategyPerformanceActor.initSharding(system, performanceSettings(config));
    return new TradingActorsNode(system, riskPolicies);
  }

  static StrategyPerformanceActor.Settings performanceSettings(Config config) {
    Config m = config.getConfig("trading-actors.metrics");
    return new StrategyPerformanceActor.Settings(
        new MetricSettings(
            m.getInt("periods-per-year"),
            m.getDouble("risk-free-rate"),
            m.getDouble("minimum-acceptable-return")),
        config.getInt("trading-actors.performance.snapshot-every"));
  }

  public ActorSystem<Void> system() {
    return system;
  }

  /** The risk policy of every strategy, as checked at start. */
  public RiskPolicies riskPolicies() {
    return riskPolicies;
  }

  @Override
  public void close() {
    system.terminate();
    system.getWhenTerminated().toCompletableFuture().join();
  }
}
