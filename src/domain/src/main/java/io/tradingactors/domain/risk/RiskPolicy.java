package io.tradingactors.domain.risk;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The rules that set a strategy's exposure multiplier (1 = full size, 0 = halted); docs/risk.md explains each with an
 * example. The exposure is the minimum over what each rule allows; a rule that cut recovers only after
 * {@code cooldown} has passed since the last cut, by its own recovery condition.
 *
 * <p>Every value is checked on construction; a bad one throws {@link RiskPolicyException} naming its key as written in
 * {@code hocon/risk-policy.conf} (e.g. {@code drawdown.ladder[1].exposure}).
 *
 * @param consecutiveLosses rungs over the current losing streak (thresholds are whole numbers of trades); recovers one
 *     step up the ladder per {@code winsPerStep} consecutive wins
 * @param drawdown rungs over the current drawdown (thresholds are fractions in (0, 1]); a rung is let go once the
 *     drawdown is below its threshold minus {@code drawdownHysteresis}
 * @param drawdownHysteresis in [0, 1): how far below a rung's threshold the drawdown must come back to lift it
 * @param dailyLoss the daily loss limit; lifts on the next UTC day
 * @param cooldown no limit is raised before this much time has passed since the last cut (≥ 0)
 * @param winsPerStep consecutive wins per step up the consecutive-losses ladder (≥ 1)
 */
public record RiskPolicy(
    Ladder consecutiveLosses,
    Ladder drawdown,
    double drawdownHysteresis,
    DailyLossLimit dailyLoss,
    Duration cooldown,
    int winsPerStep) {

  /** The defaults of issue 5 and hocon/risk-policy.conf. */
  public static final RiskPolicy DEFAULTS =
      new RiskPolicy(
          Ladder.of(3, 0.5, 5, 0.25, 8, 0.0),
          Ladder.of(0.10, 0.5, 0.20, 0.0),
          0.02,
          new DailyLossLimit(true, 0.05, 0.0),
          Duration.ofMinutes(30),
          2);

  public RiskPolicy {
    List<String> problems = new ArrayList<>();
    if (consecutiveLosses == null) {
      problems.add("consecutive-losses.ladder: is missing");
    } else {
      checkLadder("consecutive-losses.ladder", consecutiveLosses, true, problems);
    }
    if (drawdown == null) {
      problems.add("drawdown.ladder: is missing");
    } else {
      checkLadder("drawdown.ladder", drawdown, false, problems);
    }
    if (!(drawdownHysteresis >= 0.0 && drawdownHysteresis < 1.0)) {
      problems.add("drawdown.hysteresis: " + drawdownHysteresis + " is outside [0, 1)");
    }
    if (dailyLoss == null) {
      problems.add("daily-loss: is missing");
    } else if (dailyLoss.enabled()) {
      if (!(dailyLoss.limit() > 0.0 && dailyLoss.limit() <= 1.0)) {
        problems.add("daily-loss.limit: " + dailyLoss.limit() + " is outside (0, 1]");
      }
      if (!inUnitInterval(dailyLoss.exposure())) {
        problems.add("daily-loss.exposure: " + dailyLoss.exposure() + " is outside [0, 1]");
      }
    }
    if (cooldown == null || cooldown.isNegative()) {
      problems.add("recovery.cooldown: " + cooldown + " must be zero or more");
    }
    if (winsPerStep < 1) {
      problems.add("recovery.wins-per-step: " + winsPerStep + " must be at least 1");
    }
    if (!problems.isEmpty()) {
      throw new RiskPolicyException(problems);
    }
  }

  private static void checkLadder(String key, Ladder ladder, boolean counts, List<String> problems) {
    Ladder.Rung previous = null;
    for (int i = 0; i < ladder.rungs().size(); i++) {
      Ladder.Rung r = ladder.rungs().get(i);
      String at = key + "[" + i + "].";
      double t = r.threshold();
      if (counts && !(t >= 1.0 && t == Math.rint(t) && t <= Integer.MAX_VALUE)) {
        problems.add(at + "at: " + t + " is not a whole number of trades of at least 1");
      } else if (!counts && !(t > 0.0 && t <= 1.0)) {
        problems.add(at + "at: " + t + " is outside (0, 1]");
      }
      if (!inUnitInterval(r.exposure())) {
        problems.add(at + "exposure: " + r.exposure() + " is outside [0, 1]");
      }
      if (previous != null) {
        if (!(t > previous.threshold())) {
          problems.add(at + "at: " + t + " is not above the previous rung's " + previous.threshold()
              + " (thresholds must rise from rung to rung)");
        }
        if (!(r.exposure() < previous.exposure())) {
          problems.add(at + "exposure: " + r.exposure() + " is not below the previous rung's "
              + previous.exposure() + " (a ladder must cut deeper as it goes)");
        }
      }
      previous = r;
    }
  }

  private static boolean inUnitInterval(double x) {
    return x >= 0.0 && x <= 1.0;
  }
}
