package io.tradingactors.readmodel.projection;

import io.tradingactors.domain.risk.ExposureChanged;
import io.tradingactors.domain.risk.RiskEvent;
import java.time.Clock;
import java.util.List;
import org.apache.pekko.projection.eventsourced.EventEnvelope;
import org.apache.pekko.persistence.typed.PersistenceId;
import org.apache.pekko.projection.jdbc.javadsl.JdbcHandler;

/** Writes every exposure decision of the risk managers to risk_events, in the projection's transaction. */
final class RiskHandler extends JdbcHandler<List<EventEnvelope<RiskEvent>>, ReadModelSession> {

  private final RowWriter writer;
  private final Clock clock;

  RiskHandler(RowWriter writer, Clock clock) {
    this.writer = writer;
    this.clock = clock;
  }

  @Override
  public void process(ReadModelSession session, List<EventEnvelope<RiskEvent>> envelopes) throws Exception {
    Rows rows = new Rows();
    for (EventEnvelope<RiskEvent> env : envelopes) {
      // LimitChanged (a rule's limit moving without the exposure moving) stays in the journal and risk-events API.
      if (env.event() instanceof ExposureChanged e) {
        rows.insert(new Rows.RiskRow(PersistenceId.extractEntityId(env.persistenceId()), env.sequenceNr(), e));
      }
    }
    if (!rows.isEmpty()) {
      session.withConnection(c -> {
        writer.write(c, rows, clock.instant());
        return null;
      });
    }
  }
}
