package io.tradingactors.readmodel.projection;

import com.typesafe.config.Config;
import io.tradingactors.actors.EventTags;
import io.tradingactors.domain.event.PerformanceEvent;
import io.tradingactors.domain.risk.RiskEvent;
import io.tradingactors.metrics.MetricSettings;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.LongConsumer;
import javax.sql.DataSource;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.cluster.sharding.typed.ShardedDaemonProcessSettings;
import org.apache.pekko.cluster.sharding.typed.javadsl.ShardedDaemonProcess;
import org.apache.pekko.persistence.jdbc.query.javadsl.JdbcReadJournal;
import org.apache.pekko.persistence.query.Offset;
import org.apache.pekko.projection.Projection;
import org.apache.pekko.projection.ProjectionBehavior;
import org.apache.pekko.projection.ProjectionId;
import org.apache.pekko.projection.eventsourced.EventEnvelope;
import org.apache.pekko.projection.eventsourced.javadsl.EventSourcedProvider;
import org.apache.pekko.projection.javadsl.SourceProvider;
import org.apache.pekko.projection.jdbc.javadsl.JdbcProjection;

/**
 * The read model's projections: one per entity type and slice group ({@link EventTags}), each reading the journal
 * by its tag and writing rows and offset in one transaction (exactly once). They run as sharded daemon processes, so
 * a cluster spreads the {@link EventTags#GROUPS} instances of each over its nodes and restarts one whose node left.
 */
public final class ReadModelProjections {

  public static final String PERFORMANCE = "read-model-performance";
  public static final String RISK = "read-model-risk";

  private ReadModelProjections() {}

  /** What the projections need from the node's configuration. */
  public record Settings(
      MetricSettings metrics,
      String dialect,
      long historyIntervalMs,
      int cachedTracks,
      int groupSize,
      Duration groupWithin) {

    public static Settings from(Config config, MetricSettings metrics) {
      Config rm = config.getConfig("trading-actors.read-model");
      return new Settings(
          metrics,
          config.getString("trading-actors.journal.dialect"),
          rm.getDuration("account-history-interval").toMillis(),
          rm.getInt("cached-strategies"),
          rm.getInt("group-size"),
          rm.getDuration("group-within"));
    }
  }

  /** Starts both projections on this node (each instance runs on one node of the cluster). */
  public static void init(
      ActorSystem<?> system, DataSource dataSource, Settings settings, Clock clock, LongConsumer lagObserver) {
    RowWriter writer = new RowWriter(settings.dialect());
    JournalHistory history = new JournalHistory(system, Duration.ofMinutes(5));
    List<String> performanceTags = EventTags.allOf(EventTags.PERFORMANCE);
    List<String> riskTags = EventTags.allOf(EventTags.RISK);
    ShardedDaemonProcess.get(system)
        .init(
            ProjectionBehavior.Command.class,
            PERFORMANCE,
            performanceTags.size(),
            i -> ProjectionBehavior.create(
                performance(system, dataSource, settings, performanceTags.get(i), writer, history, clock, lagObserver)),
            ShardedDaemonProcessSettings.create(system),
            Optional.of(ProjectionBehavior.stopMessage()));
    ShardedDaemonProcess.get(system)
        .init(
            ProjectionBehavior.Command.class,
            RISK,
            riskTags.size(),
            i -> ProjectionBehavior.create(risk(system, dataSource, settings, riskTags.get(i), writer, clock)),
            ShardedDaemonProcessSettings.create(system),
            Optional.of(ProjectionBehavior.stopMessage()));
  }

  static Projection<EventEnvelope<PerformanceEvent>> performance(
      ActorSystem<?> system,
      DataSource dataSource,
      Settings settings,
      String tag,
      RowWriter writer,
      JournalHistory history,
      Clock clock,
      LongConsumer lagObserver) {
    SourceProvider<Offset, EventEnvelope<PerformanceEvent>> source =
        EventSourcedProvider.eventsByTag(system, JdbcReadJournal.Identifier(), tag);
    return JdbcProjection.groupedWithin(
            ProjectionId.of(PERFORMANCE, tag),
            source,
            () -> new ReadModelSession(dataSource),
            () -> new PerformanceHandler(
                settings.metrics(),
                settings.historyIntervalMs(),
                settings.cachedTracks(),
                history,
                writer,
                clock,
                lagObserver),
            system)
        .withGroup(settings.groupSize(), settings.groupWithin())
        .withRestartBackoff(Duration.ofMillis(200), Duration.ofSeconds(10), 0.2);
  }

  static Projection<EventEnvelope<RiskEvent>> risk(
      ActorSystem<?> system, DataSource dataSource, Settings settings, String tag, RowWriter writer, Clock clock) {
    SourceProvider<Offset, EventEnvelope<RiskEvent>> source =
        EventSourcedProvider.eventsByTag(system, JdbcReadJournal.Identifier(), tag);
    return JdbcProjection.groupedWithin(
            ProjectionId.of(RISK, tag),
            source,
            () -> new ReadModelSession(dataSource),
            () -> new RiskHandler(writer, clock),
            system)
        .withGroup(settings.groupSize(), settings.groupWithin())
        .withRestartBackoff(Duration.ofMillis(200), Duration.ofSeconds(10), 0.2);
  }
}
