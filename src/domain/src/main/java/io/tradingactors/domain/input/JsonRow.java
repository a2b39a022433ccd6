package io.tradingactors.domain.input;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Locale;

/**
 * A JSON Lines row. JSON has types, so they are enforced: a number must be a JSON number (a quoted {@code "12.5"} is
 * an error, as a string where a number belongs means the exporter is not doing what its author thinks), text must be
 * a JSON string, and a time is an ISO-8601 string or an integer of epoch milliseconds. {@code null} and an absent
 * field both mean "absent"; an empty string is an absent text but not a number.
 */
final class JsonRow implements Row {

  private final Path file;
  private final long line;
  private final ObjectNode object;

  JsonRow(Path file, long line, ObjectNode object) {
    this.file = file;
    this.line = line;
    this.object = object;
  }

  @Override
  public long line() {
    return line;
  }

  @Override
  public String text(String field) throws InputFileException {
    String text = optionalText(field);
    if (text == null) {
      throw value(field) == null ? missing(field) : error(field, "is required but empty");
    }
    return text;
  }

  @Override
  public String optionalText(String field) throws InputFileException {
    JsonNode node = value(field);
    if (node == null) {
      return null;
    }
    if (!node.isTextual()) {
      String hint = node.isNumber() ? " (quote it: \"" + node.asText() + "\")" : "";
      throw error(field, "must be a JSON string, got " + describe(node) + hint);
    }
    String text = node.textValue().strip();
    return text.isEmpty() ? null : text;
  }

  @Override
  public double number(String field) throws InputFileException {
    Double number = optionalNumber(field);
    if (number == null) {
      throw missing(field);
    }
    return number;
  }

  @Override
  public Double optionalNumber(String field) throws InputFileException {
    JsonNode node = value(field);
    if (node == null) {
      return null;
    }
    if (!node.isNumber()) {
      throw error(field, "must be a JSON number, got " + describe(node));
    }
    double value = node.doubleValue();
    if (!Double.isFinite(value)) {
      // The tree holds the overflowed double, not the text; the line still shows the user what was written.
      throw error(field, "is out of range: does not fit a finite double");
    }
    return value + 0.0; // -0.0 + 0.0 == +0.0, as in the CSV reader
  }

  @Override
  public Instant time(String field) throws InputFileException {
    JsonNode node = value(field);
    if (node == null) {
      throw missing(field);
    }
    if (node.isTextual()) {
      try {
        return TimeParser.parse(node.textValue());
      } catch (DateTimeException e) {
        throw new InputFileException(file, line, field, e.getMessage(), e);
      }
    }
    if (node.isIntegralNumber() && node.canConvertToLong()) {
      return Instant.ofEpochMilli(node.longValue());
    }
    throw error(
        field, "must be an ISO-8601 string with an offset or integer epoch milliseconds, got " + describe(node));
  }

  @Override
  public InputFileException error(String field, String reason) {
    return new InputFileException(file, line, field, reason);
  }

  /** The field's value; {@code null} when absent or JSON {@code null}. */
  private JsonNode value(String field) {
    JsonNode node = object.get(field);
    return node == null || node.isNull() ? null : node;
  }

  private InputFileException missing(String field) {
    return error(field, "is required but missing");
  }

  /** A node's type and, for scalars, its text, as a message fragment: {@code the string '12.5'}, {@code an array}. */
  static String describe(JsonNode node) {
    if (node.isTextual()) {
      return "the string " + InputFileException.quote(node.textValue());
    }
    if (node.isNumber()) {
      return "the number " + node.asText();
    }
    if (node.isBoolean()) {
      return "the boolean " + node.asText();
    }
    if (node.isNull()) {
      return "null";
    }
    if (node.isArray()) {
      return "an array";
    }
    if (node.isObject()) {
      return "an object";
    }
    return node.getNodeType().toString().toLowerCase(Locale.ROOT);
  }
}
