package io.tradingactors.app.cli;

/** Input the actors refused (a validation error naming the field): exit code 2, like a bad file row. */
final class RejectedInputException extends RuntimeException {
  RejectedInputException(String message) {
    super(message);
  }
}
