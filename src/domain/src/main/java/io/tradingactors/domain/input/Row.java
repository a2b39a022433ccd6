package io.tradingactors.domain.input;

import java.time.Instant;

/**
 * One data row of an input file, CSV or JSON Lines, seen through typed accessors by wire name. The readers build
 * events from this view only, so the rules for an empty cell, a non-finite number or a bad time are written once per
 * format instead of once per reader.
 *
 * <p>Every accessor throws an {@link InputFileException} naming this row's line and the field.
 */
interface Row {

  /** Physical 1-based line number where the row starts. */
  long line();

  /** A required text value, stripped of surrounding whitespace; never empty. */
  String text(String field) throws InputFileException;

  /** An optional text value, stripped; {@code null} when the field is absent or empty. */
  String optionalText(String field) throws InputFileException;

  /** A required finite number. */
  double number(String field) throws InputFileException;

  /** An optional finite number; {@code null} when the field is absent or empty. */
  Double optionalNumber(String field) throws InputFileException;

  /** A required time (see {@link TimeParser}). */
  Instant time(String field) throws InputFileException;

  /** An error about one field of this row, for checks made by the caller (side, duplicates, validation). */
  InputFileException error(String field, String reason);
}
