using TradingActors.Actors.Performance;

namespace TradingActors.Actors.Risk;

/// <summary>
/// An operator's resume: exposure back to what the rules allow now. Answered with the <see cref="ExposureView"/>;
/// resuming a strategy that is not halted changes nothing. The reason follows the rule of <see cref="HaltStrategy"/>.
/// </summary>
public sealed record ResumeStrategy(string StrategyId, string Reason) : IStrategyMessage;
