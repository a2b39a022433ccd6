using TradingActors.Actors.Performance;

namespace TradingActors.Actors.Risk;

/// <summary>
/// An operator's halt: exposure 0 whatever the rules say, until <see cref="ResumeStrategy"/>. The reason (1–500
/// characters) is persisted in the decision. Answered with the <see cref="ExposureView"/> after it; halting a halted
/// strategy changes nothing. A blank reason or one over 500 characters is answered with
/// <see cref="CommandRejected"/> naming <c>reason</c>, and nothing is persisted.
/// </summary>
public sealed record HaltStrategy(string StrategyId, string Reason) : IStrategyMessage;
