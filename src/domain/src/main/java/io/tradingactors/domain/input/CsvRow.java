package io.tradingactors.domain.input;

import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Map;
import org.apache.commons.csv.CSVRecord;

/**
 * A CSV data row. Every cell is text, so "absent" means an empty (or whitespace-only) cell or a column the header does
 * not have; numbers go through {@link StrictNumbers} and times through {@link TimeParser}.
 */
final class CsvRow implements Row {

  private final Path file;
  private final long line;
  private final Map<String, Integer> columns;
  private final CSVRecord record;

  CsvRow(Path file, long line, Map<String, Integer> columns, CSVRecord record) {
    this.file = file;
    this.line = line;
    this.columns = columns;
    this.record = record;
  }

  @Override
  public long line() {
    return line;
  }

  @Override
  public String text(String field) throws InputFileException {
    String cell = cell(field);
    if (cell == null) {
      throw error(field, "is required but the cell is empty");
    }
    return cell;
  }

  @Override
  public String optionalText(String field) {
    return cell(field);
  }

  @Override
  public double number(String field) throws InputFileException {
    return parseNumber(field, text(field));
  }

  @Override
  public Double optionalNumber(String field) throws InputFileException {
    String cell = cell(field);
    return cell == null ? null : parseNumber(field, cell);
  }

  @Override
  public Instant time(String field) throws InputFileException {
    String cell = text(field);
    try {
      return TimeParser.parse(cell);
    } catch (DateTimeException e) {
      throw new InputFileException(file, line, field, e.getMessage(), e);
    }
  }

  @Override
  public InputFileException error(String field, String reason) {
    return new InputFileException(file, line, field, reason);
  }

  /** The stripped cell, or {@code null} when the column is absent or the cell blank. */
  private String cell(String field) {
    Integer index = columns.get(field);
    if (index == null) {
      return null;
    }
    String cell = record.get(index).strip();
    return cell.isEmpty() ? null : cell;
  }

  private double parseNumber(String field, String cell) throws InputFileException {
    try {
      return StrictNumbers.parse(cell);
    } catch (NumberFormatException e) {
      throw new InputFileException(file, line, field, e.getMessage(), e);
    }
  }
}
