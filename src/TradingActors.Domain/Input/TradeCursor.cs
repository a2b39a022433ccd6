using System.Runtime.InteropServices;

namespace TradingActors.Domain.Input;

/// <summary>
/// An open trades file read one trade at a time (<see cref="TradeFileReader.Open(string)"/>), with the rules of
/// <see cref="TradeFileReader"/>: each <see cref="Next"/> throws when it reaches a bad row, or a trade id already seen
/// for the same strategy (DESIGN §2: a consumer then discards what it has taken).
/// </summary>
/// <remarks>
/// Ids are remembered as fingerprints (<see cref="TradeIdFingerprints"/>); when one comes again, the file is read again
/// up to the row to find the earlier row with the same id, for the line the message names (and to tell a repeat from
/// two ids sharing a fingerprint). That second read happens once, on the way to an error, in practice.
/// </remarks>
public sealed class TradeCursor : IDisposable
{
    private readonly string _file;
    private readonly IRowSource _rows;
    private readonly ulong _fingerprintMask;

    /// <summary>The trade ids seen, per strategy id and for rows without one.</summary>
    private readonly TradeIdFingerprints _seenWithoutStrategy;

    private readonly Dictionary<string, TradeIdFingerprints> _seenByStrategy = new(StringComparer.Ordinal);
    private readonly StringPool _symbols = new();
    private readonly StringPool _strategyIds = new(); // valid ids only

    internal TradeCursor(string file, IRowSource rows, ulong fingerprintMask)
    {
        _file = file;
        _rows = rows;
        _fingerprintMask = fingerprintMask;
        _seenWithoutStrategy = new TradeIdFingerprints(fingerprintMask);
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
        if (!seen.Add(trade.TradeId) && FirstLineOf(strategyId, trade.TradeId, row.Line) is var earlier and > 0)
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

    private TradeIdFingerprints SeenFor(string strategyId)
    {
        ref var forId = ref CollectionsMarshal.GetValueRefOrAddDefault(_seenByStrategy, strategyId, out _);
        return forId ??= new TradeIdFingerprints(_fingerprintMask);
    }

    /// <summary>
    /// The line of the first row before <paramref name="line"/> with this strategy id (null: none) and trade id, read
    /// again from the file; 0 when there is none (another id shares the fingerprint). The rows before were all read
    /// and accepted, so reading them again reports nothing.
    /// </summary>
    private long FirstLineOf(string? strategyId, string tradeId, long line)
    {
        using var rows = IRowSource.Open(_file, TradeFileReader.Schema);
        for (var row = rows.Next(); row is not null && row.Line < line; row = rows.Next())
        {
            if (row.Text(TradeFileReader.TradeId).SequenceEqual(tradeId)
                && row.OptionalText(TradeFileReader.StrategyId).SequenceEqual(strategyId))
            {
                return row.Line;
            }
        }
        return 0;
    }
}
