using TradingActors.Domain.Risk;

namespace TradingActors.Actors.Risk;

/// <summary>
/// Published on the node's event stream after a risk decision is persisted: what a live engine, the SSE stream and the
/// dashboard follow.
/// </summary>
/// <param name="StrategyId">the strategy</param>
/// <param name="SequenceNr">the decision's sequence number in the strategy's risk journal (the stream's event id)</param>
/// <param name="Decision">the persisted decision</param>
public sealed record RiskDecided(string StrategyId, long SequenceNr, RiskEvent Decision);
