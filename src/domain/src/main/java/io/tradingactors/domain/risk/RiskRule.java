package io.tradingactors.domain.risk;

/** The rules that can limit exposure, by the names decisions carry (stable: they are in the journal and the API). */
public enum RiskRule {
  CONSECUTIVE_LOSSES("consecutive_losses"),
  DRAWDOWN("drawdown"),
  DAILY_LOSS("daily_loss"),
  MANUAL_HALT("manual_halt");

  private final String wireName;

  RiskRule(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }
}
