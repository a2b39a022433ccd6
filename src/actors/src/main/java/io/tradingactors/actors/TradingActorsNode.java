package io.tradingactors.actors;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.tradingactors.actors.performance.StrategyPerformanceActor;
import io.tradingactors.actors.risk.RiskManagerActor;
import io.tradingactors.actors.risk.RiskManagerActor.RiskNotice;
import io.tradingactors.actors.risk.RiskPolicies;
import io.tradingactors.domain.MetricsSnapshot;
import io.tradingactors.metrics.MetricSettings;
import java.nio.file.Path;
import java.time.Clock;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Props;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.pubsub.Topic;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.cluster.typed.Join;

/**
 * A running node: the risk policies checked, the journal schema brought up to date, an actor system in a cluster (of
 * one unless seed nodes are configured) and the sharded entities registered. What {@code serve}, {@code import} and
 * the tests start.
 */
public final class TradingActorsNode implements AutoCloseable {

  /** The name of the topic every risk decision is published on, cluster-wide. */
  public static final String RISK_TOPIC = "risk-events";

  /** The name of the topic every live strategy's snapshot is published on after each persisted batch. */
  public static final String SNAPSHOT_TOPIC = "snapshots";

  private final ActorSystem<Void> system;
  private final RiskPolicies riskPolicies;
  private final ActorRef<Topic.Command<RiskNotice>> riskTopic;
  private final ActorRef<Topic.Command<MetricsSnapshot>> snapshotTopic;

  private TradingActorsNode(
      ActorSystem<Void> system,
      RiskPolicies riskPolicies,
      ActorRef<Topic.Command<RiskNotice>> riskTopic,
      ActorRef<Topic.Command<MetricsSnapshot>> snapshotTopic) {
    this.system = system;
    this.riskPolicies = riskPolicies;
    this.riskTopic = riskTopic;
    this.snapshotTopic = snapshotTopic;
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
    return start(config, Clock.systemUTC());
  }

  /**
   * Starts a node whose risk decisions are taken at {@code clock}'s time (tests move it by hand).
   *
   * @throws io.tradingactors.domain.risk.RiskPolicyException as {@link #start(Config)}
   */
  public static TradingActorsNode start(Config config, Clock clock) {
    // First: a node must not trade on a policy it cannot apply, and refusing costs nothing before anything runs.
    RiskPolicies riskPolicies = RiskPolicies.load(config);
    JournalSchema.migrate(config);
    ActorSystem<Void> system = ActorSystem.create(Behaviors.empty(), "trading-actors", config);
    Cluster cluster = Cluster.get(system);
    if (config.getStringList("pekko.cluster.seed-nodes").isEmpty()) {
      cluster.manager().tell(Join.create(cluster.selfMember().address()));
    }
    ClusterSharding sharding = ClusterSharding.get(system);
    ActorRef<Topic.Command<RiskNotice>> riskTopic =
        system.systemActorOf(Topic.create(RiskNotice.class, RISK_TOPIC), RISK_TOPIC, Props.empty());
    ActorRef<Topic.Command<MetricsSnapshot>> snapshotTopic =
        system.systemActorOf(Topic.create(MetricsSnapshot.class, SNAPSHOT_TOPIC), SNAPSHOT_TOPIC, Props.empty());
    StrategyPerformanceActor.initSharding(
        system,
        performanceSettings(config).withListener(snapshot -> {
          sharding.entityRefFor(RiskManagerActor.ENTITY_TYPE_KEY, snapshot.strategyId())
              .tell(new RiskManagerActor.Evaluate(snapshot));
          snapshotTopic.tell(Topic.publish(snapshot));
        }));
    RiskManagerActor.initSharding(
        system,
        new RiskManagerActor.Settings(
            riskPolicies,
            clock,
            (strategyId, replyTo) ->
                sharding.entityRefFor(StrategyPerformanceActor.ENTITY_TYPE_KEY, strategyId)
                    .tell(new StrategyPerformanceActor.GetSnapshot(replyTo)),
            riskTopic));
    // In the background: the node is usable at once, and a risk manager that is addressed meanwhile starts anyway.
    RiskManagerActor.wakeAll(system).whenComplete((done, failure) -> {
      if (failure != null) {
        system.log().warn("could not start the risk managers of the journal: {}", failure.toString());
      }
    });
    return new TradingActorsNode(system, riskPolicies, riskTopic, snapshotTopic);
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

  /** The metric conventions every strategy of this node folds with (trading-actors.metrics). */
  public MetricSettings metricSettings() {
    return performanceSettings(system.settings().config()).metrics();
  }

  public ActorSystem<Void> system() {
    return system;
  }

  /** The risk policy of every strategy, as checked at start. */
  public RiskPolicies riskPolicies() {
    return riskPolicies;
  }

  /** This node's end of the risk topic: {@code Topic.subscribe(ref)} to follow every strategy's decisions. */
  public ActorRef<Topic.Command<RiskNotice>> riskTopic() {
    return riskTopic;
  }

  /**
   * This node's end of the snapshot topic: every live strategy's {@link MetricsSnapshot} after each persisted batch
   * (backtest runs are not published).
   */
  public ActorRef<Topic.Command<MetricsSnapshot>> snapshotTopic() {
    return snapshotTopic;
  }

  @Override
  public void close() {
    system.terminate();
    system.getWhenTerminated().toCompletableFuture().join();
  }
}
