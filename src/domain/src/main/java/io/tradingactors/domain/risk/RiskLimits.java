package io.tradingactors.domain.risk;

import java.time.Instant;
import java.time.LocalDate;

/**
 * What each rule currently allows, and the bookkeeping its recovery needs: the whole persistent risk state of a
 * strategy. Every risk event carries the limits after it, so recovery from the journal is "take the last one".
 *
 * @param consecutiveLosses the exposure the consecutive-losses rule allows (1 = no limit)
 * @param drawdown the exposure the drawdown rule allows
 * @param dailyLoss the exposure the daily loss limit allows
 * @param halted an operator's halt: exposure 0 whatever the rules say, until resumed
 * @param lastCutAt when a rule last lowered its limit (the cooldown runs from here); null if never
 * @param dailyLossDay the UTC day the daily loss limit tripped on; null if never
 * @param winStreakStart the trade count before the winning streak whose wins were last credited to a recovery step
 * @param winsCredited wins of that streak already spent on steps up the consecutive-losses ladder
 */
public record RiskLimits(
    double consecutiveLosses,
    double drawdown,
    double dailyLoss,
    boolean halted,
    Instant lastCutAt,
    LocalDate dailyLossDay,
    long winStreakStart,
    long winsCredited) {

  public static final RiskLimits NONE = new RiskLimits(1.0, 1.0, 1.0, false, null, null, -1, 0);

  /** The minimum over the rules, ignoring an operator's halt. */
  public double automatic() {
    return Math.min(consecutiveLosses, Math.min(drawdown, dailyLoss));
  }

  /** The exposure multiplier: 0 while halted, else the minimum over the rules. */
  public double exposure() {
    return halted ? 0.0 : automatic();
  }

  RiskLimits withHalted(boolean h) {
    return new RiskLimits(
        consecutiveLosses, drawdown, dailyLoss, h, lastCutAt, dailyLossDay, winStreakStart, winsCredited);
  }
}
