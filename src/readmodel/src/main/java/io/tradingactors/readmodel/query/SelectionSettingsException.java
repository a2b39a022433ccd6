package io.tradingactors.readmodel.query;

import java.util.List;

/** The selection or drift configuration has bad values: every problem at once, each as "full.key: what is wrong". */
public final class SelectionSettingsException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  private final List<String> problems;

  public SelectionSettingsException(List<String> problems) {
    super("invalid selection settings: " + String.join("; ", problems));
    this.problems = List.copyOf(problems);
  }

  /** Each problem as "full.key: what is wrong". */
  public List<String> problems() {
    return problems;
  }
}
