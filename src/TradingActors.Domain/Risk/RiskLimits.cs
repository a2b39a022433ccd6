namespace TradingActors.Domain.Risk;

/// <summary>
/// What each rule currently allows, and the bookkeeping its recovery needs: the whole persistent risk state of a
/// strategy. Every risk event carries the limits after it, so recovery from the journal is "take the last one".
/// </summary>
/// <param name="ConsecutiveLosses">The exposure the consecutive-losses rule allows (1 = no limit).</param>
/// <param name="Drawdown">The exposure the drawdown rule allows.</param>
/// <param name="DailyLoss">The exposure the daily loss limit allows.</param>
/// <param name="Halted">An operator's halt: exposure 0 whatever the rules say, until resumed.</param>
/// <param name="LastCutAt">When a rule last lowered its limit (the cooldown runs from here); null if never.</param>
/// <param name="DailyLossDay">The UTC day the daily loss limit tripped on; null if never.</param>
/// <param name="WinStreakStart">The trade count before the winning streak whose wins were last credited to a
/// recovery step (or that was current at the last losses cut); −1 if none.</param>
/// <param name="WinsCredited">Wins of that streak already spent on steps up the consecutive-losses ladder.</param>
public sealed record RiskLimits(
    double ConsecutiveLosses,
    double Drawdown,
    double DailyLoss,
    bool Halted,
    DateTimeOffset? LastCutAt,
    DateOnly? DailyLossDay,
    long WinStreakStart,
    long WinsCredited)
{
    /// <summary>No limit, no halt, nothing to recover from.</summary>
    public static RiskLimits None { get; } = new(1.0, 1.0, 1.0, false, null, null, -1, 0);

    /// <summary>The minimum over the rules, ignoring an operator's halt.</summary>
    public double Automatic => Math.Min(ConsecutiveLosses, Math.Min(Drawdown, DailyLoss));

    /// <summary>The exposure multiplier: 0 while halted, else the minimum over the rules.</summary>
    public double Exposure => Halted ? 0.0 : Automatic;
}
