package io.tradingactors.readmodel.query;

/** What a query asked for is not in the read model: a strategy with no rows, a backtest run never imported. */
public final class NotInReadModelException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public NotInReadModelException(String message) {
    // No stack trace: an expected answer, turned into a 404, never logged.
    super(message, null, false, false);
  }
}
