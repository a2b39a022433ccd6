package io.tradingactors.domain.input;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The two encodings of an input file (DESIGN §2). The extension decides when it is a known one; otherwise the first
 * non-blank character does ({@code {} starts a JSON object), so {@code trades.txt} or a file without an extension
 * still reads.
 */
enum InputFormat {
  CSV,
  JSON_LINES;

  static InputFormat of(Path file) throws IOException {
    Path name = file.getFileName();
    String lower = name == null ? "" : name.toString().toLowerCase(Locale.ROOT);
    if (lower.endsWith(".csv")) {
      return CSV;
    }
    if (lower.endsWith(".jsonl") || lower.endsWith(".ndjson") || lower.endsWith(".json")) {
      return JSON_LINES;
    }
    return sniff(file);
  }

  private static InputFormat sniff(Path file) throws IOException {
    try (BufferedReader reader = InputText.open(file)) {
      int c;
      do {
        c = reader.read();
      } while (c != -1 && Character.isWhitespace(c));
      return c == '{' ? JSON_LINES : CSV;
    }
  }
}
