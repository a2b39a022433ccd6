namespace TradingActors.Api.Stream;

/// <summary>
/// One event of <c>/v1/stream</c>: its SSE event name (<c>snapshot</c>, <c>exposure</c>, <c>limit</c>, <c>reset</c>),
/// its id (<c>strategy:sequence_nr</c> for risk decisions, none for snapshots), the strategy, and its one-line JSON.
/// </summary>
public sealed record StreamEvent(string Type, string? Id, string StrategyId, long SequenceNr, string Data);
