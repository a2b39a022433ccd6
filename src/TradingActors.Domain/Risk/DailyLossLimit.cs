namespace TradingActors.Domain.Risk;

/// <summary>
/// The daily loss limit: once the net pnl of the current UTC day is at or below −<see cref="Limit"/> × the day's
/// opening balance, exposure is at most <see cref="Exposure"/> until the next UTC day.
/// </summary>
/// <param name="Enabled">Whether the rule applies at all.</param>
/// <param name="Limit">The loss that trips it, as a fraction of the day's opening balance, in (0, 1].</param>
/// <param name="Exposure">The exposure allowed for the rest of the day, in [0, 1].</param>
public sealed record DailyLossLimit(bool Enabled, double Limit, double Exposure)
{
    /// <summary>The rule turned off.</summary>
    public static DailyLossLimit Off { get; } = new(false, 1.0, 1.0);
}
