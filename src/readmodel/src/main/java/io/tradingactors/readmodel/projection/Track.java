package io.tradingactors.readmodel.projection;

import io.tradingactors.actors.performance.StrategyIds;
import org.apache.pekko.persistence.typed.PersistenceId;

/**
 * Whose rows: a strategy's live track ({@code run} is "") or one of its backtest runs, as the tables key them.
 *
 * @param strategyId the strategy
 * @param run the backtest run, "" for the live track (a run id is never empty)
 */
public record Track(String strategyId, String run) {

  public static final String LIVE = "";

  /** The track of a journal persistence id ({@code strategy|id} or {@code strategy|id@run}). */
  public static Track ofPersistenceId(String persistenceId) {
    String entityId = PersistenceId.extractEntityId(persistenceId);
    String run = StrategyIds.runOf(entityId);
    return new Track(StrategyIds.strategyOf(entityId), run == null ? LIVE : run);
  }
}
