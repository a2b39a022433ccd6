package io.tradingactors.readmodel.projection;

import io.tradingactors.domain.event.PerformanceEvent;
import io.tradingactors.metrics.MetricSettings;
import java.time.Clock;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongConsumer;
import org.apache.pekko.projection.eventsourced.EventEnvelope;
import org.apache.pekko.projection.jdbc.javadsl.JdbcHandler;

/**
 * Folds a group of performance events into each track's {@link TrackFold} and writes the rows they changed, in the
 * projection's transaction (which also stores the offset).
 *
 * <p>Folds are cached (least recently used first out). A fold is trusted only when it stands exactly one event before
 * the envelope: otherwise — first sight of a track, an evicted fold, or a fold that ran ahead in a transaction that
 * then rolled back — it is rebuilt from the journal up to the event before. That is what makes a retry after a crash
 * produce the same rows, never double-count.
 */
final class PerformanceHandler extends JdbcHandler<List<EventEnvelope<PerformanceEvent>>, ReadModelSession> {

  private final MetricSettings settings;
  private final long historyIntervalMs;
  private final JournalHistory journal;
  private final RowWriter writer;
  private final Clock clock;
  private final Map<String, TrackFold> folds;
  private final LongConsumer lagObserver;

  PerformanceHandler(
      MetricSettings settings,
      long historyIntervalMs,
      int cachedTracks,
      JournalHistory journal,
      RowWriter writer,
      Clock clock,
      LongConsumer lagObserver) {
    this.settings = settings;
    this.historyIntervalMs = historyIntervalMs;
    this.journal = journal;
    this.writer = writer;
    this.clock = clock;
    this.lagObserver = lagObserver;
    this.folds =
        new LinkedHashMap<>(16, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, TrackFold> eldest) {
            return size() > cachedTracks;
          }
        };
  }

  @Override
  public void process(ReadModelSession session, List<EventEnvelope<PerformanceEvent>> envelopes) throws Exception {
    Rows rows = new Rows();
    Set<TrackFold> changed = Collections.newSetFromMap(new IdentityHashMap<>());
    for (EventEnvelope<PerformanceEvent> env : envelopes) {
      String pid = env.persistenceId();
      TrackFold fold = folds.get(pid);
      if (fold == null || fold.sequenceNr() != env.sequenceNr() - 1) {
        fold = rebuild(pid, env.sequenceNr() - 1);
        folds.put(pid, fold);
      }
      fold.apply(env.sequenceNr(), env.event(), rows, (to, each) -> journal.replay(pid, to, each));
      changed.add(fold);
    }
    for (TrackFold fold : changed) {
      fold.flush(rows);
    }
    session.withConnection(c -> {
      writer.write(c, rows, clock.instant());
      return null;
    });
    long now = clock.millis();
    for (EventEnvelope<PerformanceEvent> env : envelopes) {
      lagObserver.accept(now - env.timestamp());
    }
  }

  private TrackFold rebuild(String pid, long toSequenceNr) {
    TrackFold fold = new TrackFold(Track.ofPersistenceId(pid), settings, historyIntervalMs);
    journal.replay(pid, toSequenceNr, (seq, e) -> fold.replay(seq, e));
    return fold;
  }
}
