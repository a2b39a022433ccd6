package io.tradingactors.app;

import io.tradingactors.app.cli.TradingActorsCommand;
import picocli.CommandLine;

/** Entry point of {@code bin/trading-actors}. Exit codes: 0 ok, 1 runtime failure, 2 bad usage or bad input. */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    System.exit(TradingActorsCommand.commandLine().execute(args));
  }
}
