package io.tradingactors.domain.input;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Opens an input file as UTF-8 text. A byte-order mark is skipped (spreadsheet exports on Windows write one, and it
 * would otherwise become part of the first column name), and undecodable bytes are an error rather than silently
 * replaced characters.
 */
final class InputText {

  private static final char BYTE_ORDER_MARK = '\uFEFF';

  private InputText() {}

  /** A strict UTF-8 reader positioned after the byte-order mark, if any. */
  static BufferedReader open(Path file) throws IOException {
    BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
    try {
      reader.mark(1);
      if (reader.read() != BYTE_ORDER_MARK) {
        reader.reset();
      }
      return reader;
    } catch (IOException | RuntimeException e) {
      reader.close();
      throw e;
    }
  }

  /**
   * The report for bytes that are not UTF-8. The reader decodes ahead of the parser, so the line can only be given as
   * a lower bound.
   */
  static InputFileException notUtf8(Path file, long lineReached, CharacterCodingException cause) {
    return new InputFileException(
        file,
        0,
        null,
        "is not valid UTF-8 text (the bad bytes are at or after line "
            + Math.max(1, lineReached)
            + "); save the file as UTF-8",
        cause);
  }
}
