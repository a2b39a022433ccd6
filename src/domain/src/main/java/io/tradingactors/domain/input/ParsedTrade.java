package io.tradingactors.domain.input;

import io.tradingactors.domain.event.TradeClosed;

/**
 * One valid trade read from a file, with where it came from so later checks (e.g. a strategy id the import rejects)
 * can still point at the line.
 *
 * @param strategyId the row's {@code strategy_id}; {@code null} when the file has no such column or the cell is empty
 *     (the caller then supplies the strategy, e.g. {@code import --strategy})
 * @param trade the trade, already accepted by {@code EventValidator}
 * @param line physical 1-based line number of the row in the file
 */
public record ParsedTrade(String strategyId, TradeClosed trade, long line) {}
