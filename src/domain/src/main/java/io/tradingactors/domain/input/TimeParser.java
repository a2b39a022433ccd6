package io.tradingactors.domain.input;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Parses a time cell of an input file (DESIGN §2): ISO-8601 with an offset ({@code 2025-03-01T14:00:00Z},
 * {@code 2025-03-01T16:00:00+02:00}, fractional seconds allowed) or epoch milliseconds (digits, optional leading
 * minus).
 *
 * <p>A local time without an offset is rejected rather than assumed to be UTC: daily closes are cut at UTC midnight
 * (DESIGN §3), so guessing the zone of a backtest exported in local time would silently move trades between days and
 * change every daily metric. A single space in place of the {@code T} is accepted, as RFC 3339 allows and as pandas
 * writes tz-aware timestamps ({@code 2025-03-01 14:00:00+00:00}).
 */
public final class TimeParser {

  private TimeParser() {}

  /**
   * The instant the text denotes.
   *
   * @throws DateTimeException with a message meant for the user (quoting the text) when it is not an accepted time
   */
  public static Instant parse(String text) {
    String trimmed = text.strip();
    if (trimmed.isEmpty()) {
      throw new DateTimeException("is empty; expected ISO-8601 with an offset or epoch milliseconds");
    }
    if (isInteger(trimmed)) {
      return epochMillis(trimmed);
    }
    String iso = withT(trimmed);
    try {
      return OffsetDateTime.parse(iso, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
    } catch (DateTimeParseException notOffset) {
      if (isLocal(iso)) {
        throw new DateTimeException(
            InputFileException.quote(text)
                + " has no offset; needs an offset such as Z or +02:00, or epoch milliseconds",
            notOffset);
      }
      throw new DateTimeException(
          InputFileException.quote(text)
              + " is not a time; expected ISO-8601 with an offset (2025-03-01T14:00:00Z) or epoch milliseconds",
          notOffset);
    }
  }

  /** Digits only, optional leading minus: the epoch-milliseconds form. ASCII only ({@code Long.parseLong} is not). */
  private static boolean isInteger(String text) {
    int start = text.charAt(0) == '-' ? 1 : 0;
    if (start == text.length()) {
      return false;
    }
    for (int i = start; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  private static Instant epochMillis(String digits) {
    try {
      return Instant.ofEpochMilli(Long.parseLong(digits));
    } catch (NumberFormatException overflow) {
      throw new DateTimeException(
          InputFileException.quote(digits) + " is out of range for epoch milliseconds", overflow);
    }
  }

  /** {@code 2025-03-01 14:00:00Z} → {@code 2025-03-01T14:00:00Z}; anything else unchanged. */
  private static String withT(String text) {
    if (text.length() > 10 && text.charAt(10) == ' ') {
      return text.substring(0, 10) + 'T' + text.substring(11);
    }
    return text;
  }

  /** Whether the text is a valid ISO local date-time or date, i.e. only the offset is missing. */
  private static boolean isLocal(String iso) {
    try {
      LocalDateTime.parse(iso, DateTimeFormatter.ISO_LOCAL_DATE_TIME);
      return true;
    } catch (DateTimeParseException notLocalDateTime) {
      try {
        LocalDate.parse(iso, DateTimeFormatter.ISO_LOCAL_DATE);
        return true;
      } catch (DateTimeParseException notLocalDate) {
        return false;
      }
    }
  }
}
