package io.tradingactors.domain.input;

import io.tradingactors.domain.event.BalanceUpdated;
import io.tradingactors.domain.event.EventValidator;
import io.tradingactors.domain.event.Violation;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a balances file (DESIGN §2) — CSV {@code time,balance} with a header row, or JSON Lines
 * {@code {"time":…,"balance":…}} — into validated {@link BalanceUpdated} events, with the same strictness and
 * all-or-nothing rule as {@link TradeFileReader}. A zero or negative balance is rejected by {@link EventValidator}:
 * every return and drawdown divides by a balance.
 *
 * <p>Observations are returned in file order; ordering them in time is the fold's business, not the reader's.
 */
public final class BalanceFileReader {

  /** Column / field names of a balances file, by wire name. */
  static final FileSchema SCHEMA = new FileSchema(List.of("time", "balance"), List.of());

  private BalanceFileReader() {}

  /**
   * Every balance observation of the file, in file order.
   *
   * @throws InputFileException for the first row (or header) that is not acceptable, or a missing/unreadable file
   * @throws IOException when reading fails for reasons unrelated to the content
   */
  public static List<ParsedBalance> read(Path file) throws InputFileException, IOException {
    List<ParsedBalance> balances = new ArrayList<>();
    try (RowSource rows = RowSource.open(file, SCHEMA)) {
      for (Row row = rows.next(); row != null; row = rows.next()) {
        BalanceUpdated balance = new BalanceUpdated(row.time("time"), row.number("balance"));
        List<Violation> violations = EventValidator.validate(balance);
        if (!violations.isEmpty()) {
          Violation first = violations.get(0);
          throw row.error(first.field(), first.message());
        }
        balances.add(new ParsedBalance(balance, row.line()));
      }
    }
    return balances;
  }
}
