package io.tradingactors.domain.input;

import io.tradingactors.domain.event.BalanceUpdated;

/**
 * One valid balance observation read from a file, with its line so later checks can still point at it.
 *
 * @param balance the observation, already accepted by {@code EventValidator}
 * @param line physical 1-based line number of the row in the file
 */
public record ParsedBalance(BalanceUpdated balance, long line) {}
