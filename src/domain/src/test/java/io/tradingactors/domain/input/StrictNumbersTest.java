package io.tradingactors.domain.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class StrictNumbersTest {

  @ParameterizedTest
  @CsvSource({"12.5, 12.5", "-3, -3", "+4, 4", ".5, 0.5", "5., 5", "1e3, 1000", "2.5E-2, 0.025", "-0, 0"})
  void acceptsPlainDecimals(String text, double expected) {
    assertThat(StrictNumbers.parse(text)).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"", "abc", "1,5", "1 000", "0x10", "0x1p3", "1d", "2f", "1e", "e5", ".", "+", "1.2.3", "١٢", "$5"})
  void rejectsAnythingElse(String text) {
    assertThatThrownBy(() -> StrictNumbers.parse(text))
        .isInstanceOf(NumberFormatException.class)
        .hasMessage("is not a number: '" + text + "'");
  }

  @ParameterizedTest
  @ValueSource(strings = {"NaN", "nan", "Infinity", "-Infinity", "+inf", "∞"})
  void rejectsNonFiniteWordsAsNotFinite(String text) {
    assertThatThrownBy(() -> StrictNumbers.parse(text))
        .isInstanceOf(NumberFormatException.class)
        .hasMessage("must be a finite number, got '" + text + "'");
  }

  @ParameterizedTest
  @ValueSource(strings = {"1e999", "-1e309", "179769313486231580793728971405303415079934132710037826936173778980444968292764750946649017977587207096330286416692887910946555547851940402630657488671505820681908902000708383676273854845817711531764475730270069855571366959622842914819860834936475292719074168444365510704342711559699508093042880177904174497792"})
  void rejectsOverflow(String text) {
    assertThatThrownBy(() -> StrictNumbers.parse(text))
        .isInstanceOf(NumberFormatException.class)
        .hasMessageStartingWith("is out of range: ");
  }

  /** Edge cases (extremes, subnormals, ±0) plus seeded random bit patterns: every finite double round-trips. */
  @org.junit.jupiter.api.Test
  void everyFiniteDoubleRoundTripsThroughItsText() {
    java.util.List<Double> values = new java.util.ArrayList<>(java.util.List.of(
        Double.MAX_VALUE, -Double.MAX_VALUE, Double.MIN_VALUE, -Double.MIN_VALUE, Double.MIN_NORMAL, 0.0, -0.0,
        1.0, -1.0, 0.1, 1e-300, 123456789.123456789));
    java.util.SplittableRandom rnd = new java.util.SplittableRandom(7);
    while (values.size() < 5_000) {
      double v = Double.longBitsToDouble(rnd.nextLong());
      if (Double.isFinite(v)) {
        values.add(v);
      }
    }
    for (double value : values) {
      Double expected = value == 0 ? 0.0 : value;
      assertThat(Double.valueOf(StrictNumbers.parse(Double.toString(value)))).as("%s", value).isEqualTo(expected);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"-0", "-0.0", "-0e5"})
  void negativeZeroIsReadAsZero(String text) {
    // Double.equals (and so record equality) tells -0.0 from 0.0; a file must not.
    assertThat(Double.valueOf(StrictNumbers.parse(text))).isEqualTo(Double.valueOf(0.0));
  }
}
