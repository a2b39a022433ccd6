using TradingActors.Domain.Events;

namespace TradingActors.Domain.Input;

/// <summary>
/// Reads a trades file (DESIGN §2) — CSV with a header row or JSON Lines, the format chosen by extension or else by the
/// first character — into validated <see cref="TradeClosed"/> events.
/// </summary>
/// <remarks>
/// All or nothing: the first bad row ends the read with an <see cref="InputFileException"/> naming its line and field,
/// because DESIGN §2 persists nothing from a file with a bad row, and a partial backtest would give plausible but wrong
/// metrics. Fields are read in wire order, so the first bad field is the one reported; then each trade passes
/// <see cref="EventValidator"/>, the same gate as the HTTP API, so a file cannot smuggle in what the API would refuse.
/// A <c>trade_id</c> repeated for the same <c>strategy_id</c> is an error too: import is idempotent by trade id, so a
/// repeat would be silently dropped there and counted twice by <c>report</c>. The file is streamed row by row, cells
/// parsed in place; only the parsed trades are kept.
/// </remarks>
public static class TradeFileReader
{
    /// <summary>Column / field names of a trades file, by wire name.</summary>
    internal static readonly FileSchema Schema = new(
        [
            "trade_id", "symbol", "side", "entry_time", "exit_time", "entry_price", "exit_price", "quantity", "pnl",
            "fees", "slippage",
        ],
        ["strategy_id", "risk_reward", "mfe", "mae"]);

    /// <summary>DESIGN §5: strategy ids are 1–64 characters of <c>[A-Za-z0-9._-]</c>.</summary>
    internal const int MaxStrategyIdLength = 64;

    internal static readonly int TradeId = Schema.IndexOf("trade_id");
    private static readonly int Symbol = Schema.IndexOf("symbol");
    private static readonly int Side = Schema.IndexOf("side");
    private static readonly int EntryTime = Schema.IndexOf("entry_time");
    private static readonly int ExitTime = Schema.IndexOf("exit_time");
    private static readonly int EntryPrice = Schema.IndexOf("entry_price");
    private static readonly int ExitPrice = Schema.IndexOf("exit_price");
    private static readonly int Quantity = Schema.IndexOf("quantity");
    private static readonly int Pnl = Schema.IndexOf("pnl");
    private static readonly int Fees = Schema.IndexOf("fees");
    private static readonly int Slippage = Schema.IndexOf("slippage");
    internal static readonly int StrategyId = Schema.IndexOf("strategy_id");
    private static readonly int RiskReward = Schema.IndexOf("risk_reward");
    private static readonly int Mfe = Schema.IndexOf("mfe");
    private static readonly int Mae = Schema.IndexOf("mae");

    /// <summary>Every trade of the file, in file order.</summary>
    /// <param name="file">The path as the user gave it; error messages name the file with this very string.</param>
    /// <exception cref="InputFileException">
    /// The first row (or the header) that is not acceptable, or a missing, unreadable or non-UTF-8 file.
    /// </exception>
    /// <exception cref="IOException">Reading failed for a reason unrelated to the content.</exception>
    public static IReadOnlyList<ParsedTrade> Read(string file) => [.. Enumerate(file)];

    /// <summary>
    /// The trades of the file one at a time, in file order, as the file is read: nothing is kept but a fingerprint of
    /// each trade id (to refuse a repeat). The file is opened by the first <c>MoveNext</c>, and a <c>MoveNext</c> throws
    /// what <see cref="Read"/> documents when it reaches a bad row, or the end of the file after a repeated trade id
    /// (<see cref="TradeCursor"/>); a consumer must discard what it has taken when that happens (DESIGN §2: nothing
    /// from a file with a bad row is kept).
    /// </summary>
    /// <param name="file">The path as the user gave it; error messages name the file with this very string.</param>
    public static IEnumerable<ParsedTrade> Enumerate(string file)
    {
        using var trades = Open(file);
        for (var trade = trades.Next(); trade is not null; trade = trades.Next())
        {
            yield return trade;
        }
    }

    /// <summary>
    /// Opens the file for reading its trades one at a time (<see cref="TradeCursor.Next"/>), as <see cref="Enumerate"/>
    /// does, with what its header tells (<see cref="TradeCursor.MayHoldStrategyIds"/>).
    /// </summary>
    /// <param name="file">The path as the user gave it; error messages name the file with this very string.</param>
    /// <exception cref="InputFileException">
    /// The header is not acceptable, or the file is missing, unreadable or not UTF-8.
    /// </exception>
    public static TradeCursor Open(string file) => Open(file, ulong.MaxValue);

    /// <summary><see cref="Open(string)"/> keeping only the bits of <paramref name="fingerprintMask"/> of each trade
    /// id's fingerprint: tests make ids collide this way.</summary>
    internal static TradeCursor Open(string file, ulong fingerprintMask) =>
        new(file, IRowSource.Open(file, Schema), fingerprintMask);

    /// <summary>The strategy id of a row, checked here so that import cannot fail half-way; null when absent.</summary>
    internal static string? ReadStrategyId(InputRow row, StringPool validIds)
    {
        var id = row.OptionalText(StrategyId);
        if (id.IsEmpty)
        {
            return null;
        }
        if (validIds.Find(id) is { } known)
        {
            return known;
        }
        if (!IsValidStrategyId(id))
        {
            throw row.Error(
                "strategy_id",
                "must be 1 to 64 characters of letters, digits, '.', '_' or '-', got " + InputFileException.Quote(id));
        }
        return validIds.Get(id);
    }

    /// <summary>
    /// The row as a validated trade, fields read in wire order so the first bad field is the one reported.
    /// </summary>
    internal static TradeClosed ReadTrade(InputRow row, StringPool symbols)
    {
        var tradeId = row.Text(TradeId).ToString();
        var symbol = symbols.Get(row.Text(Symbol));
        var sideText = row.Text(Side);
        if (!Sides.TryParse(sideText, out var side))
        {
            throw row.Error("side", "must be long or short, got " + InputFileException.Quote(sideText));
        }
        var trade = new TradeClosed(
            tradeId,
            symbol,
            side,
            row.Time(EntryTime),
            row.Time(ExitTime),
            row.Number(EntryPrice),
            row.Number(ExitPrice),
            row.Number(Quantity),
            row.Number(Pnl),
            row.Number(Fees),
            row.Number(Slippage),
            row.OptionalNumber(RiskReward),
            row.OptionalNumber(Mfe),
            row.OptionalNumber(Mae));
        var violations = EventValidator.Validate(trade);
        return violations.Count > 0 ? throw row.Error(violations[0].Field, violations[0].Message) : trade;
    }

    /// <summary>Whether the text is a strategy id: 1 to 64 characters of <c>[A-Za-z0-9._-]</c> (DESIGN §5).</summary>
    internal static bool IsValidStrategyId(ReadOnlySpan<char> id)
    {
        if (id.IsEmpty || id.Length > MaxStrategyIdLength)
        {
            return false;
        }
        foreach (var c in id)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('.' or '_' or '-'))
            {
                return false;
            }
        }
        return true;
    }
}
