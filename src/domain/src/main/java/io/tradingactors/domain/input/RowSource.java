package io.tradingactors.domain.input;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * The rows of one input file, read one at a time so that a file of millions of rows is never held as text. The format
 * (CSV or JSON Lines) is chosen by {@link InputFormat}; names are checked against a {@link FileSchema}.
 */
interface RowSource extends Closeable {

  /** The next data row, or {@code null} at the end of the file. Blank lines are skipped. */
  Row next() throws InputFileException, IOException;

  /**
   * Opens the file in its detected format (reading the CSV header). A missing, unreadable, directory or non-UTF-8
   * path is reported as an {@link InputFileException} (bad input, exit code 2), not as an I/O failure.
   */
  static RowSource open(Path file, FileSchema schema) throws InputFileException, IOException {
    if (Files.isDirectory(file)) {
      throw new InputFileException(file, 0, null, "is a directory, not a file");
    }
    try {
      InputFormat format = InputFormat.of(file);
      BufferedReader reader = InputText.open(file);
      try {
        if (format == InputFormat.CSV) {
          return CsvRowSource.open(file, schema, reader);
        }
        return new JsonLinesRowSource(file, schema, reader);
      } catch (InputFileException | IOException | RuntimeException e) {
        reader.close();
        throw e;
      }
    } catch (NoSuchFileException e) {
      throw new InputFileException(file, 0, null, "no such file", e);
    } catch (AccessDeniedException e) {
      throw new InputFileException(file, 0, null, "permission denied", e);
    } catch (CharacterCodingException e) {
      throw InputText.notUtf8(file, 1, e);
    }
  }
}
