package io.tradingactors.readmodel.projection;

import io.tradingactors.domain.event.PerformanceEvent;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.persistence.jdbc.query.javadsl.JdbcReadJournal;
import org.apache.pekko.persistence.query.PersistenceQuery;

/**
 * A track's events read back from the journal (Persistence Query), for the projection to rebuild a fold it does not
 * hold: after a restart, an eviction from its cache, or a transaction that rolled back. It blocks, which is what the
 * projection's JDBC dispatcher is for.
 */
final class JournalHistory {

  private final ActorSystem<?> system;
  private final JdbcReadJournal journal;
  private final Duration timeout;

  JournalHistory(ActorSystem<?> system, Duration timeout) {
    this.system = system;
    this.journal = PersistenceQuery.get(system).getReadJournalFor(JdbcReadJournal.class, JdbcReadJournal.Identifier());
    this.timeout = timeout;
  }

  /** Feeds {@code each} the events of {@code persistenceId} from its first to {@code toSequenceNr}, in order. */
  void replay(String persistenceId, long toSequenceNr, Consumer<PerformanceEvent> each) {
    replay(persistenceId, toSequenceNr, (seq, event) -> each.accept(event));
  }

  /** As {@link #replay(String, long, Consumer)}, with each event's sequence number. */
  void replay(String persistenceId, long toSequenceNr, BiConsumer<Long, PerformanceEvent> each) {
    if (toSequenceNr < 1) {
      return;
    }
    try {
      Done ignored =
          journal
              .currentEventsByPersistenceId(persistenceId, 1L, toSequenceNr)
              .runForeach(env -> each.accept(env.sequenceNr(), (PerformanceEvent) env.event()), system)
              .toCompletableFuture()
              .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while reading " + persistenceId, e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("cannot read the journal of " + persistenceId + ": " + e, e);
    }
  }
}
