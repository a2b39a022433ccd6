package io.tradingactors.actors.replay;

import io.tradingactors.actors.performance.StrategyPerformanceActor;
import io.tradingactors.domain.event.PerformanceEvent;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.persistence.jdbc.query.javadsl.JdbcReadJournal;
import org.apache.pekko.persistence.query.PersistenceQuery;
import org.apache.pekko.persistence.typed.PersistenceId;
import org.apache.pekko.stream.javadsl.Sink;

/**
 * Reads strategies' events back from the journal alone (Pekko Persistence Query), without their actors or their
 * snapshots: what {@code replay} folds to rebuild metrics, and what proves the journal holds the whole truth.
 */
public final class JournalReplay {

  private static final String PREFIX = StrategyPerformanceActor.ENTITY_TYPE_KEY.name() + PersistenceId.DefaultSeparator();

  private final ActorSystem<?> system;
  private final JdbcReadJournal journal;

  public JournalReplay(ActorSystem<?> system) {
    this.system = system;
    this.journal =
        PersistenceQuery.get(system).getReadJournalFor(JdbcReadJournal.class, JdbcReadJournal.Identifier());
  }

  /** The entity ids of every strategy (and backtest run, {@code id@run}) in the journal, sorted. */
  public CompletionStage<List<String>> strategyIds() {
    return journal
        .currentPersistenceIds()
        .filter(pid -> pid.startsWith(PREFIX))
        .map(pid -> pid.substring(PREFIX.length()))
        .runWith(Sink.seq(), system)
        .thenApply(ids -> ids.stream().sorted().toList());
  }

  /** The highest sequence number journaled for a strategy: its event count (0 when it has none). */
  public CompletionStage<Long> eventCount(String entityId) {
    return journal
        .currentLastSequenceNumberByPersistenceId(persistenceId(entityId))
        .thenApply(last -> last.orElse(0L));
  }

  /**
   * Feeds every event of a strategy, in sequence order, to {@code sink} (on a stream thread, one at a time); completes
   * with the number of events read.
   */
  public CompletionStage<Long> replay(String entityId, Consumer<PerformanceEvent> sink) {
    return journal
        .currentEventsByPersistenceId(persistenceId(entityId), 0L, Long.MAX_VALUE)
        .runFold(
            0L,
            (count, envelope) -> {
              sink.accept((PerformanceEvent) envelope.event());
              return count + 1;
            },
            system);
  }

  private static String persistenceId(String entityId) {
    return PREFIX + entityId;
  }
}
