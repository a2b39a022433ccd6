namespace TradingActors.Domain.Risk;

/// <summary>
/// The rules that can limit a strategy's exposure. Each has a stable wire name (<see cref="RiskRuleNames"/>) that
/// decisions carry in the journal, the API and <c>report --json</c>.
/// </summary>
public enum RiskRule
{
    /// <summary><c>consecutive_losses</c>: the ladder over the current losing streak.</summary>
    ConsecutiveLosses,

    /// <summary><c>drawdown</c>: the ladder over the current drawdown from the balance's peak.</summary>
    Drawdown,

    /// <summary><c>daily_loss</c>: the daily loss limit, lifted on the next UTC day.</summary>
    DailyLoss,

    /// <summary><c>manual_halt</c>: an operator's halt or resume.</summary>
    ManualHalt,
}
