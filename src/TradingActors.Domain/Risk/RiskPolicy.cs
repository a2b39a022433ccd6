using System.Globalization;

namespace TradingActors.Domain.Risk;

/// <summary>
/// The rules that set a strategy's exposure multiplier (1 = full size, 0 = halted); <c>docs/risk.md</c> explains each
/// with an example. The exposure is the minimum over what each rule allows; a rule that cut recovers only after
/// <see cref="Cooldown"/> has passed since the last cut of any rule, by its own recovery condition.
/// </summary>
/// <remarks>
/// Every value is checked on construction; bad ones throw one <see cref="RiskPolicyException"/> listing every problem,
/// each named by its key as written in <c>hocon/risk-policy.conf</c> (e.g. <c>drawdown.ladder[1].exposure</c>).
/// Two policies are equal when every value is (ladders compare rung by rung).
/// </remarks>
public sealed record RiskPolicy
{
    /// <summary>
    /// A checked policy.
    /// </summary>
    /// <param name="consecutiveLosses">Rungs over the current losing streak: thresholds are whole numbers of trades
    /// (≥ 1); recovers one step up the ladder per <paramref name="winsPerStep"/> consecutive wins.</param>
    /// <param name="drawdown">Rungs over the current drawdown: thresholds are fractions in (0, 1]; a rung is let go
    /// once the drawdown is below its threshold minus <paramref name="drawdownHysteresis"/>.</param>
    /// <param name="drawdownHysteresis">In [0, 1): how far below a rung's threshold the drawdown must come back to
    /// lift it.</param>
    /// <param name="dailyLoss">The daily loss limit; lifts on the next UTC day. Its values are only checked when it is
    /// enabled.</param>
    /// <param name="cooldown">No limit is raised before this much time has passed since the last cut (≥ 0).</param>
    /// <param name="winsPerStep">Consecutive wins per step up the consecutive-losses ladder (≥ 1).</param>
    /// <exception cref="RiskPolicyException">Any value is out of range; lists every problem.</exception>
    public RiskPolicy(
        Ladder consecutiveLosses,
        Ladder drawdown,
        double drawdownHysteresis,
        DailyLossLimit dailyLoss,
        TimeSpan cooldown,
        int winsPerStep)
    {
        var problems = new List<string>();
        if (consecutiveLosses is null)
        {
            problems.Add("consecutive-losses.ladder: is missing");
        }
        else
        {
            CheckLadder("consecutive-losses.ladder", consecutiveLosses, counts: true, problems);
        }
        if (drawdown is null)
        {
            problems.Add("drawdown.ladder: is missing");
        }
        else
        {
            CheckLadder("drawdown.ladder", drawdown, counts: false, problems);
        }
        if (!(drawdownHysteresis >= 0.0 && drawdownHysteresis < 1.0))
        {
            problems.Add($"drawdown.hysteresis: {Java(drawdownHysteresis)} is outside [0, 1)");
        }
        if (dailyLoss is null)
        {
            problems.Add("daily-loss: is missing");
        }
        else if (dailyLoss.Enabled)
        {
            if (!(dailyLoss.Limit > 0.0 && dailyLoss.Limit <= 1.0))
            {
                problems.Add($"daily-loss.limit: {Java(dailyLoss.Limit)} is outside (0, 1]");
            }
            if (!InUnitInterval(dailyLoss.Exposure))
            {
                problems.Add($"daily-loss.exposure: {Java(dailyLoss.Exposure)} is outside [0, 1]");
            }
        }
        if (cooldown < TimeSpan.Zero)
        {
            problems.Add($"recovery.cooldown: {JvmNumberFormat.Duration(cooldown)} must be zero or more");
        }
        if (winsPerStep < 1)
        {
            problems.Add($"recovery.wins-per-step: {Integer(winsPerStep)} must be at least 1");
        }
        if (problems.Count > 0)
        {
            throw new RiskPolicyException(problems);
        }
        ConsecutiveLosses = consecutiveLosses!;
        Drawdown = drawdown!;
        DrawdownHysteresis = drawdownHysteresis;
        DailyLoss = dailyLoss!;
        Cooldown = cooldown;
        WinsPerStep = winsPerStep;
    }

    /// <summary>
    /// The defaults, as <c>hocon/risk-policy.conf</c> ships them: losses 3 → 0.5, 5 → 0.25, 8 → 0; drawdown 10% → 0.5,
    /// 20% → 0 with a hysteresis of 2 points; a daily loss of 5% → 0; a 30-minute cooldown; 2 wins per step.
    /// </summary>
    public static RiskPolicy Defaults { get; } = new(
        Ladder.Of(3, 0.5, 5, 0.25, 8, 0.0),
        Ladder.Of(0.10, 0.5, 0.20, 0.0),
        0.02,
        new DailyLossLimit(true, 0.05, 0.0),
        TimeSpan.FromMinutes(30),
        2);

    /// <summary>Rungs over the current losing streak (thresholds: whole numbers of trades).</summary>
    public Ladder ConsecutiveLosses { get; }

    /// <summary>Rungs over the current drawdown (thresholds: fractions in (0, 1]).</summary>
    public Ladder Drawdown { get; }

    /// <summary>How far below a drawdown rung's threshold the drawdown must come back to lift it, in [0, 1).</summary>
    public double DrawdownHysteresis { get; }

    /// <summary>The daily loss limit.</summary>
    public DailyLossLimit DailyLoss { get; }

    /// <summary>No limit is raised before this much time has passed since the last cut of any rule.</summary>
    public TimeSpan Cooldown { get; }

    /// <summary>Consecutive wins per step up the consecutive-losses ladder (≥ 1).</summary>
    public int WinsPerStep { get; }

    private static void CheckLadder(string key, Ladder ladder, bool counts, List<string> problems)
    {
        Rung? previous = null;
        for (var i = 0; i < ladder.Rungs.Count; i++)
        {
            var rung = ladder.Rungs[i];
            var at = $"{key}[{Integer(i)}].";
            var t = rung.Threshold;
            if (counts && !(t >= 1.0 && t == Math.Round(t) && t <= int.MaxValue))
            {
                problems.Add($"{at}at: {Java(t)} is not a whole number of trades of at least 1");
            }
            else if (!counts && !(t > 0.0 && t <= 1.0))
            {
                problems.Add($"{at}at: {Java(t)} is outside (0, 1]");
            }
            if (!InUnitInterval(rung.Exposure))
            {
                problems.Add($"{at}exposure: {Java(rung.Exposure)} is outside [0, 1]");
            }
            if (previous is not null)
            {
                if (!(t > previous.Threshold))
                {
                    problems.Add($"{at}at: {Java(t)} is not above the previous rung's {Java(previous.Threshold)}"
                        + " (thresholds must rise from rung to rung)");
                }
                if (!(rung.Exposure < previous.Exposure))
                {
                    problems.Add($"{at}exposure: {Java(rung.Exposure)} is not below the previous rung's "
                        + $"{Java(previous.Exposure)} (a ladder must cut deeper as it goes)");
                }
            }
            previous = rung;
        }
    }

    private static bool InUnitInterval(double x) => x >= 0.0 && x <= 1.0;

    private static string Java(double x) => JvmNumberFormat.Double(x);

    private static string Integer(int x) => x.ToString(CultureInfo.InvariantCulture);
}
