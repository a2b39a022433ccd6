package io.tradingactors.actors;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.tradingactors.actors.performance.StrategyPerformanceActor;
import io.tradingactors.metrics.MetricSettings;
import java.nio.file.Path;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.cluster.typed.Join;

/**
 * A running node: the journal schema brought up to date, an actor system in a cluster (of one unless seed nodes are
 * configured) and the sharded entities registered. What {@code serve}, {@code import} and the tests start.
 */
public final class TradingActorsNode implements AutoCloseable {

  private final ActorSystem<Void> system;

  private TradingActorsNode(ActorSystem<Void> system) {
    this.system = system;
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

  public static TradingActorsNode start(Config config) {
    JournalSchema.migrate(config);
    ActorSystem<Void> system = ActorSystem.create(Behaviors.empty(), "trading-actors", config);
    Cluster cluster = Cluster.get(system);
    if (config.getStringList("pekko.cluster.seed-nodes").isEmpty()) {
      cluster.manager().tell(Join.create(cluster.selfMember().address()));
    }
    StrategyPerformanceActor.initSharding(system, performanceSettings(config));
    return new TradingActorsNode(system);
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

  @Override
  public void close() {
    system.terminate();
    system.getWhenTerminated().toCompletableFuture().join();
  }
}
