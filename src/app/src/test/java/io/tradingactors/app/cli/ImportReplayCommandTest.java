package io.tradingactors.app.cli;

import static io.tradingactors.app.cli.ReportCommandTest.SAMPLE_BALANCES;
import static io.tradingactors.app.cli.ReportCommandTest.SAMPLE_TRADES;
import static io.tradingactors.app.cli.ReportCommandTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tradingactors.app.cli.ReportCommandTest.Run;
import io.tradingactors.domain.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code import} then {@code replay} on an embedded H2 journal: idempotent, resumable, and equal to {@code report}. */
class ImportReplayCommandTest {

  @TempDir Path dir;

  private String data() {
    return dir.resolve("data").toString();
  }

  @Test
  void aResumedImportReplaysToExactlyWhatReportPrints() throws Exception {
    // First half of the backtest, as a run that was interrupted: trades and balances up to the 125th trade's exit.
    List<String> trades = Files.readAllLines(SAMPLE_TRADES);
    List<String> balances = Files.readAllLines(SAMPLE_BALANCES);
    String cutoff = trades.get(125).split(",")[4];
    Path halfTrades = dir.resolve("half-trades.csv");
    Path halfBalances = dir.resolve("half-balances.csv");
    Files.write(halfTrades, trades.subList(0, 126));
    Files.write(
        halfBalances,
        balances.stream().filter(l -> l.startsWith("time") || l.split(",")[0].compareTo(cutoff) <= 0).toList());

    Run first = importRun(halfTrades, halfBalances);
    assertThat(first.exit()).as(first.err()).isZero();
    assertThat(first.out()).contains("125 trades").contains("0 already recorded");

    Run full = importRun(SAMPLE_TRADES, SAMPLE_BALANCES);
    assertThat(full.exit()).as(full.err()).isZero();
    assertThat(full.out()).contains("250 trades and 265 balances read").contains("journal at 515");

    Run again = importRun(SAMPLE_TRADES, SAMPLE_BALANCES);
    assertThat(again.exit()).as(again.err()).isZero();
    assertThat(again.out()).contains("0 events recorded, 515 already recorded; journal at 515");

    Run report = run("report", "--trades", SAMPLE_TRADES.toString(), "--balances", SAMPLE_BALANCES.toString(),
        "--json", "--period", "daily,monthly");
    Run replay = run("replay", "--strategy", "demo@bt-1", "--data-dir", data(), "--json", "--no-progress",
        "--period", "daily,monthly");
    assertThat(replay.exit()).as(replay.err()).isZero();
    ObjectNode expected = (ObjectNode) Json.mapper().readTree(report.out());
    ObjectNode actual = (ObjectNode) Json.mapper().readTree(replay.out());
    assertThat(actual.remove("strategy_id").asText()).isEqualTo("demo@bt-1");
    expected.remove("strategy_id");
    // Same text for every double: Jackson prints the shortest decimal that reads back to the same bits.
    assertThat(actual).isEqualTo(expected);

    Run all = run("replay", "--all", "--data-dir", data(), "--json", "--no-progress");
    assertThat(all.exit()).as(all.err()).isZero();
    JsonNode array = Json.mapper().readTree(all.out());
    assertThat(array.isArray()).isTrue();
    assertThat(array).hasSize(1);
    assertThat(array.get(0).get("strategy_id").asText()).isEqualTo("demo@bt-1");
  }

  @Test
  void badIdsFilesAndJournalsExitTwoAndPersistNothing() throws Exception {
    Run badId = run("import", "--strategy", "no spaces!", "--trades", SAMPLE_TRADES.toString(),
        "--data-dir", data(), "--no-progress");
    assertThat(badId.exit()).isEqualTo(2);
    assertThat(badId.err()).contains("--strategy");

    Path badRow = dir.resolve("bad.csv");
    List<String> lines = new java.util.ArrayList<>(Files.readAllLines(SAMPLE_TRADES));
    lines.set(7, lines.get(7).replaceFirst(",long,|,short,", ",sideways,"));
    Files.write(badRow, lines);
    Run bad = run("import", "--strategy", "s", "--trades", badRow.toString(), "--initial-balance", "1000",
        "--data-dir", data(), "--no-progress");
    assertThat(bad.exit()).isEqualTo(2);
    assertThat(bad.err()).contains("bad.csv:8").contains("side");

    Run noJournal = run("replay", "--all", "--data-dir", data(), "--no-progress");
    assertThat(noJournal.exit()).as("the bad import must not have created a journal").isEqualTo(2);
    assertThat(noJournal.err()).contains("no journal");

    Run ok = run("import", "--strategy", "s", "--trades", SAMPLE_TRADES.toString(), "--initial-balance", "1000",
        "--data-dir", data(), "--no-progress");
    assertThat(ok.exit()).as(ok.err()).isZero();
    Run unknown = run("replay", "--strategy", "nobody", "--data-dir", data(), "--no-progress");
    assertThat(unknown.exit()).isEqualTo(2);
    assertThat(unknown.err()).contains("no events for 'nobody'");
  }

  private Run importRun(Path trades, Path balances) {
    return run("import", "--strategy", "demo", "--backtest", "bt-1", "--trades", trades.toString(),
        "--balances", balances.toString(), "--data-dir", data(), "--no-progress");
  }
}
