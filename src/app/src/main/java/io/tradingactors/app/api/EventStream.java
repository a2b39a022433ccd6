package io.tradingactors.app.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.tradingactors.actors.risk.RiskManagerActor.RiskNotice;
import io.tradingactors.domain.MetricsSnapshot;
import io.tradingactors.domain.json.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.NotUsed;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.pubsub.Topic;
import org.apache.pekko.http.javadsl.model.sse.ServerSentEvent;
import org.apache.pekko.japi.Pair;
import org.apache.pekko.stream.KillSwitches;
import org.apache.pekko.stream.OverflowStrategy;
import org.apache.pekko.stream.SharedKillSwitch;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Source;
import org.apache.pekko.stream.typed.javadsl.ActorSource;

/**
 * {@code GET /v1/stream}: snapshots and risk decisions as server-sent events, live from the node's topics.
 *
 * <p>Decisions are persisted, so a client that reconnects with {@code Last-Event-ID: strategy:seq} loses none: the
 * stream first replays from the journal what was decided after that event, then goes on live. The live subscription
 * is taken before the replay is read and a decision already replayed is not sent twice, so nothing falls into the gap
 * between the two. Snapshots are state, not history: a reconnecting client gets the current one, not those it missed.
 *
 * <p>Each connection buffers {@value #BUFFER} items; a client slower than that has its connection closed rather than
 * the node's memory filled, and resumes where it left off by reconnecting.
 */
public final class EventStream {

  static final int BUFFER = 1024;
  static final Duration HEARTBEAT = Duration.ofSeconds(15);

  private static final ObjectWriter WRITER = Json.mapper().writer();

  private final ActorSystem<?> system;
  private final StrategyGateway gateway;
  private final ActorRef<Topic.Command<MetricsSnapshot>> snapshots;
  private final ActorRef<Topic.Command<RiskNotice>> decisions;
  /** Ends every open stream cleanly when the node stops, rather than leaving the server to abort the connections. */
  private final SharedKillSwitch open = KillSwitches.shared("event-streams");

  public EventStream(
      ActorSystem<?> system,
      StrategyGateway gateway,
      ActorRef<Topic.Command<MetricsSnapshot>> snapshots,
      ActorRef<Topic.Command<RiskNotice>> decisions) {
    this.system = system;
    this.gateway = gateway;
    this.snapshots = snapshots;
    this.decisions = decisions;
  }

  /** Where a reconnecting client left off: the id of the last decision it received. */
  public record Resume(String strategyId, long sequenceNr) {

    /** Parses {@code strategy:seq}; a 400 naming the header when it is anything else. */
    public static Resume parse(String lastEventId) {
      int colon = lastEventId.lastIndexOf(':');
      try {
        if (colon > 0) {
          long seq = Long.parseLong(lastEventId.substring(colon + 1));
          String strategy = lastEventId.substring(0, colon);
          if (seq >= 0 && io.tradingactors.actors.performance.StrategyIds.isValid(strategy)) {
            return new Resume(strategy, seq);
          }
        }
      } catch (NumberFormatException e) {
        // reported below
      }
      throw ApiProblem.invalidInput(
          "Last-Event-ID: must be '<strategy_id>:<sequence_nr>' as sent in an event's id, got '" + lastEventId + "'");
    }
  }

  private sealed interface Item permits Snapshot, Decision {}

  private record Snapshot(MetricsSnapshot snapshot) implements Item {}

  private record Decision(Views.RiskEventView view) implements Item {}

  /**
   * The events for one client: every strategy, or only {@code strategyId} when not null; resumed after
   * {@code resume} when not null.
   */
  public Source<ServerSentEvent, NotUsed> events(String strategyId, Resume resume) {
    if (strategyId != null && resume != null && !resume.strategyId().equals(strategyId)) {
      throw ApiProblem.invalidInput("Last-Event-ID: names strategy '" + resume.strategyId()
          + "' but the stream is filtered to '" + strategyId + "'");
    }
    // Subscribed first, read second: whatever is decided while the replay is read waits in the buffers.
    Pair<ActorRef<MetricsSnapshot>, Source<MetricsSnapshot, NotUsed>> liveSnapshots =
        ActorSource.<MetricsSnapshot>actorRef(m -> false, m -> Optional.empty(), BUFFER, OverflowStrategy.fail())
            .preMaterialize(system);
    Pair<ActorRef<RiskNotice>, Source<RiskNotice, NotUsed>> liveDecisions =
        ActorSource.<RiskNotice>actorRef(m -> false, m -> Optional.empty(), BUFFER, OverflowStrategy.fail())
            .preMaterialize(system);
    snapshots.tell(Topic.subscribe(liveSnapshots.first()));
    decisions.tell(Topic.subscribe(liveDecisions.first()));

    Source<Item, NotUsed> live =
        liveSnapshots.second().<Item>map(Snapshot::new)
            .merge(liveDecisions.second().map(n -> new Decision(
                Views.RiskEventView.of(n.strategyId(), n.sequenceNr(), n.event()))))
            .filter(item -> strategyId == null || strategyOf(item).equals(strategyId));

    return current(strategyId)
        .concat(replay(strategyId, resume))
        .concat(live)
        .statefulMapConcat(EventStream::oncePerPosition)
        .map(EventStream::toEvent)
        .keepAlive(HEARTBEAT, ServerSentEvent::heartbeat)
        .via(open.flow());
  }

  /** Completes every open stream; clients see the end of the response and reconnect (to another node) to resume. */
  public void closeAll() {
    open.shutdown();
  }

  /** The filtered strategy's current snapshot, so a client sees figures at once; nothing when unfiltered. */
  private Source<Item, NotUsed> current(String strategyId) {
    if (strategyId == null) {
      return Source.empty();
    }
    return Source.completionStage(gateway.snapshot(strategyId)
            .<Optional<Item>>thenApplyAsync(s -> Optional.of(new Snapshot(s)), system.executionContext())
            .exceptionallyAsync(notFound -> Optional.empty(), system.executionContext()))
        .mapConcat(o -> o.map(List::of).orElse(List.of()));
  }

  /**
   * The decisions after {@code resume}, from the journal, oldest first. Filtered: that strategy's decisions after its
   * sequence number. Unfiltered: every strategy's decisions taken after the resumed one's time (that strategy's
   * own from its sequence number), which reads every strategy's decisions: they are few (one per limit move).
   */
  private Source<Item, NotUsed> replay(String strategyId, Resume resume) {
    if (resume == null) {
      return Source.empty();
    }
    if (strategyId != null) {
      return gateway.riskEventsAfter(strategyId, resume.sequenceNr()).map(Decision::new);
    }
    CompletionStage<Instant> resumedAt = resume.sequenceNr() == 0
        ? CompletableFuture.completedFuture(Instant.MIN)
        : gateway.riskEventsAfter(resume.strategyId(), resume.sequenceNr() - 1).take(1)
            .runWith(Sink.headOption(), system)
            .thenApplyAsync(seen -> seen.map(Views.RiskEventView::at).orElse(Instant.MIN), system.executionContext());
    return Source.completionStage(resumedAt)
        .flatMapConcat(after -> gateway.strategiesWithRiskEvents()
            .flatMapConcat(id -> gateway.riskEventsAfter(id, id.equals(resume.strategyId()) ? resume.sequenceNr() : 0))
            // At least once: a decision at the very instant of the resumed one may be sent again, never lost.
            .filter(v -> v.strategyId().equals(resume.strategyId()) || !v.at().isBefore(after))
            .grouped(Integer.MAX_VALUE)
            .mapConcat(all -> all.stream()
                .sorted(Comparator.comparing(Views.RiskEventView::at)
                    .thenComparing(Views.RiskEventView::strategyId)
                    .thenComparingLong(Views.RiskEventView::sequenceNr))
                .toList()))
        .map(Decision::new);
  }

  /**
   * Passes each decision once (a decision replayed from the journal may arrive live as well) and each strategy's
   * snapshots in journal order (the current snapshot may be older than one already buffered live).
   */
  private static org.apache.pekko.japi.function.Function<Item, Iterable<Item>> oncePerPosition() {
    Map<String, Long> lastDecision = new HashMap<>();
    Map<String, Long> lastSnapshot = new HashMap<>();
    return item -> {
      Map<String, Long> seen = item instanceof Snapshot ? lastSnapshot : lastDecision;
      long position = item instanceof Snapshot s ? s.snapshot().sequenceNr() : ((Decision) item).view().sequenceNr();
      Long before = seen.get(strategyOf(item));
      if (before != null && position <= before) {
        return List.of();
      }
      seen.put(strategyOf(item), position);
      return List.of(item);
    };
  }

  private static String strategyOf(Item item) {
    return item instanceof Snapshot s ? s.snapshot().strategyId() : ((Decision) item).view().strategyId();
  }

  private static ServerSentEvent toEvent(Item item) throws JsonProcessingException {
    if (item instanceof Snapshot s) {
      return ServerSentEvent.create(WRITER.writeValueAsString(s.snapshot()), "snapshot");
    }
    Views.RiskEventView v = ((Decision) item).view();
    String type = "exposure_changed".equals(v.type()) ? "exposure" : "limit";
    return ServerSentEvent.create(WRITER.writeValueAsString(v), type, v.strategyId() + ":" + v.sequenceNr());
  }
}
