namespace TradingActors.Api.Replies;

/// <summary>The reply to a write: events persisted by it, retries acknowledged, and the strategy's journal position.</summary>
public sealed record RecordedReply(string StrategyId, int Recorded, int Duplicates, long SequenceNr);
