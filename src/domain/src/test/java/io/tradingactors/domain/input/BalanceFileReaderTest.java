package io.tradingactors.domain.input;

import static io.tradingactors.domain.input.Fixtures.assertRejected;
import static io.tradingactors.domain.input.Fixtures.write;
import static org.assertj.core.api.Assertions.assertThat;

import io.tradingactors.domain.event.BalanceUpdated;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BalanceFileReaderTest {

  @TempDir Path dir;

  @Test
  void csvAndJsonLinesGiveIdenticalBalances() throws Exception {
    Path csv =
        write(dir, "b.csv", "time,balance\n2025-03-01T00:00:00Z,10000\n1740837600000,10040.07\r\n");
    Path jsonl =
        write(
            dir,
            "b.jsonl",
            "{\"time\":\"2025-03-01T00:00:00Z\",\"balance\":10000}\n"
                + "{\"balance\":10040.07,\"time\":1740837600000}\n");

    List<BalanceUpdated> expected =
        List.of(
            new BalanceUpdated(Instant.parse("2025-03-01T00:00:00Z"), 10000),
            new BalanceUpdated(Instant.parse("2025-03-01T14:00:00Z"), 10040.07));
    assertThat(BalanceFileReader.read(csv)).extracting(ParsedBalance::balance).isEqualTo(expected);
    assertThat(BalanceFileReader.read(csv)).extracting(ParsedBalance::line).containsExactly(2L, 3L);
    assertThat(BalanceFileReader.read(jsonl)).extracting(ParsedBalance::balance).isEqualTo(expected);
    assertThat(BalanceFileReader.read(jsonl)).extracting(ParsedBalance::line).containsExactly(1L, 2L);
  }

  @Test
  void columnOrderIsFree() throws Exception {
    Path csv = write(dir, "b.csv", "balance,time\n10000,2025-03-01T00:00:00Z\n");

    assertThat(BalanceFileReader.read(csv).get(0).balance())
        .isEqualTo(new BalanceUpdated(Instant.parse("2025-03-01T00:00:00Z"), 10000));
  }

  @ParameterizedTest
  @CsvSource({"-5, must be greater than 0", "0, must be greater than 0", "-0, must be greater than 0"})
  void aBalanceMustBePositive(String balance, String reason) throws Exception {
    Path csv = write(dir, "b.csv", "time,balance\n2025-03-01T00:00:00Z,10000\n2025-03-02T00:00:00Z," + balance + "\n");

    InputFileException e = assertRejected(() -> BalanceFileReader.read(csv), 3, "balance");
    assertThat(e.reason()).contains(reason);
  }

  @Test
  void aBalanceMustBePositiveInJsonLinesToo() throws Exception {
    Path jsonl = write(dir, "b.jsonl", "{\"time\":\"2025-03-01T00:00:00Z\",\"balance\":0}\n");

    assertRejected(() -> BalanceFileReader.read(jsonl), 1, "balance");
  }

  @ParameterizedTest
  @CsvSource({"NaN, finite", "Infinity, finite", "1e999, out of range", "10 000, not a number"})
  void aBalanceMustBeAFiniteNumber(String balance, String reason) throws Exception {
    Path csv = write(dir, "b.csv", "time,balance\n2025-03-01T00:00:00Z," + balance + "\n");

    InputFileException e = assertRejected(() -> BalanceFileReader.read(csv), 2, "balance");
    assertThat(e.reason()).contains(reason);
  }

  @Test
  void aTimeWithoutOffsetIsRejected() throws Exception {
    Path csv = write(dir, "b.csv", "time,balance\n2025-03-01 00:00:00,10000\n");

    InputFileException e = assertRejected(() -> BalanceFileReader.read(csv), 2, "time");
    assertThat(e.reason()).contains("needs an offset");
  }

  @Test
  void unknownAndMissingColumnsAreRejected() throws Exception {
    Path extra = write(dir, "a.csv", "time,balance,equity\n2025-03-01T00:00:00Z,10000,10000\n");
    Path missing = write(dir, "b.csv", "time\n2025-03-01T00:00:00Z\n");

    assertRejected(() -> BalanceFileReader.read(extra), 1, "equity");
    assertRejected(() -> BalanceFileReader.read(missing), 1, "balance");
  }

  @Test
  void jsonLinesAreStrict() throws Exception {
    Path stringNumber = write(dir, "a.jsonl", "{\"time\":\"2025-03-01T00:00:00Z\",\"balance\":\"10000\"}\n");
    Path unknown = write(dir, "b.jsonl", "{\"time\":\"2025-03-01T00:00:00Z\",\"balance\":1,\"currency\":\"USD\"}\n");
    Path malformed = write(dir, "c.jsonl", "{\"time\":\"2025-03-01T00:00:00Z\",\"balance\":1}\n{time:1}\n");

    assertThat(assertRejected(() -> BalanceFileReader.read(stringNumber), 1, "balance").reason())
        .contains("must be a JSON number");
    assertRejected(() -> BalanceFileReader.read(unknown), 1, "currency");
    assertRejected(() -> BalanceFileReader.read(malformed), 2, null);
  }
}
