/**
 * Readers for the backtest input files of DESIGN §2: trades and balance observations, as CSV (with a header row) or
 * JSON Lines.
 *
 * <p>The readers are strict on purpose. A backtest file is the evidence a strategy is judged on: a typo in a column
 * name, a {@code NaN} or a local time without an offset silently accepted would change the metrics without anyone
 * noticing. Every rejection is an {@link io.tradingactors.domain.input.InputFileException} naming the file, the
 * physical line and the field, so the user can fix the file; the CLI prints it and exits with code 2.
 *
 * <p>The public entry points are {@link io.tradingactors.domain.input.TradeFileReader} and
 * {@link io.tradingactors.domain.input.BalanceFileReader}; the rest of the package is the machinery they share (format
 * detection, CSV and JSON Lines row sources, strict cell parsing).
 */
package io.tradingactors.domain.input;
