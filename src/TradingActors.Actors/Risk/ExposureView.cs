using TradingActors.Domain.Risk;

namespace TradingActors.Actors.Risk;

/// <summary>
/// A strategy's exposure and why: the multiplier (1 full size, 0 halted), the decision that set it (null while it
/// never moved), every rule's limit, the snapshot decided on last, and when a limit may next lift without a new
/// trade (end of a cooldown, a UTC midnight).
/// </summary>
public sealed record ExposureView(
    string StrategyId,
    double Exposure,
    ExposureChanged? LastChange,
    RiskLimits Limits,
    long DecidedSequenceNr,
    DateTimeOffset? NextReviewAt);
