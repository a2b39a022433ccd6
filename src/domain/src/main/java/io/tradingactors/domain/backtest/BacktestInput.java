package io.tradingactors.domain.backtest;

import io.tradingactors.domain.event.BalanceUpdated;
import io.tradingactors.domain.event.PerformanceEvent;
import io.tradingactors.domain.event.TradeClosed;
import io.tradingactors.domain.input.BalanceFileReader;
import io.tradingactors.domain.input.InputFileException;
import io.tradingactors.domain.input.ParsedBalance;
import io.tradingactors.domain.input.ParsedTrade;
import io.tradingactors.domain.input.TradeFileReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * A backtest read from its files and turned into one strategy's ordered events: what {@code report} folds and
 * {@code import} sends to the actors.
 *
 * @param strategyId the strategy the trades belong to (from {@code strategy_id}, or null when the file has none)
 * @param events trades and balances in the order of {@link BacktestEvents}
 */
public record BacktestInput(String strategyId, List<PerformanceEvent> events) {

  /**
   * Reads the files. Balances come from {@code balancesFile} when given, else are derived from
   * {@code initialBalance} plus cumulative pnl, else there are none (balance metrics are then null).
   *
   * @param strategy which strategy to take from a file holding several; may be null when the file holds one
   * @throws InputFileException a bad row (file, line, field) or a bad combination of inputs
   */
  public static BacktestInput load(Path tradesFile, Path balancesFile, Double initialBalance, String strategy)
      throws InputFileException, IOException {
    if (balancesFile != null && initialBalance != null) {
      throw new InputFileException(
          balancesFile, 0, "initial_balance",
          "give either a balances file or an initial balance, not both: the first observed balance is the initial one");
    }
    if (initialBalance != null && !(Double.isFinite(initialBalance) && initialBalance > 0)) {
      throw new InputFileException(
          tradesFile, 0, "initial_balance", "must be a finite number greater than 0, got " + initialBalance);
    }
    List<ParsedTrade> parsed = TradeFileReader.read(tradesFile);
    TreeSet<String> ids =
        parsed.stream().map(ParsedTrade::strategyId).filter(Objects::nonNull)
            .collect(Collectors.toCollection(TreeSet::new));
    String chosen = strategy;
    if (chosen == null && ids.size() > 1) {
      throw new InputFileException(
          tradesFile, 0, "strategy_id",
          "the file holds several strategies " + ids + "; choose one with --strategy");
    }
    if (chosen == null && ids.size() == 1) {
      chosen = ids.first();
    }
    if (strategy != null && !ids.isEmpty() && !ids.contains(strategy)) {
      throw new InputFileException(
          tradesFile, 0, "strategy_id", "no trade of strategy '" + strategy + "'; the file holds " + ids);
    }
    final String selected = chosen;
    List<TradeClosed> trades =
        parsed.stream()
            .filter(p -> p.strategyId() == null || ids.isEmpty() || p.strategyId().equals(selected))
            .map(ParsedTrade::trade)
            .toList();
    List<PerformanceEvent> events;
    if (balancesFile != null) {
      List<BalanceUpdated> balances =
          BalanceFileReader.read(balancesFile).stream().map(ParsedBalance::balance).toList();
      events = BacktestEvents.merge(trades, balances);
    } else if (initialBalance != null) {
      events = BacktestEvents.withDerivedBalances(trades, initialBalance);
    } else {
      events = BacktestEvents.merge(trades, List.of());
    }
    return new BacktestInput(selected, events);
  }
}
