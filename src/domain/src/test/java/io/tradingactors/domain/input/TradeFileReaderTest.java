package io.tradingactors.domain.input;

import static io.tradingactors.domain.input.Fixtures.assertRejected;
import static io.tradingactors.domain.input.Fixtures.csv;
import static io.tradingactors.domain.input.Fixtures.csvRow;
import static io.tradingactors.domain.input.Fixtures.jsonRow;
import static io.tradingactors.domain.input.Fixtures.rejection;
import static io.tradingactors.domain.input.Fixtures.trade;
import static io.tradingactors.domain.input.Fixtures.write;
import static org.assertj.core.api.Assertions.assertThat;

import io.tradingactors.domain.event.Side;
import io.tradingactors.domain.event.TradeClosed;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TradeFileReaderTest {

  @TempDir Path dir;

  private static final TradeClosed FIRST =
      new TradeClosed(
          "T1",
          "BTCUSDT",
          Side.LONG,
          Instant.parse("2025-03-01T14:00:00Z"),
          Instant.parse("2025-03-01T18:30:00Z"),
          84000.5,
          84850,
          0.05,
          40.07,
          2.1,
          0.3,
          2.0,
          900.5,
          -120.0);

  private static final TradeClosed SECOND =
      new TradeClosed(
          "T2",
          "ETHUSDT",
          Side.SHORT,
          Instant.parse("2025-03-02T08:00:00.250Z"),
          Instant.ofEpochMilli(1740917400000L),
          2200,
          2180.25,
          1.5,
          25.5,
          1.7,
          0.42,
          null,
          null,
          null);

  @Test
  void csvAndJsonLinesGiveIdenticalTrades() throws Exception {
    Path csv =
        write(
            dir,
            "trades.csv",
            "trade_id,symbol,side,entry_time,exit_time,entry_price,exit_price,quantity,pnl,fees,slippage,"
                + "strategy_id,risk_reward,mfe,mae\n"
                + "T1,BTCUSDT,long,2025-03-01T14:00:00Z,2025-03-01T18:30:00Z,84000.5,84850,0.05,40.07,2.1,0.3,"
                + "alpha,2.0,900.5,-120\n"
                + "T2,ETHUSDT,SHORT,2025-03-02T10:00:00.250+02:00,1740917400000,2200,2180.25,1.5,25.5,1.7,0.42,"
                + ",,,\n");
    Path jsonl =
        write(
            dir,
            "trades.jsonl",
            "{\"trade_id\":\"T1\",\"symbol\":\"BTCUSDT\",\"side\":\"long\",\"entry_time\":\"2025-03-01T14:00:00Z\","
                + "\"exit_time\":\"2025-03-01T18:30:00Z\",\"entry_price\":84000.5,\"exit_price\":84850,"
                + "\"quantity\":0.05,\"pnl\":40.07,\"fees\":2.1,\"slippage\":0.3,\"strategy_id\":\"alpha\","
                + "\"risk_reward\":2.0,\"mfe\":900.5,\"mae\":-120}\n"
                + "{\"trade_id\":\"T2\",\"symbol\":\"ETHUSDT\",\"side\":\"SHORT\","
                + "\"entry_time\":\"2025-03-02T10:00:00.250+02:00\",\"exit_time\":1740917400000,"
                + "\"entry_price\":2200,\"exit_price\":2180.25,\"quantity\":1.5,\"pnl\":25.5,\"fees\":1.7,"
                + "\"slippage\":0.42,\"risk_reward\":null}\n");

    List<ParsedTrade> fromCsv = TradeFileReader.read(csv);
    List<ParsedTrade> fromJson = TradeFileReader.read(jsonl);

    assertThat(fromCsv)
        .containsExactly(new ParsedTrade("alpha", FIRST, 2), new ParsedTrade(null, SECOND, 3));
    assertThat(fromJson)
        .containsExactly(new ParsedTrade("alpha", FIRST, 1), new ParsedTrade(null, SECOND, 2));
  }

  @Test
  void negativeZeroIsZeroInBothFormats() throws Exception {
    Path csv = write(dir, "t.csv", csv(csvRow(trade("T1", "pnl", "-0"))));
    Path jsonl = write(dir, "t.jsonl", jsonRow(trade("T1", "pnl", "-0.0")) + "\n");
    Path zero = write(dir, "zero.csv", csv(csvRow(trade("T1", "pnl", "0"))));

    TradeClosed expected = TradeFileReader.read(zero).get(0).trade();
    assertThat(TradeFileReader.read(csv).get(0).trade()).isEqualTo(expected);
    assertThat(TradeFileReader.read(jsonl).get(0).trade()).isEqualTo(expected);
  }

  @Test
  void columnOrderIsFreeAndOptionalColumnsMayBeAbsent() throws Exception {
    Path file =
        write(
            dir,
            "trades.csv",
            "slippage,fees,pnl,quantity,exit_price,entry_price,exit_time,entry_time,side,symbol,trade_id\n"
                + "0.3,2.1,40.07,0.05,84850,84000.5,2025-03-01T18:30:00Z,2025-03-01T14:00:00Z,long,BTCUSDT,T1\n");

    List<ParsedTrade> trades = TradeFileReader.read(file);

    assertThat(trades).hasSize(1);
    assertThat(trades.get(0).trade())
        .isEqualTo(
            new TradeClosed(
                "T1",
                "BTCUSDT",
                Side.LONG,
                FIRST.entryTime(),
                FIRST.exitTime(),
                84000.5,
                84850,
                0.05,
                40.07,
                2.1,
                0.3,
                null,
                null,
                null));
    assertThat(trades.get(0).strategyId()).isNull();
  }

  @Test
  void epochMillisecondsAndIsoTimesAreTheSameInstant() throws Exception {
    Path iso = write(dir, "iso.csv", csv(csvRow(trade("T1"))));
    Map<String, String> epoch = trade("T1", "entry_time", "1740837600000");
    epoch.put("exit_time", "2025-03-01T20:30:00+02:00");
    Path millis = write(dir, "millis.csv", csv(csvRow(epoch)));

    assertThat(TradeFileReader.read(millis).get(0).trade())
        .isEqualTo(TradeFileReader.read(iso).get(0).trade());
  }

  @Test
  void aFileWithAnotherExtensionIsRecognisedByItsFirstCharacter() throws Exception {
    Path json = write(dir, "export.txt", "\n  " + jsonRow(trade("T1")) + "\n");
    Path csv = write(dir, "export", csv(csvRow(trade("T1"))));

    assertThat(TradeFileReader.read(json)).extracting(ParsedTrade::line).containsExactly(2L);
    assertThat(TradeFileReader.read(csv)).extracting(ParsedTrade::line).containsExactly(2L);
    assertThat(TradeFileReader.read(json).get(0).trade()).isEqualTo(TradeFileReader.read(csv).get(0).trade());
  }

  @Test
  void blankLinesAreSkippedButCounted() throws Exception {
    Path csv =
        write(dir, "t.csv", Fixtures.HEADER + "\n\n" + csvRow(trade("T1")) + "\n   \n" + csvRow(trade("T2")) + "\n\n");
    Path jsonl = write(dir, "t.jsonl", "\n" + jsonRow(trade("T1")) + "\n\n\t\n" + jsonRow(trade("T2")) + "\n");

    assertThat(TradeFileReader.read(csv)).extracting(ParsedTrade::line).containsExactly(3L, 5L);
    assertThat(TradeFileReader.read(jsonl)).extracting(ParsedTrade::line).containsExactly(2L, 5L);
  }

  @Test
  void aQuotedCellSpanningLinesDoesNotShiftLaterLineNumbers() throws Exception {
    Path file =
        write(
            dir,
            "t.csv",
            csv(
                csvRow(trade("\"T\n1\"")),
                csvRow(trade("T2")),
                csvRow(trade("T3", "pnl", "oops"))));

    assertRejected(() -> TradeFileReader.read(file), 5, "pnl");
  }

  @Test
  void crlfLineEndingsAndAByteOrderMarkAreHandled() throws Exception {
    String text = csv(csvRow(trade("T1")), csvRow(trade("T2"))).replace("\n", "\r\n");
    Path file = write(dir, "bom.csv", withBom(text));

    List<ParsedTrade> trades = TradeFileReader.read(file);

    assertThat(trades).extracting(ParsedTrade::line).containsExactly(2L, 3L);
    Path plain = write(dir, "plain.csv", csv(csvRow(trade("T1"))));
    assertThat(trades.get(0).trade()).isEqualTo(TradeFileReader.read(plain).get(0).trade());
    assertThat(trades.get(1).trade().riskReward()).isEqualTo(2.0); // last column: no stray \r
  }

  @Test
  void crlfAndByteOrderMarkKeepLineNumbersInErrors() throws Exception {
    String csvText =
        csv(csvRow(trade("T1")), csvRow(trade("T2")), csvRow(trade("T3", "risk_reward", "x")))
            .replace("\n", "\r\n");
    Path csv = write(dir, "bom.csv", withBom(csvText));
    String jsonText =
        String.join("\r\n", jsonRow(trade("T1")), "", jsonRow(trade("T2", "fees", "-1"))) + "\r\n";
    Path jsonl = write(dir, "bom.jsonl", withBom(jsonText));

    assertRejected(() -> TradeFileReader.read(csv), 4, "risk_reward");
    assertRejected(() -> TradeFileReader.read(jsonl), 3, "fees");
  }

  @Test
  void aByteOrderMarkIsNotPartOfTheFirstColumnName() throws Exception {
    Path json = write(dir, "bom.jsonl", withBom(jsonRow(trade("T1")) + "\n"));

    assertThat(TradeFileReader.read(json)).hasSize(1);
  }

  // ---- header -------------------------------------------------------------------------------------------------

  @Test
  void aMissingRequiredColumnIsReportedOnTheHeaderLine() throws Exception {
    Map<String, String> cells = trade("T1");
    cells.remove("slippage");
    String header = String.join(",", cells.keySet());
    Path file = write(dir, "t.csv", header + "\n" + csvRow(cells) + "\n");

    InputFileException e = assertRejected(() -> TradeFileReader.read(file), 1, "slippage");
    assertThat(e.reason()).contains("missing");
  }

  @Test
  void anUnknownColumnIsReportedWithASuggestion() throws Exception {
    Path file = write(dir, "t.csv", csv(csvRow(trade("T1"))).replaceFirst(",pnl,", ",pnL,"));

    InputFileException e = assertRejected(() -> TradeFileReader.read(file), 1, "pnL");
    assertThat(e.reason()).contains("unknown column").contains("did you mean 'pnl'");
    assertThat(e.getMessage()).isEqualTo(file + ":1: pnL: " + e.reason());
  }

  @Test
  void anUnknownColumnWithoutNearMatchListsTheKnownOnes() throws Exception {
    Path file = write(dir, "t.csv", Fixtures.HEADER + ",comment\n" + csvRow(trade("T1")) + ",hello\n");

    InputFileException e = assertRejected(() -> TradeFileReader.read(file), 1, "comment");
    assertThat(e.reason()).contains("expected trade_id, symbol");
  }

  @Test
  void aDuplicateColumnIsRejected() throws Exception {
    Path file = write(dir, "t.csv", Fixtures.HEADER + ",fees\n" + csvRow(trade("T1")) + ",2.1\n");

    InputFileException e = assertRejected(() -> TradeFileReader.read(file), 1, "fees");
    assertThat(e.reason()).contains("twice").contains("columns 10 and 13");
  }

  @Test
  void headerNamesAreTrimmed() throws Exception {
    Path file = write(dir, "t.csv", Fixtures.HEADER.replace(",", " , ") + "\n" + csvRow(trade("T1")) + "\n");

    assertThat(TradeFileReader.read(file)).hasSize(1);
  }

  @Test
  void anEmptyFileHasNoHeader() throws Exception {
    Path file = write(dir, "t.csv", "\n\n");

    InputFileException e = assertRejected(() -> TradeFileReader.read(file), 0, null);
    assertThat(e.getMessage()).startsWith(file + ": is empty");
  }

  @Test
  void aHeaderOnlyCsvHasNoTrades() throws Exception {
    Path file = write(dir, "t.csv", Fixtures.HEADER + "\n");

    assertThat(TradeFileReader.read(file)).isEmpty();
  }

  // ---- CSV cells ----------------------------------------------------------------------------------------------

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "entry_price | \"12,5\" | is not a number: '12,5'",
        "pnl         | NaN      | must be a finite number, got 'NaN'",
        "fees        | Infinity | must be a finite number, got 'Infinity'",
        "slippage    | -Infinity| must be a finite number, got '-Infinity'",
        "quantity    | 1e999    | is out of range: '1e999'",
        "exit_price  | 0x10     | is not a number: '0x10'",
        "pnl         | 12d      | is not a number: '12d'",
        "mfe         | abc      | is not a number: 'abc'",
        "risk_reward | 1.5.2    | is not a number: '1.5.2'",
      })
  void aNumberCellMustBeAFinitePlainDecimal(String column, String cell, String reason) throws Exception {
    Map<String, String> bad = trade("T2", column, cell); // adds the column when it is an optional one
    String header = String.join(",", bad.keySet());
    Path file = write(dir, "t.csv", header + "\n" + csvRow(trade("T1", column, "1")) + "\n" + csvRow(bad) + "\n");

    InputFileException e = assertRejected(() -> TradeFileReader.read(file), 3, column);
    assertThat(e.reason()).contains(reason);
  }

  @ParameterizedTest
  @ValueSource(strings = {"trade_id", "symbol", "side", "entry_time", "exit_price", "pnl", "fees", "slippage"})
  void anEmptyRequiredCellIsRejected(String column) throws Exception {
    Path file = write(dir, "t.csv", csv(csvRow(trade("T1")), csvRow(trade("T2", column, "  "))));

    InputFileException e = assertRejected(() -> TradeFileReader.read(file), 3, column);
    assertThat(e.reason()).contains("required").contains("empty");
  }

  @Test
  void anEmptyOptionalCellIsAbsent() throws Exception {
    Path file = write(dir, "t.csv", csv(csvRow(trade("T1", "risk_reward", ""))));

    assertThat(TradeFileReader.read(file).get(0).trade().riskReward()).isNull();
  }

  @Test
  void sideMustBeLongOrShort() throws Exception {
    Path file = write(dir, "t.csv", csv(csvRow(trade("T1", "side", "Short")), csvRow(trade("T2", "side", "buy"))));

    InputFileException e = assertRejected(() -> TradeFileReader.read(file), 3, "side");
    assertThat(e.reason()).isEqualTo("must be long or short, got 'buy'");
  }

  @Test
  void exitBeforeEntryIsRejectedByTheValidator() throws Exception {
    Path file = write(dir, "t.csv", csv(csvRow(trade("T1", "exit_time", "2025-03-01T13:59:59Z"))));

    InputFileException e = assertRejected(() -> TradeFileReader.read(file), 2, "exit_time");
    assertThat(e.reason()).contains("before entry_time");
  }

  @ParameterizedTest
  @CsvSource({"entry_price, 0", "exit_price, -3", "quantity, 0", "fees, -0.5", "risk_reward, -1"})
  void valuesTheValidatorRefusesAreRejected(String column, String cell) throws Exception {
    Path file = write(dir, "t.csv", csv(csvRow(trade("T1")), csvRow(trade("T2", column, cell))));

    assertRejected(() -> TradeFileReader.read(file), 3, column);
  }

  @Test
  void aLocalTimeWithoutOffsetIsRejected() throws Exception {
    Path file = write(dir, "t.csv", csv(csvRow(trade("T1", "entry_time", "2025-03-01T14:00:00"))));

    InputFileException e = assertRejected(() -> TradeFileReader.read(file), 2, "entry_time");
    assertThat(e.reason()).contains("needs an offset such as Z or +02:00, or epoch milliseconds");
  }

  @Test
  void aRowWithTheWrongNumberOfCellsIsRejected() throws Exception {
    Path file = write(dir, "t.csv", csv(csvRow(trade("T1")), csvRow(trade("T2")) + ",extra"));

    InputFileException e = assertRejected(() -> TradeFileReader.read(file), 3, null);
    assertThat(e.reason()).isEqualTo("has 13 cells but the header has 12 columns");
  }

  @Test
  void malformedCsvIsReportedOnTheLineWhereTheRecordStarts() throws Exception {
    Path file = write(dir, "t.csv", csv(csvRow(trade("T1")), csvRow(trade("\"T2\"x"))));

    InputFileException e = assertRejected(() -> TradeFileReader.read(file), 3, null);
    assertThat(e.reason()).startsWith("malformed CSV");
  }

  @Test
  void aTradeIdRepeatedForTheSameStrategyIsRejectedOnTheLaterLine() throws Exception {
    Path file = write(dir, "t.csv", csv(csvRow(trade("T1")), csvRow(trade("T2")), csvRow(trade("T1"))));

    InputFileException e = assertRejected(() -> TradeFileReader.read(file), 4, "trade_id");
    assertThat(e.reason()).contains("'T1' already appears on line 2");
  }

  @Test
  void theSameTradeIdUnderTwoStrategiesIsAccepted() throws Exception {
    String header = Fixtures.HEADER + ",strategy_id\n";
    Path ok = write(dir, "ok.csv", header + csvRow(trade("T1")) + ",a\n" + csvRow(trade("T1")) + ",b\n");
    Path bad = write(dir, "bad.csv", header + csvRow(trade("T1")) + ",a\n" + csvRow(trade("T1")) + ",a\n");

    assertThat(TradeFileReader.read(ok)).extracting(ParsedTrade::strategyId).containsExactly("a", "b");
    InputFileException e = assertRejected(() -> TradeFileReader.read(bad), 3, "trade_id");
    assertThat(e.reason()).contains("line 2").contains("strategy_id 'a'");
  }

  @Test
  void aStrategyIdMustBeAValidId() throws Exception {
    // The first row uses the text as a symbol, which may hold a space; that must not make it a valid strategy id.
    Path file =
        write(
            dir,
            "t.csv",
            Fixtures.HEADER
                + ",strategy_id\n"
                + csvRow(trade("T1", "symbol", "my strategy"))
                + ",ok\n"
                + csvRow(trade("T2"))
                + ",my strategy\n");

    InputFileException e = assertRejected(() -> TradeFileReader.read(file), 3, "strategy_id");
    assertThat(e.reason()).endsWith("got 'my strategy'");
  }

  @Test
  void bytesThatAreNotUtf8AreRejected() throws Exception {
    byte[] latin1 = csv(csvRow(trade("T1", "symbol", "BTC\u00e9USDT"))).getBytes(StandardCharsets.ISO_8859_1);
    Path file = write(dir, "latin1.csv", latin1);

    InputFileException e = assertRejected(() -> TradeFileReader.read(file), 0, null);
    assertThat(e.reason()).contains("not valid UTF-8");
  }

  @Test
  void aMissingFileIsBadInputNotAnIoFailure() {
    Path file = dir.resolve("nope.csv");

    InputFileException e = assertRejected(() -> TradeFileReader.read(file), 0, null);
    assertThat(e.getMessage()).isEqualTo(file + ": no such file");
  }

  // ---- JSON Lines ---------------------------------------------------------------------------------------------

  @Test
  void malformedJsonIsReportedWithItsLine() throws Exception {
    Path file = write(dir, "t.jsonl", jsonRow(trade("T1")) + "\n{\"trade_id\":\"T2\",\n" + jsonRow(trade("T3")));

    InputFileException e = assertRejected(() -> TradeFileReader.read(file), 2, null);
    assertThat(e.reason()).startsWith("is not valid JSON at column");
  }

  @Test
  void aStringWhereANumberBelongsIsRejected() throws Exception {
    Path file = write(dir, "t.jsonl", jsonRow(trade("T1")) + "\n" + jsonRow(trade("T2", "pnl", "\"12.5\"")) + "\n");

    InputFileException e = assertRejected(() -> TradeFileReader.read(file), 2, "pnl");
    assertThat(e.reason()).isEqualTo("must be a JSON number, got the string '12.5'");
  }

  @Test
  void aNumberWhereAStringBelongsIsRejected() throws Exception {
    Map<String, String> cells = trade("T1");
    String line = jsonRow(cells).replace("\"trade_id\":\"T1\"", "\"trade_id\":17");
    Path file = write(dir, "t.jsonl", line + "\n");

    InputFileException e = assertRejected(() -> TradeFileReader.read(file), 1, "trade_id");
    assertThat(e.reason()).contains("must be a JSON string, got the number 17");
  }

  @Test
  void anUnknownJsonFieldIsRejected() throws Exception {
    String line = jsonRow(trade("T1")).replace("}", ",\"comment\":\"x\"}");
    Path file = write(dir, "t.jsonl", jsonRow(trade("T0")) + "\n" + line + "\n");

    InputFileException e = assertRejected(() -> TradeFileReader.read(file), 2, "comment");
    assertThat(e.reason()).startsWith("unknown field");
  }

  @ParameterizedTest
  @ValueSource(strings = {"NaN", "Infinity", "-Infinity"})
  void nonNumericNumberTokensAreRejectedNamingTheField(String token) throws Exception {
    Path file = write(dir, "t.jsonl", jsonRow(trade("T1", "fees", token)) + "\n");

    InputFileException e = assertRejected(() -> TradeFileReader.read(file), 1, "fees");
    assertThat(e.reason()).contains("finite");
  }

  @Test
  void aJsonNumberTooLargeForADoubleIsRejected() throws Exception {
    Path file = write(dir, "t.jsonl", jsonRow(trade("T1", "quantity", "1e999")) + "\n");

    InputFileException e = assertRejected(() -> TradeFileReader.read(file), 1, "quantity");
    assertThat(e.reason()).isEqualTo("is out of range: does not fit a finite double");
  }

  @Test
  void aMissingJsonFieldIsRejected() throws Exception {
    Map<String, String> cells = trade("T1");
    cells.remove("exit_price");
    Path file = write(dir, "t.jsonl", jsonRow(cells) + "\n");

    InputFileException e = assertRejected(() -> TradeFileReader.read(file), 1, "exit_price");
    assertThat(e.reason()).isEqualTo("is required but missing");
  }

  @Test
  void aJsonNullRequiredFieldIsMissing() throws Exception {
    Path file = write(dir, "t.jsonl", jsonRow(trade("T1", "slippage", "null")) + "\n");

    assertRejected(() -> TradeFileReader.read(file), 1, "slippage");
  }

  @Test
  void aJsonTimeMustBeAStringOrIntegerMilliseconds() throws Exception {
    String line = jsonRow(trade("T1")).replace("\"2025-03-01T18:30:00Z\"", "1740853800000.5");
    Path file = write(dir, "t.jsonl", line + "\n");

    InputFileException e = assertRejected(() -> TradeFileReader.read(file), 1, "exit_time");
    assertThat(e.reason()).contains("integer epoch milliseconds");
  }

  @Test
  void aDuplicateJsonKeyIsRejected() throws Exception {
    Path file = write(dir, "t.jsonl", jsonRow(trade("T1")).replace("}", ",\"pnl\":1}") + "\n");

    InputFileException e = assertRejected(() -> TradeFileReader.read(file), 1, "pnl");
    assertThat(e.reason()).contains("more than once");
  }

  @Test
  void aLineMustHoldExactlyOneObject() throws Exception {
    Path array = write(dir, "a.jsonl", "[" + jsonRow(trade("T1")) + "]\n");
    Path two = write(dir, "b.jsonl", jsonRow(trade("T1")) + " " + jsonRow(trade("T2")) + "\n");

    assertThat(assertRejected(() -> TradeFileReader.read(array), 1, null).reason()).contains("JSON array");
    assertThat(assertRejected(() -> TradeFileReader.read(two), 1, null).reason()).contains("one object per line");
  }

  @Test
  void jsonLinesGetTheSameValidationAsCsv() throws Exception {
    String lines =
        List.of(jsonRow(trade("T1")), jsonRow(trade("T2")), jsonRow(trade("T1"))).stream()
            .collect(Collectors.joining("\n"));
    Path duplicate = write(dir, "dup.jsonl", lines);
    Path side = write(dir, "side.jsonl", jsonRow(trade("T1", "side", "flat")));

    assertThat(assertRejected(() -> TradeFileReader.read(duplicate), 3, "trade_id").reason()).contains("line 1");
    assertRejected(() -> TradeFileReader.read(side), 1, "side");
  }

  @Test
  void theMessageIsWhatTheCliPrints() throws Exception {
    Path file = write(dir, "t.csv", csv(csvRow(trade("T1", "pnl", "NaN"))));

    InputFileException e = rejection(() -> TradeFileReader.read(file));
    assertThat(e.getMessage()).isEqualTo(file + ":2: pnl: must be a finite number, got 'NaN'");
    assertThat(e.file()).isEqualTo(file);
  }

  private static byte[] withBom(String text) throws IOException {
    byte[] body = text.getBytes(StandardCharsets.UTF_8);
    byte[] out = new byte[body.length + 3];
    out[0] = (byte) 0xEF;
    out[1] = (byte) 0xBB;
    out[2] = (byte) 0xBF;
    System.arraycopy(body, 0, out, 3, body.length);
    return out;
  }
}
