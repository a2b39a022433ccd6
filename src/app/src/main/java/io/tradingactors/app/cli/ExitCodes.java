package io.tradingactors.app.cli;

/** The CLI's exit codes (DESIGN §4). */
public final class ExitCodes {
  public static final int OK = 0;
  public static final int RUNTIME_FAILURE = 1;
  public static final int BAD_INPUT = 2;

  private ExitCodes() {}
}
