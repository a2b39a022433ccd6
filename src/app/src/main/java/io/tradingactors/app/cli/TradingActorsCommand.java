package io.tradingactors.app.cli;

import io.tradingactors.domain.input.InputFileException;
import io.tradingactors.domain.risk.RiskPolicyException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The top command; each subcommand is one job of DESIGN §4. */
@Command(
    name = "trading-actors",
    mixinStandardHelpOptions = true,
    version = "trading-actors 0.1.0",
    description = "Event-sourced performance tracking and risk control for trading strategies.",
    subcommands = {
      ServeCommand.class, ReportCommand.class, ImportCommand.class, ReplayCommand.class,
      CommandLine.HelpCommand.class
    })
public final class TradingActorsCommand implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "choose a command");
  }

  /**
   * The configured command line: usage errors exit 2; a bad input file exits 2 with its file:line: field: reason, a bad
   * risk policy with the key;
   * any other failure exits 1 with its message (no stack trace unless TRADING_ACTORS_DEBUG is set).
   */
  public static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new TradingActorsCommand());
    cl.setExitCodeExceptionMapper(
        e -> e instanceof InputFileException
                || e instanceof RejectedInputException
                || e instanceof RiskPolicyException
                || e instanceof CommandLine.ParameterException
            ? ExitCodes.BAD_INPUT
            : ExitCodes.RUNTIME_FAILURE);
    cl.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          if (e instanceof InputFileException
              || e instanceof RejectedInputException
              || e instanceof RiskPolicyException) {
            commandLine.getErr().println("error: " + e.getMessage());
            return ExitCodes.BAD_INPUT;
          }
          commandLine.getErr().println("error: " + e);
          if (System.getenv("TRADING_ACTORS_DEBUG") != null) {
            e.printStackTrace(commandLine.getErr());
          }
          return ExitCodes.RUNTIME_FAILURE;
        });
    return cl;
  }
}
