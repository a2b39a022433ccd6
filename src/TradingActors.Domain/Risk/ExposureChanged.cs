namespace TradingActors.Domain.Risk;

/// <summary>The strategy's exposure multiplier moved from <see cref="From"/> to <see cref="To"/>: what the live
/// engine acts on.</summary>
/// <param name="From">The exposure before.</param>
/// <param name="To">The exposure after.</param>
/// <param name="Rule">The rule behind the new exposure (the first rule that moved to it; else the first that
/// moved).</param>
/// <param name="Reason">Every limit that moved, with the figure and threshold that moved it.</param>
/// <param name="SnapshotSequenceNr">The snapshot decided on.</param>
/// <param name="Figures">That snapshot's figures (null for an operator's command before any snapshot).</param>
/// <param name="At">When.</param>
/// <param name="Limits">Every rule's limit after.</param>
public sealed record ExposureChanged(
    double From,
    double To,
    RiskRule Rule,
    string Reason,
    long SnapshotSequenceNr,
    RiskInputs? Figures,
    DateTimeOffset At,
    RiskLimits Limits) : RiskEvent;
