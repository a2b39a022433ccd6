package io.tradingactors.domain.input;

import java.util.Locale;

/**
 * Parses a numeric CSV cell strictly: a plain decimal ({@code -12.5}, {@code .5}, {@code 3e-4}) and nothing else.
 *
 * <p>{@link Double#parseDouble} alone is too lenient for evidence: it accepts {@code NaN}, {@code Infinity}, hex
 * floats and type suffixes ({@code 1d}, {@code 2f}), and turns {@code 1e999} into infinity. Each of those in a
 * backtest file is a bug in the exporter that must be reported, not folded into the metrics.
 */
final class StrictNumbers {

  private StrictNumbers() {}

  /**
   * The finite double the text denotes; {@code -0} is read as {@code 0} so that equal files give equal records.
   *
   * @throws NumberFormatException with a message meant for the user (quoting the text)
   */
  static double parse(String text) {
    if (!isPlainDecimal(text)) {
      if (isNonFiniteWord(text)) {
        throw new NumberFormatException(
            "must be a finite number, got " + InputFileException.quote(text));
      }
      throw new NumberFormatException("is not a number: " + InputFileException.quote(text));
    }
    double value = Double.parseDouble(text);
    if (Double.isInfinite(value)) {
      throw new NumberFormatException(
          "is out of range: " + InputFileException.quote(text) + " does not fit a finite double");
    }
    return value + 0.0; // -0.0 + 0.0 == +0.0
  }

  /** {@code [+-]? (digits [. digits?] | . digits) ([eE] [+-]? digits)?}, ASCII digits only. */
  static boolean isPlainDecimal(String text) {
    int n = text.length();
    int i = 0;
    if (i < n && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
      i++;
    }
    int intDigits = 0;
    while (i < n && isDigit(text.charAt(i))) {
      i++;
      intDigits++;
    }
    int fracDigits = 0;
    if (i < n && text.charAt(i) == '.') {
      i++;
      while (i < n && isDigit(text.charAt(i))) {
        i++;
        fracDigits++;
      }
    }
    if (intDigits + fracDigits == 0) {
      return false;
    }
    if (i < n && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
      i++;
      if (i < n && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
        i++;
      }
      int expDigits = 0;
      while (i < n && isDigit(text.charAt(i))) {
        i++;
        expDigits++;
      }
      if (expDigits == 0) {
        return false;
      }
    }
    return i == n;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /** NaN and the spellings of infinity that spreadsheets and languages write, so the message can say "finite". */
  private static boolean isNonFiniteWord(String text) {
    String word = text.toLowerCase(Locale.ROOT);
    if (word.startsWith("+") || word.startsWith("-")) {
      word = word.substring(1);
    }
    return word.equals("nan") || word.equals("inf") || word.equals("infinity") || word.equals("∞");
  }
}
