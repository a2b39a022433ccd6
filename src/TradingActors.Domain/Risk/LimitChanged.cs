namespace TradingActors.Domain.Risk;

/// <summary>
/// A rule's limit moved but the exposure did not, because another rule (or an operator's halt) holds it lower; kept
/// so that the exposure after that other rule lifts is still right, and explainable.
/// </summary>
/// <param name="Rule">The (first) rule whose limit moved.</param>
/// <param name="From">Its limit before.</param>
/// <param name="To">Its limit after.</param>
/// <param name="Reason">Every limit that moved, with the figure and threshold that moved it.</param>
/// <param name="SnapshotSequenceNr">The snapshot decided on.</param>
/// <param name="Figures">That snapshot's figures (null for an operator's command before any snapshot).</param>
/// <param name="At">When.</param>
/// <param name="Limits">Every rule's limit after.</param>
public sealed record LimitChanged(
    RiskRule Rule,
    double From,
    double To,
    string Reason,
    long SnapshotSequenceNr,
    RiskInputs? Figures,
    DateTimeOffset At,
    RiskLimits Limits) : RiskEvent;
