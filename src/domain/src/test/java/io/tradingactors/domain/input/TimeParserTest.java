package io.tradingactors.domain.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DateTimeException;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TimeParserTest {

  @ParameterizedTest
  @CsvSource({
    "2025-03-01T14:00:00Z,             2025-03-01T14:00:00Z",
    "2025-03-01T16:00:00+02:00,        2025-03-01T14:00:00Z",
    "2025-03-01T09:30:00-04:30,        2025-03-01T14:00:00Z",
    "2025-03-01T14:00:00.123456789Z,   2025-03-01T14:00:00.123456789Z",
    "2025-03-01T14:00Z,                2025-03-01T14:00:00Z",
    "2025-03-01 14:00:00+00:00,        2025-03-01T14:00:00Z",
    "1740837600000,                    2025-03-01T14:00:00Z",
    "1740837600001,                    2025-03-01T14:00:00.001Z",
    "0,                                1970-01-01T00:00:00Z",
    "-1000,                            1969-12-31T23:59:59Z",
  })
  void acceptsIsoWithOffsetAndEpochMilliseconds(String text, String expected) {
    assertThat(TimeParser.parse(text)).isEqualTo(Instant.parse(expected));
  }

  @ParameterizedTest
  @ValueSource(strings = {"2025-03-01T14:00:00", "2025-03-01 14:00:00", "2025-03-01T14:00:00.5", "2025-03-01"})
  void rejectsALocalTimeAskingForAnOffset(String text) {
    assertThatThrownBy(() -> TimeParser.parse(text))
        .isInstanceOf(DateTimeException.class)
        .hasMessage("'" + text + "' has no offset; needs an offset such as Z or +02:00, or epoch milliseconds");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "yesterday",
        "2025-02-30T00:00:00Z",
        "2025-03-01T25:00:00Z",
        "1.7408376E12",
        "+1740837600000",
        "1740837600000ms",
        "--5",
        "-",
        "٢٠٢٥"
      })
  void rejectsWhatIsNotATime(String text) {
    assertThatThrownBy(() -> TimeParser.parse(text))
        .isInstanceOf(DateTimeException.class)
        .hasMessageContaining("'" + text + "' is not a time");
  }

  @Test
  void rejectsEpochMillisecondsBeyondLong() {
    assertThatThrownBy(() -> TimeParser.parse("99999999999999999999"))
        .isInstanceOf(DateTimeException.class)
        .hasMessageContaining("out of range for epoch milliseconds");
  }

  @Test
  void rejectsBlankText() {
    assertThatThrownBy(() -> TimeParser.parse("  ")).isInstanceOf(DateTimeException.class);
  }

  /** Seeded random instants over years 1–9999 plus the range's ends: epoch-ms text and ISO text agree. */
  @org.junit.jupiter.api.Test
  void epochMillisecondsAndIsoDenoteTheSameInstant() {
    long min = -62_135_596_800_000L;
    long max = 253_402_300_799_999L;
    java.util.SplittableRandom rnd = new java.util.SplittableRandom(20251122);
    java.util.List<Long> samples = new java.util.ArrayList<>(java.util.List.of(min, max, 0L, -1L, 1L));
    for (int i = 0; i < 2_000; i++) {
      samples.add(rnd.nextLong(min, max + 1));
    }
    for (long millis : samples) {
      Instant instant = Instant.ofEpochMilli(millis);
      assertThat(TimeParser.parse(Long.toString(millis))).as("%d", millis).isEqualTo(instant);
      assertThat(TimeParser.parse(instant.toString())).as("%s", instant).isEqualTo(instant);
    }
  }
}
