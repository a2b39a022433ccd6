package io.tradingactors.domain.event;

import java.time.Instant;

/**
 * A fact about one strategy, as the live engine or a backtest reports it. Events are the journal's contract: they live
 * forever, so a field is only ever added (optional), never renamed or re-typed.
 */
public sealed interface PerformanceEvent permits TradeClosed, BalanceUpdated {

  /** When the fact happened: a trade's exit time, a balance's observation time. Orders a backtest's events. */
  Instant time();
}
