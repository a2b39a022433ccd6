package io.tradingactors.domain.json;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;

/**
 * snake_case with a break before a run of digits, so Java's {@code var95}, {@code cvar95} and {@code rolling7d}
 * become the contract's {@code var_95}, {@code cvar_95} and {@code rolling_7d} (DESIGN §3) without annotating the
 * Pekko- and Jackson-free metrics records.
 */
public final class WireNaming extends PropertyNamingStrategies.NamingBase {

  private static final PropertyNamingStrategies.SnakeCaseStrategy SNAKE =
      new PropertyNamingStrategies.SnakeCaseStrategy();

  @Override
  public String translate(String name) {
    String snake = SNAKE.translate(name);
    if (snake == null) {
      return null;
    }
    StringBuilder out = new StringBuilder(snake.length() + 2);
    for (int i = 0; i < snake.length(); i++) {
      char c = snake.charAt(i);
      if (Character.isDigit(c) && i > 0 && Character.isLetter(snake.charAt(i - 1))) {
        out.append('_');
      }
      out.append(c);
    }
    return out.toString();
  }
}
