package io.tradingactors.domain.event;

/** One reason an input is rejected: the field it concerns (its wire name, snake_case) and what is wrong with it. */
public record Violation(String field, String message) {

  @Override
  public String toString() {
    return field + ": " + message;
  }
}
