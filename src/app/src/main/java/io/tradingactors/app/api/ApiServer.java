package io.tradingactors.app.api;

import io.tradingactors.actors.JournalHealth;
import io.tradingactors.actors.TradingActorsNode;
import io.tradingactors.actors.performance.StrategyIds;
import io.tradingactors.actors.performance.StrategyPerformanceActor;
import io.tradingactors.actors.risk.RiskManagerActor.RiskNotice;
import io.tradingactors.domain.MetricsSnapshot;
import io.tradingactors.domain.risk.ExposureChanged;
import io.tradingactors.readmodel.query.ReadModelQueries;
import java.net.InetSocketAddress;
import java.util.function.LongConsumer;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.apache.pekko.Done;
import org.apache.pekko.actor.CoordinatedShutdown;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.Props;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.pubsub.Topic;
import org.apache.pekko.cluster.sharding.typed.GetShardRegionState;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.ShardRegion.CurrentShardRegionState;
import org.apache.pekko.http.javadsl.Http;
import org.apache.pekko.http.javadsl.ServerBinding;

/**
 * The HTTP API bound on a running node: routes, journal health probe, metrics. Unbinding is part of the node's
 * coordinated shutdown: on Ctrl-C the port stops accepting, requests in flight (writes waiting for their persisted
 * acknowledgement) get {@link #DRAIN} to finish, then the actors and the journal stop.
 */
public final class ApiServer implements AutoCloseable {

  /**
   * How long requests in flight may take to finish when the node stops; within the coordinated-shutdown phase's
   * timeout (hocon/trading-actors.conf).
   */
  public static final Duration DRAIN = Duration.ofSeconds(8);

  private static final Duration ACTIVE_STRATEGIES_EVERY = Duration.ofSeconds(5);

  private final ServerBinding binding;
  private final JournalHealth health;
  private final EventStream stream;
  private final ApiMetrics metrics;

  private ApiServer(ServerBinding binding, JournalHealth health, EventStream stream, ApiMetrics metrics) {
    this.metrics = metrics;
    this.binding = binding;
    this.health = health;
    this.stream = stream;
  }

  /**
   * Binds the API on {@code node} without the read model: the score, ranking and compare routes answer 503 ("read
   * model not configured"). For tests and benchmarks of the other routes.
   *
   * @throws IllegalArgumentException when the address is not loopback and no token is set
   */
  public static ApiServer start(TradingActorsNode node, ApiSettings settings) {
    return bind(node, settings, ReadModelGateway.notConfigured());
  }

  /**
   * Binds the API on {@code node}, with the score, ranking and compare routes served by {@code readModel}.
   *
   * @throws IllegalArgumentException when the address is not loopback and no token is set
   */
  public static ApiServer start(TradingActorsNode node, ApiSettings settings, ReadModelQueries readModel) {
    return bind(node, settings, ReadModelGateway.of(node.system(), Objects.requireNonNull(readModel, "readModel")));
  }

  private static ApiServer bind(TradingActorsNode node, ApiSettings settings, ReadModelGateway readModel) {
    settings.checkExposure();
    ActorSystem<Void> system = node.system();
    JournalHealth health = JournalHealth.start(system, settings.healthInterval(), Duration.ofSeconds(2));
    ApiMetrics metrics = new ApiMetrics();
    StrategyGateway gateway = new StrategyGateway(system, health, metrics, settings.askTimeout());
    EventStream stream = new EventStream(system, gateway, node.snapshotTopic(), node.riskTopic());
    CoordinatedShutdown.get(system).addTask(
        CoordinatedShutdown.PhaseBeforeServiceUnbind(), "close-event-streams", () -> {
          stream.closeAll();
          return CompletableFuture.completedFuture(Done.done());
        });
    watchExposures(system, node.riskTopic(), gateway, metrics);
    watchStrategies(system, node.snapshotTopic(), gateway);
    watchActiveStrategies(system, metrics);
    ApiRoutes routes = new ApiRoutes(system, settings, gateway, readModel, stream, health, metrics);
    ServerBinding binding =
        Http.get(system)
            .newServerAt(settings.host(), settings.port())
            .bind(routes.routes())
            .toCompletableFuture()
            .join()
            .addToCoordinatedShutdown(DRAIN, system);
    system.log().info("HTTP API listening on http://{}:{}", settings.host(), binding.localAddress().getPort());
    return new ApiServer(binding, health, stream, metrics);
  }

  /** What the read model tells of each projected event's lag, for /metrics ({@code ReadModel.onLag}). */
  public LongConsumer readModelLag() {
    return metrics::projected;
  }

  public InetSocketAddress address() {
    return binding.localAddress();
  }

  /** The exposure gauge: every strategy's current exposure at start, then each decision as it is published. */
  private static void watchExposures(
      ActorSystem<?> system, ActorRef<Topic.Command<RiskNotice>> topic, StrategyGateway gateway, ApiMetrics metrics) {
    Behavior<RiskNotice> watcher = Behaviors.receiveMessage(notice -> {
      if (notice.event() instanceof ExposureChanged e) {
        metrics.exposure(notice.strategyId(), e.to());
      }
      return Behaviors.same();
    });
    ActorRef<RiskNotice> ref = system.systemActorOf(watcher, "api-exposure-metrics", Props.empty());
    topic.tell(Topic.subscribe(ref));
    gateway.strategiesWithRiskEvents()
        .mapAsyncUnordered(4, gateway::exposure)
        .runForeach(e -> metrics.exposure(e.strategyId(), e.exposure()), system);
  }

  /** Strategies written through other nodes of the cluster join the list as their snapshots are published. */
  private static void watchStrategies(
      ActorSystem<?> system, ActorRef<Topic.Command<MetricsSnapshot>> topic, StrategyGateway gateway) {
    Behavior<MetricsSnapshot> watcher = Behaviors.receiveMessage(snapshot -> {
      gateway.strategyActive(snapshot.strategyId());
      return Behaviors.same();
    });
    topic.tell(Topic.subscribe(system.systemActorOf(watcher, "api-strategy-directory", Props.empty())));
  }

  /** The active-strategies gauge, refreshed from this node's shard region every few seconds. */
  private static void watchActiveStrategies(ActorSystem<?> system, ApiMetrics metrics) {
    String tick = "count";
    Behavior<Object> counter = Behaviors.setup(ctx -> Behaviors.withTimers(timers -> {
      ActorRef<CurrentShardRegionState> answers = ctx.messageAdapter(CurrentShardRegionState.class, s -> s);
      timers.startTimerWithFixedDelay(tick, tick, ACTIVE_STRATEGIES_EVERY);
      return Behaviors.receive(Object.class)
          .onMessageEquals(tick, () -> {
            ClusterSharding.get(system).shardState().tell(
                new GetShardRegionState(StrategyPerformanceActor.ENTITY_TYPE_KEY, answers));
            return Behaviors.same();
          })
          .onMessage(CurrentShardRegionState.class, state -> {
            metrics.activeStrategies(state.getShards().stream()
                .flatMap(shard -> shard.getEntityIds().stream())
                .filter(id -> StrategyIds.runOf(id) == null)
                .count());
            return Behaviors.same();
          })
          .build();
    }));
    system.systemActorOf(counter, "api-active-strategies", Props.empty());
  }

  @Override
  public void close() {
    stream.closeAll();
    binding.unbind().toCompletableFuture().join();
    health.close();
  }
}
