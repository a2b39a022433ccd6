namespace TradingActors.Domain.Risk;

/// <summary>
/// One rung of a <see cref="Ladder"/>: from <see cref="Threshold"/> on (inclusive), exposure is at most
/// <see cref="Exposure"/>.
/// </summary>
/// <param name="Threshold">Where the rung starts: a count of consecutive losses, or a drawdown as a fraction.</param>
/// <param name="Exposure">The exposure multiplier the rung allows, in [0, 1].</param>
public sealed record Rung(double Threshold, double Exposure);
