package io.tradingactors.domain.input;

import io.tradingactors.domain.event.EventValidator;
import io.tradingactors.domain.event.Side;
import io.tradingactors.domain.event.TradeClosed;
import io.tradingactors.domain.event.Violation;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads a trades file (DESIGN §2) — CSV with a header row or JSON Lines, chosen by {@link InputFormat} — into
 * validated {@link TradeClosed} events.
 *
 * <p>All or nothing: the first bad row ends the read with an {@link InputFileException} naming its line and field,
 * because DESIGN §2 persists nothing from a file with a bad row, and a partial backtest would give plausible but wrong
 * metrics. Each trade passes {@link EventValidator}, the same gate as the HTTP API, so a file cannot smuggle in what
 * the API would refuse. A {@code trade_id} repeated for the same {@code strategy_id} is an error too: import is
 * idempotent by trade id (DESIGN §4), so a repeat would be silently dropped there and counted twice by {@code report}.
 *
 * <p>The file is streamed row by row; only the parsed trades are kept.
 */
public final class TradeFileReader {

  /** Column / field names of a trades file, by wire name. */
  static final FileSchema SCHEMA =
      new FileSchema(
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
              "slippage"),
          List.of("strategy_id", "risk_reward", "mfe", "mae"));

  /**
   * DESIGN §5: strategy ids are 1–64 characters of {@code [A-Za-z0-9._-]}; checked here so that
   * import cannot fail half-way.
   */
  private static final Pattern STRATEGY_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

  private TradeFileReader() {}

  /**
   * Every trade of the file, in file order.
   *
   * @throws InputFileException for the first row (or header) that is not acceptable, or a missing/unreadable file
   * @throws IOException when reading fails for reasons unrelated to the content
   */
  public static List<ParsedTrade> read(Path file) throws InputFileException, IOException {
    List<ParsedTrade> trades = new ArrayList<>();
    // strategy_id (null allowed) -> trade_id -> line of its first occurrence
    Map<String, Map<String, Long>> seen = new HashMap<>();
    // One String per distinct symbol / strategy id instead of one per row: they repeat on millions of rows.
    Map<String, String> symbols = new HashMap<>();
    Map<String, String> strategyIds = new HashMap<>(); // valid ids only
    try (RowSource rows = RowSource.open(file, SCHEMA)) {
      for (Row row = rows.next(); row != null; row = rows.next()) {
        String strategyId = strategyId(row, strategyIds);
        TradeClosed trade = trade(row, symbols);
        List<Violation> violations = EventValidator.validate(trade);
        if (!violations.isEmpty()) {
          Violation first = violations.get(0);
          throw row.error(first.field(), first.message());
        }
        Long earlier =
            seen.computeIfAbsent(strategyId, id -> new HashMap<>()).putIfAbsent(trade.tradeId(), row.line());
        if (earlier != null) {
          throw row.error(
              "trade_id",
              InputFileException.quote(trade.tradeId())
                  + " already appears on line "
                  + earlier
                  + (strategyId == null ? "" : " for strategy_id " + InputFileException.quote(strategyId))
                  + "; trade ids must be unique");
        }
        trades.add(new ParsedTrade(strategyId, trade, row.line()));
      }
    }
    return trades;
  }

  private static String strategyId(Row row, Map<String, String> validIds) throws InputFileException {
    String id = row.optionalText("strategy_id");
    if (id == null) {
      return null;
    }
    String known = validIds.get(id);
    if (known != null) {
      return known;
    }
    if (!STRATEGY_ID.matcher(id).matches()) {
      throw row.error(
          "strategy_id",
          "must be 1 to 64 characters of letters, digits, '.', '_' or '-', got " + InputFileException.quote(id));
    }
    validIds.put(id, id);
    return id;
  }

  /** The row as a trade, fields read in wire order so the first bad field is the one reported. */
  private static TradeClosed trade(Row row, Map<String, String> symbols) throws InputFileException {
    String tradeId = row.text("trade_id");
    String symbol = symbols.computeIfAbsent(row.text("symbol"), s -> s);
    String sideText = row.text("side");
    Side side = Side.parse(sideText);
    if (side == null) {
      throw row.error("side", "must be long or short, got " + InputFileException.quote(sideText));
    }
    return new TradeClosed(
        tradeId,
        symbol,
        side,
        row.time("entry_time"),
        row.time("exit_time"),
        row.number("entry_price"),
        row.number("exit_price"),
        row.number("quantity"),
        row.number("pnl"),
        row.number("fees"),
        row.number("slippage"),
        row.optionalNumber("risk_reward"),
        row.optionalNumber("mfe"),
        row.optionalNumber("mae"));
  }
}
