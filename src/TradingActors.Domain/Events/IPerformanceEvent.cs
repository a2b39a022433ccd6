namespace TradingActors.Domain.Events;

/// <summary>
/// A fact about one strategy, as the live engine or a backtest reports it. Events are the journal's contract and live
/// forever: a field is only ever added (optional), never renamed or re-typed.
/// </summary>
public interface IPerformanceEvent
{
    /// <summary>When the fact happened: a trade's exit, a balance's observation. Orders a backtest's events.</summary>
    DateTimeOffset Time { get; }
}
