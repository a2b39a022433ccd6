package io.tradingactors.domain.input;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The column (CSV) or field (JSON Lines) names a kind of input file may carry, by wire name. Anything else is
 * rejected: a misspelt optional column ({@code riskreward}) would otherwise be dropped without a word.
 *
 * @param required names that must be present, in the order errors about them are reported
 * @param optional names that may be present
 */
record FileSchema(List<String> required, List<String> optional) {

  FileSchema {
    required = List.copyOf(required);
    optional = List.copyOf(optional);
  }

  boolean knows(String name) {
    return required.contains(name) || optional.contains(name);
  }

  /** Every known name, required first, for "expected one of" messages. */
  List<String> all() {
    List<String> all = new ArrayList<>(required);
    all.addAll(optional);
    return all;
  }

  /**
   * The reason to give for an unknown name: suggests the known name it differs from only by case or separators
   * ({@code pnL}, {@code Trade ID}, {@code entry-time}), the typos exporters actually make.
   */
  String unknownReason(String kind, String name) {
    String folded = fold(name);
    for (String known : all()) {
      if (fold(known).equals(folded)) {
        return "unknown " + kind + "; did you mean '" + known + "'? (names are exact snake_case)";
      }
    }
    return "unknown " + kind + "; expected " + String.join(", ", all());
  }

  private static String fold(String name) {
    return name.toLowerCase(Locale.ROOT).replace(" ", "").replace("_", "").replace("-", "");
  }
}
