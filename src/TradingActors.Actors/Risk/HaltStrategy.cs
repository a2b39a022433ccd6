using TradingActors.Actors.Performance;

namespace TradingActors.Actors.Risk;

/// <summary>
/// An operator's halt: exposure 0 whatever the rules say, until <see cref="ResumeStrategy"/>. The reason (1–500
/// characters) is persisted in the decision. Answered with the <see cref="ExposureView"/> after it; halting a halted
/// strategy changes nothing.
/// </summary>
public sealed record HaltStrategy(string StrategyId, string Reason) : IStrategyMessage;
