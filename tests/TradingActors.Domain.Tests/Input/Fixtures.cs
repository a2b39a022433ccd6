using System.Text;
using TradingActors.Domain.Input;

namespace TradingActors.Domain.Tests.Input;

/// <summary>
/// Small input files for the reader tests (port of the JVM build's <c>Fixtures</c>): one valid trade row that each test
/// bends in exactly one place, so a rejection can only come from the place under test.
/// </summary>
internal static class Fixtures
{
    public static readonly IReadOnlyList<string> Columns =
    [
        "trade_id", "symbol", "side", "entry_time", "exit_time", "entry_price", "exit_price", "quantity", "pnl", "fees",
        "slippage", "risk_reward",
    ];

    public static readonly string Header = string.Join(",", Columns);

    /// <summary>JSON-typed text fields; every other field is written as a raw JSON token.</summary>
    private static readonly HashSet<string> TextFields =
        ["trade_id", "symbol", "side", "entry_time", "exit_time", "strategy_id"];

    /// <summary>A valid trade's cells, in <see cref="Columns"/> order, as CSV text.</summary>
    public static OrderedDictionary<string, string> Trade(string tradeId) => new()
    {
        ["trade_id"] = tradeId,
        ["symbol"] = "BTCUSDT",
        ["side"] = "long",
        ["entry_time"] = "2025-03-01T14:00:00Z",
        ["exit_time"] = "2025-03-01T18:30:00Z",
        ["entry_price"] = "84000.5",
        ["exit_price"] = "84850",
        ["quantity"] = "0.05",
        ["pnl"] = "40.07",
        ["fees"] = "2.1",
        ["slippage"] = "0.3",
        ["risk_reward"] = "2.0",
    };

    /// <summary><see cref="Trade(string)"/> with one cell replaced (or added, for an optional column).</summary>
    public static OrderedDictionary<string, string> Trade(string tradeId, string column, string cell)
    {
        var cells = Trade(tradeId);
        cells[column] = cell;
        return cells;
    }

    public static string CsvRow(OrderedDictionary<string, string> cells) => string.Join(",", cells.Values);

    /// <summary>The cells as a JSON object; empty cells are left out, as a JSON exporter would.</summary>
    public static string JsonRow(OrderedDictionary<string, string> cells) =>
        "{" + string.Join(
            ",",
            cells.Where(c => c.Value.Length > 0)
                .Select(c => $"\"{c.Key}\":" + (TextFields.Contains(c.Key) ? $"\"{c.Value}\"" : c.Value))) + "}";

    /// <summary>A CSV file: the standard header, then the given rows, each ended by LF.</summary>
    public static string Csv(params string[] rows)
    {
        var text = new StringBuilder(Header).Append('\n');
        foreach (var row in rows)
        {
            text.Append(row).Append('\n');
        }
        return text.ToString();
    }

    /// <summary>The text as UTF-8 bytes after a byte-order mark.</summary>
    public static byte[] WithBom(string text) => [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(text)];

    /// <summary>
    /// The <see cref="InputFileException"/> the call throws; fails when it throws nothing or something else.
    /// </summary>
    public static InputFileException Rejection(Action call) => Assert.Throws<InputFileException>(call);

    /// <summary>Asserts where a rejection points; returns it for checks on the reason.</summary>
    public static InputFileException AssertRejected(Action call, long line, string? field)
    {
        var e = Rejection(call);
        Assert.True(e.Line == line, $"expected line {line}, got {e.Line}: {e.Message}");
        Assert.True(e.Field == field, $"expected field {field ?? "null"}, got {e.Field ?? "null"}: {e.Message}");
        return e;
    }
}
