package io.tradingactors.app.cli;

import io.tradingactors.domain.backtest.BacktestInput;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The files of a backtest (DESIGN §2), shared by {@code report} and {@code import}. */
final class BacktestFiles {

  @Option(names = "--trades", required = true, paramLabel = "FILE",
      description = "Trades: CSV with a header row, or JSON Lines (DESIGN §2).")
  Path trades;

  @Option(names = "--balances", paramLabel = "FILE",
      description = "Balances: CSV time,balance or JSON Lines. Without it, balances are derived from"
          + " --initial-balance plus cumulative pnl.")
  Path balances;

  @Option(names = "--initial-balance", paramLabel = "X",
      description = "Starting balance when no balances file is given.")
  Double initialBalance;

  /** The strategy's events in time order; a bad row throws with its file, line and field (exit 2). */
  BacktestInput load(String strategy) throws Exception {
    return BacktestInput.load(trades, balances, initialBalance, strategy);
  }
}
