package io.tradingactors.domain.risk;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The risk decisions as pure functions of (policy, risk state, snapshot figures, time): the risk manager runs them
 * with its clock, the backtest with each event's time ({@link RiskTimeline}). docs/risk.md explains every rule.
 *
 * <p>Each rule keeps its own limit. A rule cuts as soon as its figure reaches a rung below its limit; it lifts only
 * once {@link RiskPolicy#cooldown()} has passed since the last cut of any rule, and then only by its own condition:
 * one step up the consecutive-losses ladder per {@link RiskPolicy#winsPerStep()} consecutive wins (wins already spent
 * on a step are not counted twice); the drawdown rung held once drawdown is below each higher rung's threshold minus
 * the hysteresis; the daily loss limit on a UTC day after the one it tripped on. Exposure is the minimum of the
 * limits, or 0 while an operator's halt stands — the rules keep moving their limits underneath it.
 */
public final class RiskRules {

  private RiskRules() {}

  /**
   * The decision on a snapshot's figures at {@code now}: the event to persist, or empty when no limit moves.
   * Ordering snapshots is the caller's business; the same figures at a later time may lift what was cooling down.
   */
  public static Optional<RiskEvent> evaluate(RiskPolicy policy, RiskState state, RiskInputs in, Instant now) {
    RiskLimits before = state.limits();
    boolean cooled = before.lastCutAt() == null || !now.isBefore(before.lastCutAt().plus(policy.cooldown()));
    List<Change> changes = new ArrayList<>();
    boolean cut = false;

    // consecutive losses
    double losses = before.consecutiveLosses();
    long streakStart = before.winStreakStart();
    long credited = before.winsCredited();
    long streak = in.totalTrades() - in.consecutiveWins(); // identifies the current winning streak
    Ladder.Rung lossRung = policy.consecutiveLosses().rungAt(in.consecutiveLosses(), 0.0);
    double lossCap = lossRung == null ? 1.0 : lossRung.exposure();
    if (lossCap < losses) {
      changes.add(new Change(RiskRule.CONSECUTIVE_LOSSES, losses, lossCap,
          in.consecutiveLosses() + " consecutive losses reached the rung at " + num(lossRung.threshold())));
      losses = lossCap;
      streakStart = streak;
      credited = in.consecutiveWins();
      cut = true;
    } else if (losses < 1.0 && cooled) {
      long already = streak == before.winStreakStart() ? before.winsCredited() : 0;
      long steps = (in.consecutiveWins() - already) / policy.winsPerStep();
      if (steps > 0) {
        double lifted = losses;
        for (long i = 0; i < steps && lifted < 1.0; i++) {
          lifted = policy.consecutiveLosses().stepUp(lifted);
        }
        lifted = Math.min(lifted, lossCap);
        changes.add(new Change(RiskRule.CONSECUTIVE_LOSSES, losses, lifted,
            in.consecutiveWins() + " consecutive wins after the cooldown, one step up per "
                + policy.winsPerStep() + " wins"));
        losses = lifted;
        streakStart = streak;
        credited = already + steps * policy.winsPerStep();
      }
    }

    // drawdown
    double drawdown = before.drawdown();
    if (in.currentDrawdown() != null) {
      double dd = in.currentDrawdown();
      Ladder.Rung reached = policy.drawdown().rungAt(dd, 0.0);
      double cap = reached == null ? 1.0 : reached.exposure();
      if (cap < drawdown) {
        changes.add(new Change(RiskRule.DRAWDOWN, drawdown, cap,
            "drawdown " + pct(dd) + " reached the rung at " + pct(reached.threshold())));
        drawdown = cap;
        cut = true;
      } else if (drawdown < 1.0 && cooled) {
        Ladder.Rung held = policy.drawdown().rungAt(dd, policy.drawdownHysteresis());
        double level = held == null ? 1.0 : held.exposure();
        if (level > drawdown) {
          changes.add(new Change(RiskRule.DRAWDOWN, drawdown, level,
              "drawdown " + pct(dd) + " is back below each higher rung's threshold less the hysteresis of "
                  + pct(policy.drawdownHysteresis())));
          drawdown = level;
        }
      }
    }

    // daily loss
    double daily = before.dailyLoss();
    LocalDate dailyDay = before.dailyLossDay();
    DailyLossLimit rule = policy.dailyLoss();
    LocalDate today = utcDay(now);
    boolean current = in.day() != null && !in.day().isBefore(today); // figures of an earlier day are history
    boolean tripped =
        rule.enabled()
            && current
            && in.dayOpeningBalance() != null
            && in.dayNetPnl() <= -rule.limit() * in.dayOpeningBalance();
    if (tripped && rule.exposure() < daily) {
      changes.add(new Change(RiskRule.DAILY_LOSS, daily, rule.exposure(),
          "net pnl of " + in.day() + " is " + num(in.dayNetPnl()) + ", " + pct(in.dayReturn())
              + " of the day's opening balance " + num(in.dayOpeningBalance()) + ", at or past the limit of -"
              + pct(rule.limit())));
      daily = rule.exposure();
      dailyDay = in.day();
      cut = true;
    } else if (daily < 1.0 && cooled && !tripped
        && (!rule.enabled() || dailyDay == null || today.isAfter(dailyDay))) {
      changes.add(new Change(RiskRule.DAILY_LOSS, daily, 1.0,
          rule.enabled() ? "a new UTC day began (" + today + ")" : "the daily loss limit is off in the policy"));
      daily = 1.0;
    }

    if (changes.isEmpty()) {
      return Optional.empty();
    }
    RiskLimits after =
        new RiskLimits(
            losses, drawdown, daily, before.halted(), cut ? now : before.lastCutAt(), dailyDay, streakStart,
            credited);
    return Optional.of(decision(before, after, changes, in.sequenceNr(), in, now));
  }

  /** An operator's halt: exposure 0 until {@link #resume}; empty when already halted. */
  public static Optional<RiskEvent> halt(RiskState state, String reason, RiskInputs figures, Instant now) {
    RiskLimits before = state.limits();
    if (before.halted()) {
      return Optional.empty();
    }
    return Optional.of(decision(before, before.withHalted(true),
        List.of(new Change(RiskRule.MANUAL_HALT, 1.0, 0.0, "halted by an operator: " + reason)),
        sequenceNr(state, figures), figures, now));
  }

  /** Lifts an operator's halt: exposure back to what the rules allow now; empty when not halted. */
  public static Optional<RiskEvent> resume(RiskState state, String reason, RiskInputs figures, Instant now) {
    RiskLimits before = state.limits();
    if (!before.halted()) {
      return Optional.empty();
    }
    return Optional.of(decision(before, before.withHalted(false),
        List.of(new Change(RiskRule.MANUAL_HALT, 0.0, 1.0, "resumed by an operator: " + reason)),
        sequenceNr(state, figures), figures, now));
  }

  /**
   * When a decision could next change without a new snapshot — the end of the cooldown, or the UTC midnight after the
   * daily loss limit tripped — if later than {@code now}; empty when no rule is holding exposure down.
   */
  public static Optional<Instant> nextReview(RiskPolicy policy, RiskState state, Instant now) {
    RiskLimits l = state.limits();
    if (l.automatic() >= 1.0) {
      return Optional.empty();
    }
    Instant next = null;
    if (l.lastCutAt() != null) {
      Instant cooled = l.lastCutAt().plus(policy.cooldown());
      if (cooled.isAfter(now)) {
        next = cooled;
      }
    }
    if (l.dailyLoss() < 1.0 && l.dailyLossDay() != null) {
      Instant midnight = l.dailyLossDay().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
      if (midnight.isAfter(now) && (next == null || midnight.isBefore(next))) {
        next = midnight;
      }
    }
    return Optional.ofNullable(next);
  }

  private static RiskEvent decision(
      RiskLimits before, RiskLimits after, List<Change> changes, long sequenceNr, RiskInputs figures, Instant now) {
    StringBuilder reason = new StringBuilder();
    for (Change c : changes) {
      if (reason.length() > 0) {
        reason.append("; ");
      }
      reason.append(c.rule().wireName()).append(' ').append(num(c.from())).append(" -> ").append(num(c.to()))
          .append(": ").append(c.why());
    }
    double from = before.exposure();
    double to = after.exposure();
    if (from != to) {
      // The rule that now sets the exposure, if one of those that moved; else the first that moved.
      Change explaining = changes.stream().filter(c -> c.to() == to).findFirst().orElse(changes.get(0));
      return new ExposureChanged(
          from, to, explaining.rule().wireName(), reason.toString(), sequenceNr, figures, now, after);
    }
    Change first = changes.get(0);
    return new LimitChanged(
        first.rule().wireName(), first.from(), first.to(), reason.toString(), sequenceNr, figures, now, after);
  }

  private static long sequenceNr(RiskState state, RiskInputs figures) {
    return figures == null ? state.lastSnapshotSequenceNr() : figures.sequenceNr();
  }

  private static LocalDate utcDay(Instant t) {
    return LocalDate.ofInstant(t, ZoneOffset.UTC);
  }

  /** A number as written in a policy: 0.5, 0.25, 3, -612.5 (no exponent, no trailing zeros, at most 4 decimals). */
  static String num(double x) {
    return BigDecimal.valueOf(x).setScale(4, java.math.RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString();
  }

  private static String pct(double fraction) {
    return String.format(Locale.ROOT, "%.2f%%", fraction * 100.0);
  }

  private record Change(RiskRule rule, double from, double to, String why) {}
}
