package io.tradingactors.domain.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/**
 * Small input files for the reader tests: one valid trade row that each test bends in exactly one place, so a
 * rejection can only come from the place under test.
 */
final class Fixtures {

  static final List<String> COLUMNS =
      List.of(
          "trade_id",
          "symbol",
          "side",
          "entry_time",
          "exit_time",
          "entry_price",
          "exit_price",
          "quantity",
          "pnl",
          "fees",
          "slippage",
          "risk_reward");

  static final String HEADER = String.join(",", COLUMNS);

  /** JSON-typed text fields; every other field is written as a raw JSON number. */
  private static final Set<String> TEXT_FIELDS =
      Set.of("trade_id", "symbol", "side", "entry_time", "exit_time", "strategy_id");

  private Fixtures() {}

  /** A valid trade's cells, in {@link #COLUMNS} order, as CSV text. */
  static Map<String, String> trade(String tradeId) {
    Map<String, String> cells = new LinkedHashMap<>();
    cells.put("trade_id", tradeId);
    cells.put("symbol", "BTCUSDT");
    cells.put("side", "long");
    cells.put("entry_time", "2025-03-01T14:00:00Z");
    cells.put("exit_time", "2025-03-01T18:30:00Z");
    cells.put("entry_price", "84000.5");
    cells.put("exit_price", "84850");
    cells.put("quantity", "0.05");
    cells.put("pnl", "40.07");
    cells.put("fees", "2.1");
    cells.put("slippage", "0.3");
    cells.put("risk_reward", "2.0");
    return cells;
  }

  /** {@link #trade} with one cell replaced. */
  static Map<String, String> trade(String tradeId, String column, String cell) {
    Map<String, String> cells = trade(tradeId);
    cells.put(column, cell);
    return cells;
  }

  static String csvRow(Map<String, String> cells) {
    return String.join(",", cells.values());
  }

  /** The cells as a JSON object; empty cells are left out, as a JSON exporter would. */
  static String jsonRow(Map<String, String> cells) {
    return cells.entrySet().stream()
        .filter(e -> !e.getValue().isEmpty())
        .map(
            e ->
                "\""
                    + e.getKey()
                    + "\":"
                    + (TEXT_FIELDS.contains(e.getKey()) ? "\"" + e.getValue() + "\"" : e.getValue()))
        .collect(Collectors.joining(",", "{", "}"));
  }

  /** A CSV file: the standard header, then the given rows, each ended by LF. */
  static String csv(String... rows) {
    StringBuilder out = new StringBuilder(HEADER).append('\n');
    for (String row : rows) {
      out.append(row).append('\n');
    }
    return out.toString();
  }

  static Path write(Path dir, String name, String content) throws IOException {
    return write(dir, name, content.getBytes(StandardCharsets.UTF_8));
  }

  static Path write(Path dir, String name, byte[] content) throws IOException {
    Path file = dir.resolve(name);
    Files.write(file, content);
    return file;
  }

  /** The {@link InputFileException} the call throws; fails the test when it throws nothing or something else. */
  static InputFileException rejection(ThrowingCallable call) {
    Throwable thrown = catchThrowable(call);
    assertThat(thrown).isInstanceOf(InputFileException.class);
    return (InputFileException) thrown;
  }

  /** Asserts where a rejection points; returns it for checks on the reason. */
  static InputFileException assertRejected(ThrowingCallable call, long line, String field) {
    InputFileException e = rejection(call);
    assertThat(e.line()).as("line of: %s", e.getMessage()).isEqualTo(line);
    assertThat(e.field()).as("field of: %s", e.getMessage()).isEqualTo(field);
    return e;
  }
}
