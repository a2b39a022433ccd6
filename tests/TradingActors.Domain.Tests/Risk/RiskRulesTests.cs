using TradingActors.Domain.Risk;

namespace TradingActors.Domain.Tests.Risk;

/// <summary>
/// The pure rules, decided at explicit times (no clock). Ported case by case from the JVM build's
/// <c>RiskRulesTest</c> (<c>src/domain/src/test/java/io/tradingactors/domain/risk/RiskRulesTest.java</c>); each test
/// names the Java test it comes from.
/// </summary>
public sealed class RiskRulesTests
{
    private static readonly RiskPolicy Policy = RiskPolicy.Defaults;
    private static readonly DateTimeOffset T0 = DateTimeOffset.Parse("2025-03-03T10:00:00Z", null,
        System.Globalization.DateTimeStyles.AssumeUniversal);
    private static readonly TimeSpan Cooldown = Policy.Cooldown;
    private static readonly DateOnly Day0 = new(2025, 3, 3);

    /// <summary>A strategy with balances: streaks and drawdown as given, a flat day.</summary>
    private static RiskInputs Figures(long seq, long trades, long wins, long losses, double drawdown) =>
        new(seq, T0, trades, wins, losses, 10_000 * (1 - drawdown), drawdown, Day0, 10_000.0, 0.0);

    private static RiskInputs Streak(long seq, long trades, long wins, long losses) =>
        Figures(seq, trades, wins, losses, 0.0);

    /// <summary>Applies the decision (if any) and returns the new state.</summary>
    private static RiskState Step(RiskState s, RiskInputs inputs, DateTimeOffset now) =>
        RiskRules.Evaluate(Policy, s, inputs, now) is { } decision ? s.Apply(decision) : s;

    private static DateTimeOffset Utc(string iso) =>
        DateTimeOffset.Parse(iso, System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.AssumeUniversal);

    // Java: the_consecutive_losses_ladder_cuts_at_3_5_and_8_losses
    [Fact]
    public void The_consecutive_losses_ladder_cuts_at_3_5_and_8_losses()
    {
        var s = RiskState.Initial;
        Assert.Null(RiskRules.Evaluate(Policy, s, Streak(1, 2, 0, 2), T0));

        var third = RiskRules.Evaluate(Policy, s, Streak(2, 3, 0, 3), T0);
        var cut = Assert.IsType<ExposureChanged>(third);
        Assert.Equal(1.0, cut.From);
        Assert.Equal(0.5, cut.To);
        Assert.Equal(RiskRule.ConsecutiveLosses, cut.Rule);
        Assert.Equal("consecutive_losses 1 -> 0.5: 3 consecutive losses reached the rung at 3", cut.Reason);
        Assert.Equal(2, cut.SnapshotSequenceNr);
        Assert.Equal(3, cut.Figures!.ConsecutiveLosses);
        Assert.Equal(T0, cut.At);
        Assert.Equal(T0, cut.Limits.LastCutAt);
        s = s.Apply(cut);

        Assert.Null(RiskRules.Evaluate(Policy, s, Streak(3, 4, 0, 4), T0.AddSeconds(1)));
        s = Step(s, Streak(4, 5, 0, 5), T0.AddSeconds(2));
        Assert.Equal(0.25, s.Exposure);
        s = Step(s, Streak(5, 8, 0, 8), T0.AddSeconds(3));
        Assert.Equal(0.0, s.Exposure);
        Assert.Equal(RiskRule.ConsecutiveLosses, s.LastExposureChange!.Rule);
        Assert.Equal(T0.AddSeconds(3), s.Limits.LastCutAt);
    }

    // The docs/risk.md example: three losses cut exposure to half.
    [Fact]
    public void Three_losses_cut_exposure_to_half()
    {
        var s = Step(RiskState.Initial, Streak(1, 1, 0, 1), T0);
        s = Step(s, Streak(2, 2, 0, 2), T0.AddMinutes(5));
        Assert.Equal(1.0, s.Exposure);
        s = Step(s, Streak(3, 3, 0, 3), T0.AddMinutes(10));
        Assert.Equal(0.5, s.Exposure);
        Assert.Equal(T0.AddMinutes(10), s.LastExposureChange!.At);
    }

    // Java: several_losses_at_once_cut_straight_to_the_rung_reached
    [Fact]
    public void Several_losses_at_once_cut_straight_to_the_rung_reached()
    {
        var cut = Assert.IsType<ExposureChanged>(RiskRules.Evaluate(Policy, RiskState.Initial, Streak(1, 6, 0, 6), T0));
        Assert.Equal(0.25, cut.To);
        Assert.Equal("consecutive_losses 1 -> 0.25: 6 consecutive losses reached the rung at 5", cut.Reason);
    }

    // Java: after_the_cooldown_every_two_consecutive_wins_lift_one_step_up_the_ladder
    [Fact]
    public void After_the_cooldown_every_two_consecutive_wins_lift_one_step_up_the_ladder()
    {
        var s = Step(RiskState.Initial, Streak(1, 8, 0, 8), T0); // 0: halted by the ladder
        Assert.Equal(0.0, s.Exposure);
        var cooled = T0 + Cooldown;

        // Wins during the cooldown lift nothing, even many.
        Assert.Null(RiskRules.Evaluate(Policy, s, Streak(2, 10, 2, 0), cooled.AddSeconds(-1)));
        // Once it has passed, those two wins are one step: 0 → 0.25.
        s = Step(s, Streak(2, 10, 2, 0), cooled);
        Assert.Equal(0.25, s.Exposure);
        Assert.Equal(
            "consecutive_losses 0 -> 0.25: 2 consecutive wins after the cooldown, one step up per 2 wins",
            s.LastExposureChange!.Reason);
        // The same snapshot again (a timer review) does not spend the same wins twice.
        Assert.Null(RiskRules.Evaluate(Policy, s, Streak(2, 10, 2, 0), cooled.AddSeconds(5)));
        // A third win is not yet a step; the fourth is.
        Assert.Null(RiskRules.Evaluate(Policy, s, Streak(3, 11, 3, 0), cooled.AddSeconds(6)));
        s = Step(s, Streak(4, 12, 4, 0), cooled.AddSeconds(7));
        Assert.Equal(0.5, s.Exposure);
        // Four more wins in one snapshot: two steps, 0.5 → 1 (the top), no further.
        s = Step(s, Streak(5, 16, 8, 0), cooled.AddSeconds(8));
        Assert.Equal(1.0, s.Exposure);
        Assert.Null(RiskRules.NextReview(Policy, s, cooled.AddSeconds(8)));
    }

    // Java: a_broken_winning_streak_starts_counting_again
    [Fact]
    public void A_broken_winning_streak_starts_counting_again()
    {
        var s = Step(RiskState.Initial, Streak(1, 5, 0, 5), T0); // 0.25
        var cooled = T0 + Cooldown;
        Assert.Null(RiskRules.Evaluate(Policy, s, Streak(2, 6, 1, 0), cooled));
        // One win, then a breakeven (ends the streak), then one win: a new streak of 1, no step.
        Assert.Null(RiskRules.Evaluate(Policy, s, Streak(3, 8, 1, 0), cooled.AddSeconds(1)));
        s = Step(s, Streak(4, 9, 2, 0), cooled.AddSeconds(2));
        Assert.Equal(0.5, s.Exposure);
        // A loss, then two wins: a new streak, whose two wins are a new step.
        s = Step(s, Streak(5, 12, 2, 0), cooled.AddSeconds(3));
        Assert.Equal(1.0, s.Exposure);
    }

    // Java: a_new_cut_restarts_the_cooldown
    [Fact]
    public void A_new_cut_restarts_the_cooldown()
    {
        var s = Step(RiskState.Initial, Streak(1, 3, 0, 3), T0); // 0.5
        var later = T0 + Cooldown - TimeSpan.FromSeconds(60);
        s = Step(s, Figures(2, 3, 0, 3, 0.12), later); // the drawdown rule cuts too: its own limit, 0.5
        Assert.Equal(0.5, s.Limits.Drawdown);
        Assert.Equal(later, s.Limits.LastCutAt);
        // Two wins 30 minutes after the first cut, but only 1 minute after the second: nothing lifts yet.
        Assert.Null(RiskRules.Evaluate(Policy, s, Figures(3, 5, 2, 0, 0.0), T0 + Cooldown));
        s = Step(s, Figures(3, 5, 2, 0, 0.0), later + Cooldown);
        Assert.Equal(1.0, s.Exposure);
    }

    // Java: the_drawdown_ladder_cuts_at_10_and_20_percent_and_lifts_each_rung_2_points_below_it
    [Fact]
    public void The_drawdown_ladder_cuts_at_10_and_20_percent_and_lifts_each_rung_2_points_below_it()
    {
        var s = RiskState.Initial;
        Assert.Null(RiskRules.Evaluate(Policy, s, Figures(1, 0, 0, 0, 0.0999), T0));
        s = Step(s, Figures(2, 0, 0, 0, 0.10), T0);
        Assert.Equal(0.5, s.Exposure);
        Assert.Equal(RiskRule.Drawdown, s.LastExposureChange!.Rule);
        Assert.Equal("drawdown 1 -> 0.5: drawdown 10.00% reached the rung at 10.00%", s.LastExposureChange.Reason);
        s = Step(s, Figures(3, 0, 0, 0, 0.21), T0.AddSeconds(10));
        Assert.Equal(0.0, s.Exposure);

        var cooled = T0.AddSeconds(10) + Cooldown;
        // Below 20% but not below 18%: the top rung holds.
        Assert.Null(RiskRules.Evaluate(Policy, s, Figures(4, 0, 0, 0, 0.185), cooled));
        // Below 18% before the cooldown: still nothing.
        Assert.Null(RiskRules.Evaluate(Policy, s, Figures(5, 0, 0, 0, 0.15), cooled.AddSeconds(-1)));
        s = Step(s, Figures(5, 0, 0, 0, 0.15), cooled);
        Assert.Equal(0.5, s.Exposure);
        Assert.Equal(
            "drawdown 0 -> 0.5: drawdown 15.00% is back below each higher rung's threshold less the hysteresis of"
            + " 2.00%",
            s.LastExposureChange!.Reason);
        // Below 10% but not below 8%: the lower rung holds.
        Assert.Null(RiskRules.Evaluate(Policy, s, Figures(6, 0, 0, 0, 0.09), cooled.AddSeconds(1)));
        s = Step(s, Figures(7, 0, 0, 0, 0.05), cooled.AddSeconds(2));
        Assert.Equal(1.0, s.Exposure);
    }

    // Java: a_deep_recovery_lifts_every_rung_at_once
    [Fact]
    public void A_deep_recovery_lifts_every_rung_at_once()
    {
        var s = Step(RiskState.Initial, Figures(1, 0, 0, 0, 0.25), T0);
        Assert.Equal(0.0, s.Exposure);
        s = Step(s, Figures(2, 0, 0, 0, 0.01), T0 + Cooldown);
        Assert.Equal(1.0, s.Exposure);
    }

    // Java: the_exposure_is_the_lowest_limit_and_a_rule_moving_under_another_is_a_limit_change
    [Fact]
    public void The_exposure_is_the_lowest_limit_and_a_rule_moving_under_another_is_a_limit_change()
    {
        var s = Step(RiskState.Initial, Figures(1, 5, 0, 5, 0.0), T0); // losses: 0.25
        var dd = RiskRules.Evaluate(Policy, s, Figures(2, 5, 0, 5, 0.12), T0.AddSeconds(1));
        var limit = Assert.IsType<LimitChanged>(dd);
        Assert.Equal(RiskRule.Drawdown, limit.Rule);
        Assert.Equal(1.0, limit.From);
        Assert.Equal(0.5, limit.To);
        s = s.Apply(limit);
        Assert.Equal(0.25, s.Exposure);
        Assert.Equal(RiskRule.ConsecutiveLosses, s.LastExposureChange!.Rule);

        // The losses rule recovers fully, the drawdown rule still holds 0.5: exposure 0.25 → 0.5, explained by the
        // rule that moved.
        var cooled = T0.AddSeconds(1) + Cooldown;
        var up = Assert.IsType<ExposureChanged>(RiskRules.Evaluate(Policy, s, Figures(3, 9, 4, 0, 0.12), cooled));
        Assert.Equal(0.25, up.From);
        Assert.Equal(0.5, up.To);
        Assert.Equal(RiskRule.ConsecutiveLosses, up.Rule);
        Assert.Equal(0.5, up.Limits.Drawdown);
    }

    // Java: two_rules_cutting_together_name_the_one_that_sets_the_exposure_and_explain_both
    [Fact]
    public void Two_rules_cutting_together_name_the_one_that_sets_the_exposure_and_explain_both()
    {
        var cut = Assert.IsType<ExposureChanged>(
            RiskRules.Evaluate(Policy, RiskState.Initial, Figures(1, 3, 0, 3, 0.22), T0));
        Assert.Equal(0.0, cut.To);
        Assert.Equal(RiskRule.Drawdown, cut.Rule);
        Assert.Equal(
            "consecutive_losses 1 -> 0.5: 3 consecutive losses reached the rung at 3; "
            + "drawdown 1 -> 0: drawdown 22.00% reached the rung at 20.00%",
            cut.Reason);
    }

    // Java: the_daily_loss_limit_trips_at_minus_5_percent_of_the_opening_balance_and_lifts_on_the_next_utc_day
    [Fact]
    public void The_daily_loss_limit_trips_at_minus_5_percent_of_the_opening_balance_and_lifts_on_the_next_utc_day()
    {
        var evening = Utc("2025-03-03T23:00:00Z");
        var day = new DateOnly(2025, 3, 3);
        var down499 = new RiskInputs(1, evening, 4, 0, 1, 9_501.0, 0.0499, day, 10_000.0, -499.0);
        Assert.Null(RiskRules.Evaluate(Policy, RiskState.Initial, down499, evening));
        var down500 = new RiskInputs(2, evening, 5, 0, 2, 9_500.0, 0.05, day, 10_000.0, -500.0);
        var s = Step(RiskState.Initial, down500, evening);
        Assert.Equal(0.0, s.Exposure);
        Assert.Equal(RiskRule.DailyLoss, s.LastExposureChange!.Rule);
        Assert.Equal(
            "daily_loss 1 -> 0: net pnl of 2025-03-03 is -500, -5.00% of the day's opening balance 10000, at or past"
            + " the limit of -5.00%",
            s.LastExposureChange.Reason);
        Assert.Equal(day, s.Limits.DailyLossDay);

        // The cooldown ends first (23:30); the day has not: the next review is at midnight.
        Assert.Null(RiskRules.Evaluate(Policy, s, down500, evening + Cooldown));
        var midnight = Utc("2025-03-04T00:00:00Z");
        Assert.Equal(midnight, RiskRules.NextReview(Policy, s, evening + Cooldown));
        Assert.Null(RiskRules.Evaluate(Policy, s, down500, midnight.AddMilliseconds(-1)));
        var lift = RiskRules.Evaluate(Policy, s, down500, midnight);
        Assert.Equal(1.0, Assert.IsType<ExposureChanged>(lift).To);
        Assert.Equal("daily_loss 0 -> 1: a new UTC day began (2025-03-04)", lift.Reason);
    }

    // Java: a_daily_cut_just_before_midnight_waits_for_the_cooldown_after_it
    [Fact]
    public void A_daily_cut_just_before_midnight_waits_for_the_cooldown_after_it()
    {
        var late = Utc("2025-03-03T23:50:00Z");
        var loss = new RiskInputs(1, late, 1, 0, 1, 9_000.0, 0.1, new DateOnly(2025, 3, 3), 10_000.0, -1_000.0);
        var s = Step(RiskState.Initial, loss, late); // daily 0, drawdown 0.5
        var midnight = Utc("2025-03-04T00:00:00Z");
        Assert.Equal(midnight, RiskRules.NextReview(Policy, s, late));
        Assert.Null(RiskRules.Evaluate(Policy, s, loss, midnight));
        Assert.Equal(late + Cooldown, RiskRules.NextReview(Policy, s, midnight));
        s = Step(s, loss, late + Cooldown);
        Assert.Equal(1.0, s.Limits.DailyLoss);
        Assert.Equal(0.5, s.Exposure); // the drawdown rung still holds (10% is not below 8%)
    }

    // Java: figures_of_an_earlier_day_never_trip_the_daily_limit
    [Fact]
    public void Figures_of_an_earlier_day_never_trip_the_daily_limit()
    {
        var yesterday = new RiskInputs(1, T0.AddDays(-1), 1, 0, 1, 9_000.0, 0.0, Day0.AddDays(-1), 10_000.0, -1_000.0);
        Assert.Null(RiskRules.Evaluate(Policy, RiskState.Initial, yesterday, T0));
        var noBalance = new RiskInputs(2, T0, 1, 0, 1, null, null, Day0, null, -1_000.0);
        Assert.Null(RiskRules.Evaluate(Policy, RiskState.Initial, noBalance, T0));
    }

    // Java: an_operators_halt_holds_exposure_at_0_while_the_rules_keep_moving_underneath
    [Fact]
    public void An_operators_halt_holds_exposure_at_0_while_the_rules_keep_moving_underneath()
    {
        var s = Step(RiskState.Initial, Streak(1, 3, 0, 3), T0); // 0.5
        var halt = Assert.IsType<ExposureChanged>(
            RiskRules.Halt(s, "desk review", s.LastExposureChange!.Figures, T0.AddSeconds(1)));
        Assert.Equal(0.5, halt.From);
        Assert.Equal(0.0, halt.To);
        Assert.Equal(RiskRule.ManualHalt, halt.Rule);
        Assert.Equal("manual_halt 1 -> 0: halted by an operator: desk review", halt.Reason);
        Assert.True(halt.Limits.Halted);
        s = s.Apply(halt);
        Assert.Null(RiskRules.Halt(s, "again", null, T0.AddSeconds(2)));

        // The losses rule recovers during the halt: a limit change, exposure stays 0.
        var lifted = RiskRules.Evaluate(Policy, s, Streak(2, 5, 2, 0), T0 + Cooldown);
        Assert.IsType<LimitChanged>(lifted);
        s = s.Apply(lifted);
        Assert.Equal(0.0, s.Exposure);
        // A new cut during the halt is recorded the same way.
        s = Step(s, Figures(3, 5, 0, 0, 0.2), T0 + Cooldown + TimeSpan.FromSeconds(1));
        Assert.Equal(0.0, s.Limits.Drawdown);

        // Resuming gives what the rules allow now.
        s = Step(s, Figures(4, 5, 0, 0, 0.15), T0 + Cooldown + TimeSpan.FromSeconds(1) + Cooldown);
        var resume = Assert.IsType<ExposureChanged>(RiskRules.Resume(s, "reviewed", null, T0.AddHours(2)));
        Assert.Equal(0.0, resume.From);
        Assert.Equal(0.5, resume.To);
        Assert.Equal(RiskRule.ManualHalt, resume.Rule);
        Assert.Equal("manual_halt 0 -> 1: resumed by an operator: reviewed", resume.Reason);
        Assert.Equal(4, resume.SnapshotSequenceNr); // no figures given: the last snapshot decided on
        Assert.Null(RiskRules.Resume(s.Apply(resume), "again", null, T0.AddHours(3)));
    }

    // Java: a_halt_before_any_snapshot_has_no_figures_and_resume_restores_full_exposure
    [Fact]
    public void A_halt_before_any_snapshot_has_no_figures_and_resume_restores_full_exposure()
    {
        var s = RiskState.Initial.Apply(RiskRules.Halt(RiskState.Initial, "x", null, T0)!);
        Assert.Equal(0.0, s.Exposure);
        Assert.Null(s.LastExposureChange!.Figures);
        Assert.Equal(0, s.LastExposureChange.SnapshotSequenceNr);
        s = s.Apply(RiskRules.Resume(s, "y", null, T0)!);
        Assert.Equal(1.0, s.Exposure);
    }

    // Not in the Java suite: a halt while the rules already hold exposure at 0 moves no exposure, so it is a limit
    // change (Java's decision logic, kept).
    [Fact]
    public void A_halt_at_exposure_0_is_a_limit_change()
    {
        var s = Step(RiskState.Initial, Streak(1, 8, 0, 8), T0);
        var halt = Assert.IsType<LimitChanged>(RiskRules.Halt(s, "desk", null, T0.AddSeconds(1)));
        Assert.Equal(RiskRule.ManualHalt, halt.Rule);
        Assert.Equal(1.0, halt.From);
        Assert.Equal(0.0, halt.To);
        Assert.Equal(1, halt.SnapshotSequenceNr);
    }

    // Java: there_is_nothing_to_review_at_full_exposure_or_after_the_cooldown
    [Fact]
    public void There_is_nothing_to_review_at_full_exposure_or_after_the_cooldown()
    {
        Assert.Null(RiskRules.NextReview(Policy, RiskState.Initial, T0));
        var s = Step(RiskState.Initial, Streak(1, 3, 0, 3), T0);
        Assert.Equal(T0 + Cooldown, RiskRules.NextReview(Policy, s, T0));
        Assert.Null(RiskRules.NextReview(Policy, s, T0 + Cooldown));
    }

    // Java: a_policy_with_the_daily_limit_turned_off_lifts_a_limit_tripped_under_the_old_one
    [Fact]
    public void A_policy_with_the_daily_limit_turned_off_lifts_a_limit_tripped_under_the_old_one()
    {
        var evening = Utc("2025-03-03T20:00:00Z");
        var loss = new RiskInputs(1, evening, 1, 0, 1, 9_400.0, 0.0, new DateOnly(2025, 3, 3), 10_000.0, -600.0);
        var s = Step(RiskState.Initial, loss, evening);
        Assert.Equal(0.0, s.Limits.DailyLoss);
        var off = new RiskPolicy(Policy.ConsecutiveLosses, Policy.Drawdown, Policy.DrawdownHysteresis,
            DailyLossLimit.Off, Policy.Cooldown, Policy.WinsPerStep);
        var lift = RiskRules.Evaluate(off, s, loss, evening + Cooldown);
        Assert.NotNull(lift);
        Assert.Equal(1.0, lift.Limits.DailyLoss);
        Assert.Equal("daily_loss 0 -> 1: the daily loss limit is off in the policy", lift.Reason);
    }

    // Java: policy_values_are_checked_naming_each_key
    [Fact]
    public void Policy_values_are_checked_naming_each_key()
    {
        var e = Assert.Throws<RiskPolicyException>(() => new RiskPolicy(Ladder.Of(3, 0.5, 2, 0.6), Ladder.Of(0, 1.5),
            1.0, new DailyLossLimit(true, 0, -1), TimeSpan.FromMinutes(-1), 0));
        Assert.Equal(
            [
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
                "recovery.wins-per-step: 0 must be at least 1",
            ],
            e.Problems);
        var whole = Assert.Throws<RiskPolicyException>(() => new RiskPolicy(Ladder.Of(2.5, 0.5), Ladder.None, 0,
            DailyLossLimit.Off, TimeSpan.Zero, 1));
        Assert.Contains(
            "consecutive-losses.ladder[0].at: 2.5 is not a whole number of trades of at least 1", whole.Message,
            StringComparison.Ordinal);
    }

    // Not in the Java suite: NaN never passes a check (the product has no NaN anywhere).
    [Fact]
    public void A_policy_value_that_is_not_a_number_is_refused()
    {
        var e = Assert.Throws<RiskPolicyException>(() => new RiskPolicy(Ladder.Of(double.NaN, 0.5),
            Ladder.Of(0.1, double.NaN), double.NaN, new DailyLossLimit(true, double.NaN, 0), TimeSpan.Zero, 1));
        Assert.Equal(
            [
                "consecutive-losses.ladder[0].at: NaN is not a whole number of trades of at least 1",
                "drawdown.ladder[0].exposure: NaN is outside [0, 1]",
                "drawdown.hysteresis: NaN is outside [0, 1)",
                "daily-loss.limit: NaN is outside (0, 1]",
            ],
            e.Problems);
    }

    // Java: ladders_step_up_through_their_own_exposures_to_1
    [Fact]
    public void Ladders_step_up_through_their_own_exposures_to_1()
    {
        var l = Policy.ConsecutiveLosses;
        Assert.Equal(0.25, l.StepUp(0.0));
        Assert.Equal(0.5, l.StepUp(0.25));
        Assert.Equal(1.0, l.StepUp(0.5));
        Assert.Equal(0.5, l.StepUp(0.4)); // a limit from an older ladder steps onto this one
        Assert.Equal(1.0, l.ExposureAt(2));
        Assert.Equal(0.25, l.ExposureAt(7));
        Assert.Equal(1.0, Ladder.None.ExposureAt(100));
    }

    // Not in the Java suite (Java's records compared lists by value; C# records need it said): equal ladders and
    // policies are equal.
    [Fact]
    public void Ladders_and_policies_compare_by_value()
    {
        Assert.Equal(Ladder.Of(3, 0.5, 5, 0.25, 8, 0), RiskPolicy.Defaults.ConsecutiveLosses);
        Assert.NotEqual(Ladder.Of(3, 0.5), RiskPolicy.Defaults.ConsecutiveLosses);
        Assert.Equal(Ladder.Of(3, 0.5).GetHashCode(), new Ladder([new Rung(3, 0.5)]).GetHashCode());
        var copy = new RiskPolicy(Ladder.Of(3, 0.5, 5, 0.25, 8, 0), Ladder.Of(0.1, 0.5, 0.2, 0), 0.02,
            new DailyLossLimit(true, 0.05, 0), TimeSpan.FromMinutes(30), 2);
        Assert.Equal(RiskPolicy.Defaults, copy);
        Assert.Throws<ArgumentException>(() => Ladder.Of(3, 0.5, 5));
    }

    [Theory]
    [InlineData(RiskRule.ConsecutiveLosses, "consecutive_losses")]
    [InlineData(RiskRule.Drawdown, "drawdown")]
    [InlineData(RiskRule.DailyLoss, "daily_loss")]
    [InlineData(RiskRule.ManualHalt, "manual_halt")]
    public void Each_rule_has_its_stable_wire_name(RiskRule rule, string wireName)
    {
        Assert.Equal(wireName, rule.WireName());
        Assert.True(RiskRuleNames.TryParse(wireName, out var parsed));
        Assert.Equal(rule, parsed);
        Assert.False(RiskRuleNames.TryParse(wireName.ToUpperInvariant(), out _));
    }
}
