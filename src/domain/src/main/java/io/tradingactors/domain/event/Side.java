package io.tradingactors.domain.event;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Direction of a trade; written {@code long} / {@code short} in files and JSON. */
public enum Side {
  LONG,
  SHORT;

  @JsonValue
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Case-insensitive parse; {@code null} for anything that is not long or short, so callers can name the field. */
  @JsonCreator
  public static Side parse(String text) {
    if (text == null) {
      return null;
    }
    return switch (text.trim().toLowerCase(Locale.ROOT)) {
      case "long" -> LONG;
      case "short" -> SHORT;
      default -> null;
    };
  }
}
