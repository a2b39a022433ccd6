using TradingActors.Actors.Performance;

namespace TradingActors.Actors.Risk;

/// <summary>
/// Ask for the strategy's <see cref="ExposureView"/>. With <paramref name="AtLeastSequenceNr"/> (the
/// <see cref="EventsRecorded.SequenceNr"/> of a write the caller made), the answer waits until the risk manager has
/// decided on that write's figures — read-your-writes for exposure.
/// </summary>
public sealed record GetExposure(string StrategyId, long AtLeastSequenceNr = 0) : IStrategyMessage;
