package io.tradingactors.domain.input;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * CSV rows with a header row (RFC 4180: comma-separated, double-quoted cells may hold commas, quotes and line breaks).
 *
 * <p>Line numbers are physical: the parser is told not to drop empty lines, so every record starts on the line after
 * the one where the previous record ended, and blank lines are skipped here while still being counted. A quoted cell
 * spanning lines therefore does not shift the numbers of the rows after it.
 */
final class CsvRowSource implements RowSource {

  private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get();

  private final Path file;
  private final CSVParser parser;
  private final Iterator<CSVRecord> records;
  private final Map<String, Integer> columns;
  /** Physical line on which the last record read ended; the next record starts on the line after. */
  private long lastLine;

  private CsvRowSource(Path file, CSVParser parser, FileSchema schema) throws InputFileException, IOException {
    this.file = file;
    this.parser = parser;
    this.records = parser.iterator();
    this.columns = readHeader(schema);
  }

  /** Reads and checks the header row; the reader is owned (and closed) by the returned source. */
  static CsvRowSource open(Path file, FileSchema schema, BufferedReader reader)
      throws InputFileException, IOException {
    CSVParser parser = CSVParser.builder().setReader(reader).setFormat(FORMAT).get();
    try {
      return new CsvRowSource(file, parser, schema);
    } catch (InputFileException | IOException | RuntimeException e) {
      parser.close();
      throw e;
    }
  }

  @Override
  public Row next() throws InputFileException, IOException {
    while (true) {
      long line = lastLine + 1;
      CSVRecord record = nextRecord();
      if (record == null) {
        return null;
      }
      if (isBlank(record)) {
        continue;
      }
      if (record.size() != columns.size()) {
        throw new InputFileException(
            file,
            line,
            null,
            "has " + record.size() + " cells but the header has " + columns.size() + " columns");
      }
      return new CsvRow(file, line, columns, record);
    }
  }

  @Override
  public void close() throws IOException {
    parser.close();
  }

  /**
   * Maps each known column name to its index. Unknown, duplicate and empty names are errors, then missing required
   * ones, all on the header's line.
   */
  private Map<String, Integer> readHeader(FileSchema schema) throws InputFileException, IOException {
    CSVRecord header;
    long line;
    do {
      line = lastLine + 1;
      header = nextRecord();
      if (header == null) {
        throw new InputFileException(
            file,
            0,
            null,
            "is empty; expected a header row naming the columns: " + String.join(",", schema.all()));
      }
    } while (isBlank(header));
    Map<String, Integer> byName = new HashMap<>();
    for (int i = 0; i < header.size(); i++) {
      String name = header.get(i).strip();
      if (name.isEmpty()) {
        throw new InputFileException(
            file, line, null, "column " + (i + 1) + " of the header has no name");
      }
      Integer earlier = byName.putIfAbsent(name, i);
      if (earlier != null) {
        throw new InputFileException(
            file,
            line,
            name,
            "column appears twice in the header (columns " + (earlier + 1) + " and " + (i + 1) + ")");
      }
      if (!schema.knows(name)) {
        throw new InputFileException(file, line, name, schema.unknownReason("column", name));
      }
    }
    for (String required : schema.required()) {
      if (!byName.containsKey(required)) {
        throw new InputFileException(file, line, required, "required column is missing from the header");
      }
    }
    return Collections.unmodifiableMap(byName);
  }

  /**
   * The next record, or {@code null} at the end. Malformed CSV (an unterminated quote, text after a closing quote) and
   * undecodable bytes are input errors; only genuine I/O failures stay {@link IOException}s.
   */
  private CSVRecord nextRecord() throws InputFileException, IOException {
    long line = lastLine + 1;
    try {
      if (!records.hasNext()) {
        return null;
      }
      CSVRecord record = records.next();
      lastLine = parser.getCurrentLineNumber();
      return record;
    } catch (UncheckedIOException wrapped) {
      IOException cause = wrapped.getCause();
      if (cause instanceof CSVException) {
        throw new InputFileException(file, line, null, "malformed CSV: " + cause.getMessage(), cause);
      }
      if (cause instanceof CharacterCodingException) {
        throw InputText.notUtf8(file, line, (CharacterCodingException) cause);
      }
      throw cause;
    }
  }

  /** An empty or whitespace-only line, which the format does not drop by itself (see the class comment). */
  private static boolean isBlank(CSVRecord record) {
    return record.size() == 0 || (record.size() == 1 && record.get(0).isBlank());
  }
}
