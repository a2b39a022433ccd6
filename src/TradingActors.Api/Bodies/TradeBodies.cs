using TradingActors.Domain.Events;

namespace TradingActors.Api.Bodies;

/// <summary>
/// The body of <c>POST /v1/strategies/{id}/trades</c>: one trade object or a non-empty array of them (docs/api.md,
/// route 1). This reads and types the fields; the strategy's actor checks the values (prices, fees, exit after entry).
/// </summary>
public static class TradeBodies
{
    public const string ListName = "trades";

    private static readonly Dictionary<string, FieldType> Types = new(StringComparer.Ordinal)
    {
        ["trade_id"] = FieldType.Text,
        ["symbol"] = FieldType.Text,
        ["side"] = FieldType.Text,
        ["entry_time"] = FieldType.Time,
        ["exit_time"] = FieldType.Time,
        ["entry_price"] = FieldType.Number,
        ["exit_price"] = FieldType.Number,
        ["quantity"] = FieldType.Number,
        ["pnl"] = FieldType.Number,
        ["fees"] = FieldType.Number,
        ["slippage"] = FieldType.Number,
        ["risk_reward"] = FieldType.Number,
        ["mfe"] = FieldType.Number,
        ["mae"] = FieldType.Number,
    };

    private static readonly HashSet<string> Known = [.. Types.Keys];

    /// <summary>The trades, and whether the body was an array.</summary>
    /// <exception cref="Errors.ApiProblemException">400 naming the field</exception>
    public static (IReadOnlyList<TradeClosed> Trades, bool IsArray) Parse(ReadOnlySpan<byte> body)
    {
        var (elements, isArray) = BodyElements.Parse(body, ListName, Known);
        var trades = new TradeClosed[elements.Count];
        for (var i = 0; i < trades.Length; i++)
        {
            var e = new ElementReader(elements[i], isArray ? $"{ListName}[{i}]." : "");
            e.CheckTypes(Types);
            var sideText = e.Text("side");
            if (!Sides.TryParse(sideText, out var side))
            {
                throw e.Problem("side", $"must be long or short, got '{sideText}'");
            }
            trades[i] = new TradeClosed(
                e.Text("trade_id"),
                e.Text("symbol"),
                side,
                e.Time("entry_time"),
                e.Time("exit_time"),
                e.Number("entry_price"),
                e.Number("exit_price"),
                e.Number("quantity"),
                e.Number("pnl"),
                e.Number("fees"),
                e.Number("slippage"),
                e.OptionalNumber("risk_reward"),
                e.OptionalNumber("mfe"),
                e.OptionalNumber("mae"));
        }
        return (trades, isArray);
    }
}
