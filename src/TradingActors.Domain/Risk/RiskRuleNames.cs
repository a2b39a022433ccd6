namespace TradingActors.Domain.Risk;

/// <summary>The wire names of <see cref="RiskRule"/>: stable, they are in the journal and the API.</summary>
public static class RiskRuleNames
{
    /// <summary>
    /// The rule's wire name: <c>consecutive_losses</c>, <c>drawdown</c>, <c>daily_loss</c> or <c>manual_halt</c>.
    /// </summary>
    public static string WireName(this RiskRule rule) => rule switch
    {
        RiskRule.ConsecutiveLosses => "consecutive_losses",
        RiskRule.Drawdown => "drawdown",
        RiskRule.DailyLoss => "daily_loss",
        RiskRule.ManualHalt => "manual_halt",
        _ => throw new ArgumentOutOfRangeException(nameof(rule), rule, "not a risk rule"),
    };

    /// <summary>The rule whose wire name is <paramref name="wireName"/> (exact, case-sensitive); false if
    /// none.</summary>
    public static bool TryParse(string? wireName, out RiskRule rule)
    {
        switch (wireName)
        {
            case "consecutive_losses":
                rule = RiskRule.ConsecutiveLosses;
                return true;
            case "drawdown":
                rule = RiskRule.Drawdown;
                return true;
            case "daily_loss":
                rule = RiskRule.DailyLoss;
                return true;
            case "manual_halt":
                rule = RiskRule.ManualHalt;
                return true;
            default:
                rule = default;
                return false;
        }
    }
}
