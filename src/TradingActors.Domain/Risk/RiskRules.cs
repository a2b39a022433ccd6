using System.Globalization;
using System.Text;

namespace TradingActors.Domain.Risk;

/// <summary>
/// The risk decisions as pure functions of (policy, risk state, snapshot figures, time): the risk manager runs them
/// with its clock, the backtest with each event's time (<see cref="RiskTimeline"/>). <c>docs/risk.md</c> explains
/// every rule.
/// </summary>
/// <remarks>
/// Each rule keeps its own limit. A rule cuts as soon as its figure reaches a rung below its limit; it lifts only once
/// <see cref="RiskPolicy.Cooldown"/> has passed since the last cut of any rule, and then only by its own condition:
/// one step up the consecutive-losses ladder per <see cref="RiskPolicy.WinsPerStep"/> consecutive wins (wins already
/// spent on a step are not counted twice); the drawdown rung held once drawdown is below each higher rung's threshold
/// minus the hysteresis; the daily loss limit on a UTC day after the one it tripped on. Exposure is the minimum of the
/// limits, or 0 while an operator's halt stands — the rules keep moving their limits underneath it.
/// </remarks>
public static class RiskRules
{
    /// <summary>
    /// The decision on a snapshot's figures at <paramref name="now"/>: the event to persist (and to
    /// <see cref="RiskState.Apply"/>), or null when no limit moves. Ordering snapshots is the caller's business; the
    /// same figures at a later time may lift what was cooling down. Figures of a UTC day before
    /// <paramref name="now"/>'s never trip the daily loss limit.
    /// </summary>
    public static RiskEvent? Evaluate(RiskPolicy policy, RiskState state, RiskInputs inputs, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(inputs);
        var before = state.Limits;
        var cooled = before.LastCutAt is not { } lastCut || now >= lastCut + policy.Cooldown;
        List<Change>? changes = null;
        var cut = false;

        // consecutive losses
        var losses = before.ConsecutiveLosses;
        var streakStart = before.WinStreakStart;
        var credited = before.WinsCredited;
        var streak = inputs.TotalTrades - inputs.ConsecutiveWins; // identifies the current winning streak
        var lossRung = policy.ConsecutiveLosses.RungAt(inputs.ConsecutiveLosses, 0.0);
        var lossCap = lossRung?.Exposure ?? 1.0;
        if (lossRung is not null && lossCap < losses)
        {
            (changes ??= []).Add(new Change(RiskRule.ConsecutiveLosses, losses, lossCap,
                $"{Integer(inputs.ConsecutiveLosses)} consecutive losses reached the rung at "
                + Num(lossRung.Threshold)));
            losses = lossCap;
            streakStart = streak;
            credited = inputs.ConsecutiveWins;
            cut = true;
        }
        else if (losses < 1.0 && cooled)
        {
            var already = streak == before.WinStreakStart ? before.WinsCredited : 0;
            var steps = (inputs.ConsecutiveWins - already) / policy.WinsPerStep;
            if (steps > 0)
            {
                var lifted = losses;
                for (long i = 0; i < steps && lifted < 1.0; i++)
                {
                    lifted = policy.ConsecutiveLosses.StepUp(lifted);
                }
                lifted = Math.Min(lifted, lossCap);
                (changes ??= []).Add(new Change(RiskRule.ConsecutiveLosses, losses, lifted,
                    $"{Integer(inputs.ConsecutiveWins)} consecutive wins after the cooldown, one step up per "
                    + $"{Integer(policy.WinsPerStep)} wins"));
                losses = lifted;
                streakStart = streak;
                credited = already + (steps * policy.WinsPerStep);
            }
        }

        // drawdown
        var drawdown = before.Drawdown;
        if (inputs.CurrentDrawdown is { } dd)
        {
            var reached = policy.Drawdown.RungAt(dd, 0.0);
            var cap = reached?.Exposure ?? 1.0;
            if (reached is not null && cap < drawdown)
            {
                (changes ??= []).Add(new Change(RiskRule.Drawdown, drawdown, cap,
                    $"drawdown {Pct(dd)} reached the rung at {Pct(reached.Threshold)}"));
                drawdown = cap;
                cut = true;
            }
            else if (drawdown < 1.0 && cooled)
            {
                var level = policy.Drawdown.RungAt(dd, policy.DrawdownHysteresis)?.Exposure ?? 1.0;
                if (level > drawdown)
                {
                    (changes ??= []).Add(new Change(RiskRule.Drawdown, drawdown, level,
                        $"drawdown {Pct(dd)} is back below each higher rung's threshold less the hysteresis of "
                        + Pct(policy.DrawdownHysteresis)));
                    drawdown = level;
                }
            }
        }

        // daily loss
        var daily = before.DailyLoss;
        var dailyDay = before.DailyLossDay;
        var rule = policy.DailyLoss;
        var today = UtcDay(now);
        var current = inputs.Day is { } day && day >= today; // figures of an earlier day are history
        var tripped = rule.Enabled
            && current
            && inputs.DayOpeningBalance is { } opening
            && inputs.DayNetPnl <= -rule.Limit * opening;
        if (tripped && rule.Exposure < daily)
        {
            (changes ??= []).Add(new Change(RiskRule.DailyLoss, daily, rule.Exposure,
                $"net pnl of {Date(inputs.Day!.Value)} is {Num(inputs.DayNetPnl)}, {Pct(inputs.DayReturn!.Value)}"
                + $" of the day's opening balance {Num(inputs.DayOpeningBalance!.Value)}, at or past the limit of -"
                + Pct(rule.Limit)));
            daily = rule.Exposure;
            dailyDay = inputs.Day;
            cut = true;
        }
        else if (daily < 1.0 && cooled && !tripped
            && (!rule.Enabled || dailyDay is null || today > dailyDay.Value))
        {
            (changes ??= []).Add(new Change(RiskRule.DailyLoss, daily, 1.0,
                rule.Enabled ? $"a new UTC day began ({Date(today)})" : "the daily loss limit is off in the policy"));
            daily = 1.0;
        }

        if (changes is null)
        {
            return null;
        }
        var after = new RiskLimits(
            losses, drawdown, daily, before.Halted, cut ? now : before.LastCutAt, dailyDay, streakStart, credited);
        return Decision(before, after, changes, inputs.SequenceNr, inputs, now);
    }

    /// <summary>
    /// An operator's halt: exposure 0 until <see cref="Resume"/>, whatever the rules say; null when already halted.
    /// The rule is <see cref="RiskRule.ManualHalt"/>, the reason <c>manual_halt 1 -&gt; 0: halted by an operator:
    /// {reason}</c>. Checking the reason (1–500 characters) is the caller's business.
    /// </summary>
    /// <param name="state">The risk state.</param>
    /// <param name="reason">The operator's reason, kept in the decision.</param>
    /// <param name="figures">The latest figures, if any; without them the decision carries the state's last snapshot
    /// sequence number.</param>
    /// <param name="now">When.</param>
    public static RiskEvent? Halt(RiskState state, string reason, RiskInputs? figures, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        var before = state.Limits;
        if (before.Halted)
        {
            return null;
        }
        return Decision(before, before with { Halted = true },
            [new Change(RiskRule.ManualHalt, 1.0, 0.0, "halted by an operator: " + reason)],
            SequenceNr(state, figures), figures, now);
    }

    /// <summary>
    /// Lifts an operator's halt: exposure back to what the rules allow now; null when not halted. The rule is
    /// <see cref="RiskRule.ManualHalt"/>, the reason <c>manual_halt 0 -&gt; 1: resumed by an operator: {reason}</c>.
    /// </summary>
    /// <param name="state">The risk state.</param>
    /// <param name="reason">The operator's reason, kept in the decision.</param>
    /// <param name="figures">The latest figures, if any.</param>
    /// <param name="now">When.</param>
    public static RiskEvent? Resume(RiskState state, string reason, RiskInputs? figures, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        var before = state.Limits;
        if (!before.Halted)
        {
            return null;
        }
        return Decision(before, before with { Halted = false },
            [new Change(RiskRule.ManualHalt, 0.0, 1.0, "resumed by an operator: " + reason)],
            SequenceNr(state, figures), figures, now);
    }

    /// <summary>
    /// When a decision could next change without a new snapshot — the end of the cooldown, or the UTC midnight after
    /// the day the daily loss limit tripped on, whichever comes first — if later than <paramref name="now"/>; null when
    /// no rule is holding exposure down (a halt alone is never reviewed) or nothing is due after
    /// <paramref name="now"/>.
    /// </summary>
    public static DateTimeOffset? NextReview(RiskPolicy policy, RiskState state, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(state);
        var limits = state.Limits;
        if (limits.Automatic >= 1.0)
        {
            return null;
        }
        DateTimeOffset? next = null;
        if (limits.LastCutAt is { } lastCut)
        {
            var cooled = lastCut + policy.Cooldown;
            if (cooled > now)
            {
                next = cooled;
            }
        }
        if (limits.DailyLoss < 1.0 && limits.DailyLossDay is { } day)
        {
            var midnight = new DateTimeOffset(day.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            if (midnight > now && (next is null || midnight < next.Value))
            {
                next = midnight;
            }
        }
        return next;
    }

    private static RiskEvent Decision(
        RiskLimits before,
        RiskLimits after,
        List<Change> changes,
        long sequenceNr,
        RiskInputs? figures,
        DateTimeOffset now)
    {
        var reason = new StringBuilder();
        foreach (var change in changes)
        {
            if (reason.Length > 0)
            {
                reason.Append("; ");
            }
            reason.Append(change.Rule.WireName()).Append(' ').Append(Num(change.From)).Append(" -> ")
                .Append(Num(change.To)).Append(": ").Append(change.Why);
        }
        var from = before.Exposure;
        var to = after.Exposure;
        if (from != to)
        {
            // The rule that now sets the exposure, if one of those that moved; else the first that moved.
            var explaining = changes.Find(c => c.To == to) ?? changes[0];
            return new ExposureChanged(from, to, explaining.Rule, reason.ToString(), sequenceNr, figures, now, after);
        }
        var first = changes[0];
        return new LimitChanged(first.Rule, first.From, first.To, reason.ToString(), sequenceNr, figures, now, after);
    }

    private static long SequenceNr(RiskState state, RiskInputs? figures) =>
        figures?.SequenceNr ?? state.LastSnapshotSequenceNr;

    private static DateOnly UtcDay(DateTimeOffset time) => DateOnly.FromDateTime(time.UtcDateTime);

    private static string Date(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Integer(long x) => x.ToString(CultureInfo.InvariantCulture);

    private static string Num(double x) => JvmNumberFormat.Number(x);

    private static string Pct(double fraction) => JvmNumberFormat.Percent(fraction);

    private sealed record Change(RiskRule Rule, double From, double To, string Why);
}
