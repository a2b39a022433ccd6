package io.tradingactors.domain.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RiskRulesTest {

  private static final RiskPolicy POLICY = RiskPolicy.DEFAULTS;
  private static final Instant T0 = Instant.parse("2025-03-03T10:00:00Z");
  private static final Duration COOLDOWN = POLICY.cooldown();

  /** A strategy with balances: streaks and drawdown as given, a flat day. */
  private static RiskInputs figures(long seq, long trades, long wins, long losses, double drawdown) {
    return new RiskInputs(seq, T0, trades, wins, losses, 10_000 * (1 - drawdown), drawdown,
        LocalDate.ofInstant(T0, ZoneOffset.UTC), 10_000.0, 0.0);
  }

  private static RiskInputs streak(long seq, long trades, long wins, long losses) {
    return figures(seq, trades, wins, losses, 0.0);
  }

  /** Applies the decision (if any) and returns the new state. */
  private static RiskState step(RiskState s, RiskInputs in, Instant now) {
    return RiskRules.evaluate(POLICY, s, in, now).map(s::apply).orElse(s);
  }

  @Test
  void the_consecutive_losses_ladder_cuts_at_3_5_and_8_losses() {
    RiskState s = RiskState.INITIAL;
    assertThat(RiskRules.evaluate(POLICY, s, streak(1, 2, 0, 2), T0)).isEmpty();

    RiskEvent third = RiskRules.evaluate(POLICY, s, streak(2, 3, 0, 3), T0).orElseThrow();
    assertThat(third).isInstanceOf(ExposureChanged.class);
    ExposureChanged cut = (ExposureChanged) third;
    assertThat(cut.from()).isEqualTo(1.0);
    assertThat(cut.to()).isEqualTo(0.5);
    assertThat(cut.rule()).isEqualTo("consecutive_losses");
    assertThat(cut.reason()).isEqualTo("consecutive_losses 1 -> 0.5: 3 consecutive losses reached the rung at 3");
    assertThat(cut.snapshotSequenceNr()).isEqualTo(2);
    assertThat(cut.figures().consecutiveLosses()).isEqualTo(3);
    assertThat(cut.at()).isEqualTo(T0);
    assertThat(cut.limits().lastCutAt()).isEqualTo(T0);
    s = s.apply(cut);

    assertThat(RiskRules.evaluate(POLICY, s, streak(3, 4, 0, 4), T0.plusSeconds(1))).isEmpty();
    s = step(s, streak(4, 5, 0, 5), T0.plusSeconds(2));
    assertThat(s.exposure()).isEqualTo(0.25);
    s = step(s, streak(5, 8, 0, 8), T0.plusSeconds(3));
    assertThat(s.exposure()).isEqualTo(0.0);
    assertThat(s.lastExposureChange().rule()).isEqualTo("consecutive_losses");
    assertThat(s.limits().lastCutAt()).isEqualTo(T0.plusSeconds(3));
  }

  @Test
  void several_losses_at_once_cut_straight_to_the_rung_reached() {
    ExposureChanged cut =
        (ExposureChanged) RiskRules.evaluate(POLICY, RiskState.INITIAL, streak(1, 6, 0, 6), T0).orElseThrow();
    assertThat(cut.to()).isEqualTo(0.25);
  }

  @Test
  void after_the_cooldown_every_two_consecutive_wins_lift_one_step_up_the_ladder() {
    RiskState s = step(RiskState.INITIAL, streak(1, 8, 0, 8), T0); // 0: halted by the ladder
    assertThat(s.exposure()).isEqualTo(0.0);
    Instant cooled = T0.plus(COOLDOWN);

    // Wins during the cooldown lift nothing, even many.
    assertThat(RiskRules.evaluate(POLICY, s, streak(2, 10, 2, 0), cooled.minusSeconds(1))).isEmpty();
    // Once it has passed, those two wins are one step: 0 → 0.25.
    s = step(s, streak(2, 10, 2, 0), cooled);
    assertThat(s.exposure()).isEqualTo(0.25);
    assertThat(s.lastExposureChange().reason())
        .isEqualTo("consecutive_losses 0 -> 0.25: 2 consecutive wins after the cooldown, one step up per 2 wins");
    // The same snapshot again (a timer review) does not spend the same wins twice.
    assertThat(RiskRules.evaluate(POLICY, s, streak(2, 10, 2, 0), cooled.plusSeconds(5))).isEmpty();
    // A third win is not yet a step; the fourth is.
    assertThat(RiskRules.evaluate(POLICY, s, streak(3, 11, 3, 0), cooled.plusSeconds(6))).isEmpty();
    s = step(s, streak(4, 12, 4, 0), cooled.plusSeconds(7));
    assertThat(s.exposure()).isEqualTo(0.5);
    // Four more wins in one snapshot: two steps, 0.5 → 1 (the top), no further.
    s = step(s, streak(5, 16, 8, 0), cooled.plusSeconds(8));
    assertThat(s.exposure()).isEqualTo(1.0);
    assertThat(RiskRules.nextReview(POLICY, s, cooled.plusSeconds(8))).isEmpty();
  }

  @Test
  void a_broken_winning_streak_starts_counting_again() {
    RiskState s = step(RiskState.INITIAL, streak(1, 5, 0, 5), T0); // 0.25
    Instant cooled = T0.plus(COOLDOWN);
    assertThat(RiskRules.evaluate(POLICY, s, streak(2, 6, 1, 0), cooled)).isEmpty();
    // One win, then a breakeven (ends the streak), then one win: a new streak of 1, no step.
    assertThat(RiskRules.evaluate(POLICY, s, streak(3, 8, 1, 0), cooled.plusSeconds(1))).isEmpty();
    s = step(s, streak(4, 9, 2, 0), cooled.plusSeconds(2));
    assertThat(s.exposure()).isEqualTo(0.5);
    // A loss, then two wins: a new streak, whose two wins are a new step.
    s = step(s, streak(5, 12, 2, 0), cooled.plusSeconds(3));
    assertThat(s.exposure()).isEqualTo(1.0);
  }

  @Test
  void a_new_cut_restarts_the_cooldown() {
    RiskState s = step(RiskState.INITIAL, streak(1, 3, 0, 3), T0); // 0.5
    Instant later = T0.plus(COOLDOWN).minusSeconds(60);
    s = step(s, figures(2, 3, 0, 3, 0.12), later); // the drawdown rule cuts too: its own limit, 0.5
    assertThat(s.limits().drawdown()).isEqualTo(0.5);
    assertThat(s.limits().lastCutAt()).isEqualTo(later);
    // Two wins 30 minutes after the first cut, but only 1 minute after the second: nothing lifts yet.
    assertThat(RiskRules.evaluate(POLICY, s, figures(3, 5, 2, 0, 0.0), T0.plus(COOLDOWN))).isEmpty();
    s = step(s, figures(3, 5, 2, 0, 0.0), later.plus(COOLDOWN));
    assertThat(s.exposure()).isEqualTo(1.0);
  }

  @Test
  void the_drawdown_ladder_cuts_at_10_and_20_percent_and_lifts_each_rung_2_points_below_it() {
    RiskState s = RiskState.INITIAL;
    assertThat(RiskRules.evaluate(POLICY, s, figures(1, 0, 0, 0, 0.0999), T0)).isEmpty();
    s = step(s, figures(2, 0, 0, 0, 0.10), T0);
    assertThat(s.exposure()).isEqualTo(0.5);
    assertThat(s.lastExposureChange().rule()).isEqualTo("drawdown");
    assertThat(s.lastExposureChange().reason())
        .isEqualTo("drawdown 1 -> 0.5: drawdown 10.00% reached the rung at 10.00%");
    s = step(s, figures(3, 0, 0, 0, 0.21), T0.plusSeconds(10));
    assertThat(s.exposure()).isEqualTo(0.0);

    Instant cooled = T0.plusSeconds(10).plus(COOLDOWN);
    // Below 20% but not below 18%: the top rung holds.
    assertThat(RiskRules.evaluate(POLICY, s, figures(4, 0, 0, 0, 0.185), cooled)).isEmpty();
    // Below 18% before the cooldown: still nothing.
    assertThat(RiskRules.evaluate(POLICY, s, figures(5, 0, 0, 0, 0.15), cooled.minusSeconds(1))).isEmpty();
    s = step(s, figures(5, 0, 0, 0, 0.15), cooled);
    assertThat(s.exposure()).isEqualTo(0.5);
    // Below 10% but not below 8%: the lower rung holds.
    assertThat(RiskRules.evaluate(POLICY, s, figures(6, 0, 0, 0, 0.09), cooled.plusSeconds(1))).isEmpty();
    s = step(s, figures(7, 0, 0, 0, 0.05), cooled.plusSeconds(2));
    assertThat(s.exposure()).isEqualTo(1.0);
  }

  @Test
  void a_deep_recovery_lifts_every_rung_at_once() {
    RiskState s = step(RiskState.INITIAL, figures(1, 0, 0, 0, 0.25), T0);
    s = step(s, figures(2, 0, 0, 0, 0.01), T0.plus(COOLDOWN));
    assertThat(s.exposure()).isEqualTo(1.0);
  }

  @Test
  void the_exposure_is_the_lowest_limit_and_a_rule_moving_under_another_is_a_limit_change() {
    RiskState s = step(RiskState.INITIAL, figures(1, 5, 0, 5, 0.0), T0); // losses: 0.25
    RiskEvent dd = RiskRules.evaluate(POLICY, s, figures(2, 5, 0, 5, 0.12), T0.plusSeconds(1)).orElseThrow();
    assertThat(dd).isInstanceOf(LimitChanged.class);
    LimitChanged limit = (LimitChanged) dd;
    assertThat(limit.rule()).isEqualTo("drawdown");
    assertThat(limit.from()).isEqualTo(1.0);
    assertThat(limit.to()).isEqualTo(0.5);
    s = s.apply(dd);
    assertThat(s.exposure()).isEqualTo(0.25);
    assertThat(s.lastExposureChange().rule()).isEqualTo("consecutive_losses");

    // The losses rule recovers fully, the drawdown rule still holds 0.5: exposure 0.25 → 0.5, explained by the rule
    // that moved.
    Instant cooled = T0.plusSeconds(1).plus(COOLDOWN);
    ExposureChanged up =
        (ExposureChanged) RiskRules.evaluate(POLICY, s, figures(3, 9, 4, 0, 0.12), cooled).orElseThrow();
    assertThat(up.from()).isEqualTo(0.25);
    assertThat(up.to()).isEqualTo(0.5);
    assertThat(up.rule()).isEqualTo("consecutive_losses");
    assertThat(up.limits().drawdown()).isEqualTo(0.5);
  }

  @Test
  void two_rules_cutting_together_name_the_one_that_sets_the_exposure_and_explain_both() {
    ExposureChanged cut =
        (ExposureChanged) RiskRules.evaluate(POLICY, RiskState.INITIAL, figures(1, 3, 0, 3, 0.22), T0)
            .orElseThrow();
    assertThat(cut.to()).isEqualTo(0.0);
    assertThat(cut.rule()).isEqualTo("drawdown");
    assertThat(cut.reason()).contains("consecutive_losses 1 -> 0.5").contains("drawdown 1 -> 0");
  }

  @Test
  void the_daily_loss_limit_trips_at_minus_5_percent_of_the_opening_balance_and_lifts_on_the_next_utc_day() {
    Instant evening = Instant.parse("2025-03-03T23:00:00Z");
    LocalDate day = LocalDate.parse("2025-03-03");
    RiskInputs down499 = new RiskInputs(1, evening, 4, 0, 1, 9_501.0, 0.0499, day, 10_000.0, -499.0);
    assertThat(RiskRules.evaluate(POLICY, RiskState.INITIAL, down499, evening)).isEmpty();
    RiskInputs down500 = new RiskInputs(2, evening, 5, 0, 2, 9_500.0, 0.05, day, 10_000.0, -500.0);
    RiskState s = step(RiskState.INITIAL, down500, evening);
    assertThat(s.exposure()).isEqualTo(0.0);
    assertThat(s.lastExposureChange().rule()).isEqualTo("daily_loss");
    assertThat(s.lastExposureChange().reason()).isEqualTo(
        "daily_loss 1 -> 0: net pnl of 2025-03-03 is -500, -5.00% of the day's opening balance 10000, at or past"
            + " the limit of -5.00%");
    assertThat(s.limits().dailyLossDay()).isEqualTo(day);

    // The cooldown ends first (23:30); the day has not: the next review is at midnight.
    assertThat(RiskRules.evaluate(POLICY, s, down500, evening.plus(COOLDOWN))).isEmpty();
    Instant midnight = Instant.parse("2025-03-04T00:00:00Z");
    assertThat(RiskRules.nextReview(POLICY, s, evening.plus(COOLDOWN))).contains(midnight);
    assertThat(RiskRules.evaluate(POLICY, s, down500, midnight.minusMillis(1))).isEmpty();
    RiskEvent lift = RiskRules.evaluate(POLICY, s, down500, midnight).orElseThrow();
    assertThat(((ExposureChanged) lift).to()).isEqualTo(1.0);
    assertThat(lift.reason()).isEqualTo("daily_loss 0 -> 1: a new UTC day began (2025-03-04)");
  }

  @Test
  void a_daily_cut_just_before_midnight_waits_for_the_cooldown_after_it() {
    Instant late = Instant.parse("2025-03-03T23:50:00Z");
    RiskInputs loss = new RiskInputs(1, late, 1, 0, 1, 9_000.0, 0.1, LocalDate.parse("2025-03-03"), 10_000.0,
        -1_000.0);
    RiskState s = step(RiskState.INITIAL, loss, late); // daily 0, drawdown 0.5
    Instant midnight = Instant.parse("2025-03-04T00:00:00Z");
    assertThat(RiskRules.nextReview(POLICY, s, late)).contains(midnight);
    assertThat(RiskRules.evaluate(POLICY, s, loss, midnight)).isEmpty();
    assertThat(RiskRules.nextReview(POLICY, s, midnight)).contains(late.plus(COOLDOWN));
    s = step(s, loss, late.plus(COOLDOWN));
    assertThat(s.limits().dailyLoss()).isEqualTo(1.0);
    assertThat(s.exposure()).isEqualTo(0.5); // the drawdown rung still holds (10% is not below 8%)
  }

  @Test
  void figures_of_an_earlier_day_never_trip_the_daily_limit() {
    RiskInputs yesterday = new RiskInputs(1, T0.minus(Duration.ofDays(1)), 1, 0, 1, 9_000.0, 0.0,
        LocalDate.ofInstant(T0, ZoneOffset.UTC).minusDays(1), 10_000.0, -1_000.0);
    assertThat(RiskRules.evaluate(POLICY, RiskState.INITIAL, yesterday, T0)).isEmpty();
    RiskInputs noBalance = new RiskInputs(2, T0, 1, 0, 1, null, null,
        LocalDate.ofInstant(T0, ZoneOffset.UTC), null, -1_000.0);
    assertThat(RiskRules.evaluate(POLICY, RiskState.INITIAL, noBalance, T0)).isEmpty();
  }

  @Test
  void an_operators_halt_holds_exposure_at_0_while_the_rules_keep_moving_underneath() {
    RiskState s = step(RiskState.INITIAL, streak(1, 3, 0, 3), T0); // 0.5
    ExposureChanged halt =
        (ExposureChanged) RiskRules.halt(s, "desk review", s.lastExposureChange().figures(), T0.plusSeconds(1))
            .orElseThrow();
    assertThat(halt.from()).isEqualTo(0.5);
    assertThat(halt.to()).isEqualTo(0.0);
    assertThat(halt.rule()).isEqualTo("manual_halt");
    assertThat(halt.reason()).isEqualTo("manual_halt 1 -> 0: halted by an operator: desk review");
    s = s.apply(halt);
    assertThat(RiskRules.halt(s, "again", null, T0.plusSeconds(2))).isEmpty();

    // The losses rule recovers during the halt: a limit change, exposure stays 0.
    RiskEvent lifted = RiskRules.evaluate(POLICY, s, streak(2, 5, 2, 0), T0.plus(COOLDOWN)).orElseThrow();
    assertThat(lifted).isInstanceOf(LimitChanged.class);
    s = s.apply(lifted);
    assertThat(s.exposure()).isEqualTo(0.0);
    // A new cut during the halt is recorded the same way.
    s = step(s, figures(3, 5, 0, 0, 0.2), T0.plus(COOLDOWN).plusSeconds(1));
    assertThat(s.limits().drawdown()).isEqualTo(0.0);

    // Resuming gives what the rules allow now.
    s = step(s, figures(4, 5, 0, 0, 0.15), T0.plus(COOLDOWN).plusSeconds(1).plus(COOLDOWN));
    ExposureChanged resume =
        (ExposureChanged) RiskRules.resume(s, "reviewed", null, T0.plus(Duration.ofHours(2))).orElseThrow();
    assertThat(resume.from()).isEqualTo(0.0);
    assertThat(resume.to()).isEqualTo(0.5);
    assertThat(resume.rule()).isEqualTo("manual_halt");
    assertThat(RiskRules.resume(s.apply(resume), "again", null, T0.plus(Duration.ofHours(3)))).isEmpty();
  }

  @Test
  void a_halt_before_any_snapshot_has_no_figures_and_resume_restores_full_exposure() {
    RiskState s = RiskState.INITIAL.apply(RiskRules.halt(RiskState.INITIAL, "x", null, T0).orElseThrow());
    assertThat(s.exposure()).isEqualTo(0.0);
    assertThat(s.lastExposureChange().figures()).isNull();
    assertThat(s.lastExposureChange().snapshotSequenceNr()).isZero();
    s = s.apply(RiskRules.resume(s, "y", null, T0).orElseThrow());
    assertThat(s.exposure()).isEqualTo(1.0);
  }

  @Test
  void there_is_nothing_to_review_at_full_exposure_or_after_the_cooldown() {
    assertThat(RiskRules.nextReview(POLICY, RiskState.INITIAL, T0)).isEmpty();
    RiskState s = step(RiskState.INITIAL, streak(1, 3, 0, 3), T0);
    assertThat(RiskRules.nextReview(POLICY, s, T0)).contains(T0.plus(COOLDOWN));
    assertThat(RiskRules.nextReview(POLICY, s, T0.plus(COOLDOWN))).isEmpty();
  }

  @Test
  void a_policy_with_the_daily_limit_turned_off_lifts_a_limit_tripped_under_the_old_one() {
    Instant evening = Instant.parse("2025-03-03T20:00:00Z");
    RiskInputs loss = new RiskInputs(1, evening, 1, 0, 1, 9_400.0, 0.0, LocalDate.parse("2025-03-03"), 10_000.0,
        -600.0);
    RiskState s = step(RiskState.INITIAL, loss, evening);
    RiskPolicy off = new RiskPolicy(POLICY.consecutiveLosses(), POLICY.drawdown(), POLICY.drawdownHysteresis(),
        DailyLossLimit.OFF, POLICY.cooldown(), POLICY.winsPerStep());
    Optional<RiskEvent> lift = RiskRules.evaluate(off, s, loss, evening.plus(COOLDOWN));
    assertThat(lift).isPresent();
    assertThat(lift.get().limits().dailyLoss()).isEqualTo(1.0);
  }

  @Test
  void policy_values_are_checked_naming_each_key() {
    assertThatThrownBy(() -> new RiskPolicy(Ladder.of(3, 0.5, 2, 0.6), Ladder.of(0, 1.5), 1.0,
        new DailyLossLimit(true, 0, -1), Duration.ofMinutes(-1), 0))
        .isInstanceOf(RiskPolicyException.class)
        .satisfies(e -> assertThat(((RiskPolicyException) e).problems()).containsExactly(
            "consecutive-losses.ladder[1].at: 2.0 is not above the previous rung's 3.0 (thresholds must rise from"
                + " rung to rung)",
            "consecutive-losses.ladder[1].exposure: 0.6 is not below the previous rung's 0.5 (a ladder must cut"
                + " deeper as it goes)",
            "drawdown.ladder[0].at: 0.0 is outside (0, 1]",
            "drawdown.ladder[0].exposure: 1.5 is outside [0, 1]",
            "drawdown.hysteresis: 1.0 is outside [0, 1)",
            "daily-loss.limit: 0.0 is outside (0, 1]",
            "daily-loss.exposure: -1.0 is outside [0, 1]",
            "recovery.cooldown: PT-1M must be zero or more",
            "recovery.wins-per-step: 0 must be at least 1"));
    assertThatThrownBy(() -> new RiskPolicy(Ladder.of(2.5, 0.5), Ladder.NONE, 0, DailyLossLimit.OFF,
        Duration.ZERO, 1))
        .hasMessageContaining("consecutive-losses.ladder[0].at: 2.5 is not a whole number of trades of at least 1");
  }

  @Test
  void ladders_step_up_through_their_own_exposures_to_1() {
    Ladder l = POLICY.consecutiveLosses();
    assertThat(l.stepUp(0.0)).isEqualTo(0.25);
    assertThat(l.stepUp(0.25)).isEqualTo(0.5);
    assertThat(l.stepUp(0.5)).isEqualTo(1.0);
    assertThat(l.stepUp(0.4)).isEqualTo(0.5); // a limit from an older ladder steps onto this one
    assertThat(l.exposureAt(2)).isEqualTo(1.0);
    assertThat(l.exposureAt(7)).isEqualTo(0.25);
    assertThat(Ladder.NONE.exposureAt(100)).isEqualTo(1.0);
  }
}
