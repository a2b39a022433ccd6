using System.Runtime.InteropServices;

namespace TradingActors.Domain.Input;

/// <summary>
/// An open trades file read one trade at a time (<see cref="TradeFileReader.Open"/>), with the rules of
/// <see cref="TradeFileReader"/>: each <see cref="Next"/> throws when it reaches a bad row, or a trade id already seen
/// for the same strategy (DESIGN §2: a consumer then discards what it has taken).
/// </summary>
public sealed class TradeCursor : IDisposable
{
    private readonly IRowSource _rows;

    /// <summary>Where each trade id first appeared, per strategy id and for rows without one.</summary>
    private readonly TradeIdLines _seenWithoutStrategy = new();

    private readonly Dictionary<string, TradeIdLines> _seenByStrategy = new(StringComparer.Ordinal);
    private readonly StringPool _symbols = new();
    private readonly StringPool _strategyIds = new(); // valid ids only

    internal TradeCursor(IRowSource rows)
    {
        _rows = rows;
        MayHoldStrategyIds = rows.MayHold(TradeFileReader.StrategyId);
    }

    /// <summary>
    /// Whether rows can name a strategy: false for a CSV file without a <c>strategy_id</c> column, whose trades all
    /// belong to none.
    /// </summary>
    public bool MayHoldStrategyIds { get; }

    /// <summary>The next trade, or null at the end of the file.</summary>
    /// <exception cref="InputFileException">The row is not acceptable, or repeats a trade id.</exception>
    /// <exception cref="IOException">Reading failed for a reason unrelated to the content.</exception>
    public ParsedTrade? Next()
    {
        if (_rows.Next() is not { } row)
        {
            return null;
        }
        var strategyId = TradeFileReader.ReadStrategyId(row, _strategyIds);
        var trade = TradeFileReader.ReadTrade(row, _symbols);
        var seen = strategyId is null ? _seenWithoutStrategy : SeenFor(strategyId);
        if (seen.FirstLineOrAdd(trade.TradeId, row.Line) is var earlier and > 0)
        {
            var forStrategy = strategyId is null ? "" : $" for strategy_id {InputFileException.Quote(strategyId)}";
            throw row.Error(
                "trade_id",
                $"{InputFileException.Quote(trade.TradeId)} already appears on line {earlier}{forStrategy}; "
                + "trade ids must be unique");
        }
        return new ParsedTrade(strategyId, trade, row.Line);
    }

    public void Dispose() => _rows.Dispose();

    private TradeIdLines SeenFor(string strategyId)
    {
        ref var forId = ref CollectionsMarshal.GetValueRefOrAddDefault(_seenByStrategy, strategyId, out _);
        return forId ??= new TradeIdLines();
    }
}
