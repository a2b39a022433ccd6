package io.tradingactors.domain.input;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A backtest input file that cannot be accepted, with where and why (DESIGN §2: "a bad row is reported with its file,
 * line number and reason; nothing from that file is persisted"). The CLI prints {@link #getMessage()} and exits with
 * code 2, so the message alone must let a user find and fix the problem.
 *
 * <p>It is a checked exception because a bad file is an expected outcome of reading user input, one every caller has
 * to turn into a report rather than a crash.
 */
public final class InputFileException extends Exception {

  private static final long serialVersionUID = 1L;

  /** Longest excerpt of offending input quoted in a message; a runaway cell must not flood the terminal. */
  private static final int MAX_QUOTED_LENGTH = 60;

  // Path is not Serializable; the message (which names the file) survives serialization, the accessor does not.
  private final transient Path file;
  private final long line;
  private final String field;
  private final String reason;

  /**
   * @param file the file as the user named it (printed as is, so a relative path stays relative)
   * @param line physical 1-based line number, or 0 when the problem concerns the file as a whole
   * @param field the wire name of the field (snake_case), or {@code null} when no single field is at fault
   * @param reason what is wrong, in words meant for the user
   */
  public InputFileException(Path file, long line, String field, String reason) {
    this(file, line, field, reason, null);
  }

  /** As {@link #InputFileException(Path, long, String, String)}, keeping the low-level cause for debugging. */
  public InputFileException(Path file, long line, String field, String reason, Throwable cause) {
    super(format(file, line, field, reason), cause);
    if (line < 0) {
      throw new IllegalArgumentException("line must be >= 0, got " + line);
    }
    this.file = file;
    this.line = line;
    this.field = field;
    this.reason = reason;
  }

  /** The file as the caller passed it to the reader. */
  public Path file() {
    return file;
  }

  /** Physical 1-based line number in the file; 0 when the problem is the file as a whole. */
  public long line() {
    return line;
  }

  /** Wire name of the offending field or column; {@code null} when the problem is not one field's. */
  public String field() {
    return field;
  }

  /** What is wrong, without the location prefix. */
  public String reason() {
    return reason;
  }

  /** {@code <file>:<line>: <field>: <reason>}, leaving out the line when it is 0 and the field when absent. */
  private static String format(Path file, long line, String field, String reason) {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(reason, "reason");
    StringBuilder out = new StringBuilder(file.toString());
    if (line > 0) {
      out.append(':').append(line);
    }
    out.append(": ");
    if (field != null) {
      out.append(field).append(": ");
    }
    return out.append(reason).toString();
  }

  /**
   * Quotes a piece of the offending input for a message, shortened when long, so the user sees exactly what was read
   * (including surrounding spaces) without a megabyte cell filling the terminal.
   */
  static String quote(String text) {
    if (text.length() <= MAX_QUOTED_LENGTH) {
      return "'" + text + "'";
    }
    return "'" + text.substring(0, MAX_QUOTED_LENGTH) + "…' (" + text.length() + " characters)";
  }
}
