package io.tradingactors.domain.risk;

import java.util.List;

/**
 * A rule's ladder: the further a figure goes past each rung's threshold, the lower the exposure. Thresholds rise and
 * exposures fall strictly from rung to rung (validated by {@link RiskPolicy}); an empty ladder never cuts.
 */
public record Ladder(List<Rung> rungs) {

  /**
   * One rung: from {@code threshold} on (inclusive), exposure is at most {@code exposure}.
   *
   * @param threshold where the rung starts: a count of consecutive losses, or a drawdown as a fraction
   * @param exposure the exposure multiplier the rung allows, in [0, 1]
   */
  public record Rung(double threshold, double exposure) {}

  public static final Ladder NONE = new Ladder(List.of());

  public Ladder {
    rungs = List.copyOf(rungs);
  }

  public static Ladder of(double... thresholdExposurePairs) {
    Rung[] rungs = new Rung[thresholdExposurePairs.length / 2];
    for (int i = 0; i < rungs.length; i++) {
      rungs[i] = new Rung(thresholdExposurePairs[2 * i], thresholdExposurePairs[2 * i + 1]);
    }
    return new Ladder(List.of(rungs));
  }

  /** The exposure the ladder allows at {@code value}: that of the highest rung reached, 1 when none is. */
  public double exposureAt(double value) {
    Rung reached = rungAt(value, 0.0);
    return reached == null ? 1.0 : reached.exposure();
  }

  /**
   * The highest rung still held at {@code value} when each rung is only let go once the value is {@code margin}
   * below its threshold (hysteresis); null when none is held.
   */
  public Rung rungAt(double value, double margin) {
    Rung held = null;
    for (Rung r : rungs) {
      if (value >= r.threshold() - margin) {
        held = r;
      }
    }
    return held;
  }

  /** The next exposure up from {@code exposure}: the lowest rung exposure above it, or 1 (no limit) past the top. */
  public double stepUp(double exposure) {
    double next = 1.0;
    for (Rung r : rungs) {
      if (r.exposure() > exposure && r.exposure() < next) {
        next = r.exposure();
      }
    }
    return next;
  }
}
