using TradingActors.Domain.Risk;

namespace TradingActors.Actors.Risk;

/// <summary>
/// Published on the node's event stream after a risk decision is persisted: what a live engine, the SSE stream and the
/// dashboard follow.
/// </summary>
public sealed record RiskDecided(string StrategyId, RiskEvent Decision);
