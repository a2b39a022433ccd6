namespace TradingActors.Domain.Input;

/// <summary>
/// An open trades file read one trade at a time (<see cref="TradeFileReader.Open(string)"/>), with the rules of
/// <see cref="TradeFileReader"/>: <see cref="Next"/> throws at the first fault of the file (DESIGN §2: a consumer then
/// discards what it has taken).
/// </summary>
/// <remarks>
/// A trade id repeated for the same strategy is found once the rows are read (<see cref="TradeIdFingerprints"/>): at
/// the end of the file, or before a bad row is reported, since a repeat on an earlier row is the first fault. The rows
/// are then read again to find the first row that repeats an earlier one, and the line of that earlier one, which the
/// message names. Either way the error is the one a row-by-row check would have thrown.
/// </remarks>
public sealed class TradeCursor : IDisposable
{
    private readonly string _file;
    private readonly IRowSource _rows;
    private readonly TradeIdFingerprints _fingerprints;
    private readonly StringPool _symbols = new();
    private readonly StringPool _strategyIds = new(); // valid ids only
    private bool _ended;

    internal TradeCursor(string file, IRowSource rows, ulong fingerprintMask)
    {
        _file = file;
        _rows = rows;
        _fingerprints = new TradeIdFingerprints(fingerprintMask);
        MayHoldStrategyIds = rows.MayHold(TradeFileReader.StrategyId);
    }

    /// <summary>
    /// Whether rows can name a strategy: false for a CSV file without a <c>strategy_id</c> column, whose trades all
    /// belong to none.
    /// </summary>
    public bool MayHoldStrategyIds { get; }

    /// <summary>The next trade, or null at the end of the file.</summary>
    /// <exception cref="InputFileException">
    /// The row is not acceptable, or (at the end of the file) a row repeats the trade id of an earlier one.
    /// </exception>
    /// <exception cref="IOException">Reading failed for a reason unrelated to the content.</exception>
    public ParsedTrade? Next()
    {
        if (_ended)
        {
            return null;
        }
        if (ReadRow() is not { } trade)
        {
            _ended = true;
            ThrowIfRepeated();
            return null;
        }
        _fingerprints.Add(trade.StrategyId, trade.Trade.TradeId);
        return trade;
    }

    public void Dispose() => _rows.Dispose();

    /// <summary>The next row as a trade (null at the end); a bad row throws, after any repeat before it.</summary>
    private ParsedTrade? ReadRow()
    {
        try
        {
            if (_rows.Next() is not { } row)
            {
                return null;
            }
            var strategyId = TradeFileReader.ReadStrategyId(row, _strategyIds);
            var trade = TradeFileReader.ReadTrade(row, _symbols);
            return new ParsedTrade(strategyId, trade, row.Line);
        }
        catch (InputFileException)
        {
            _ended = true;
            ThrowIfRepeated();
            throw;
        }
    }

    /// <summary>
    /// Throws the error of the first row read so far that repeats an earlier row's trade id for the same strategy, if
    /// one does; the rows are read again only when two of them share a fingerprint.
    /// </summary>
    private void ThrowIfRepeated()
    {
        var rowsRead = _fingerprints.Count;
        var repeated = _fingerprints.Repeated();
        if (repeated.Count == 0)
        {
            return;
        }
        // Only the ids whose fingerprint repeats are kept, with the line where each first appears.
        var firstLines = new Dictionary<(string StrategyId, string TradeId), long>();
        using var rows = IRowSource.Open(_file, TradeFileReader.Schema);
        for (var i = 0; i < rowsRead && rows.Next() is { } row; i++)
        {
            var tradeId = row.Text(TradeFileReader.TradeId);
            var strategyId = row.OptionalText(TradeFileReader.StrategyId);
            if (!repeated.Contains(_fingerprints.Of(strategyId, tradeId)))
            {
                continue;
            }
            var key = (strategyId.ToString(), tradeId.ToString());
            if (firstLines.TryGetValue(key, out var earlier))
            {
                var forStrategy = strategyId.IsEmpty ? "" : $" for strategy_id {InputFileException.Quote(strategyId)}";
                throw row.Error(
                    "trade_id",
                    $"{InputFileException.Quote(tradeId)} already appears on line {earlier}{forStrategy}; "
                    + "trade ids must be unique");
            }
            firstLines.Add(key, row.Line);
        }
    }
}
