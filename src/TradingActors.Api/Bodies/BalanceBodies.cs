using TradingActors.Domain.Events;

namespace TradingActors.Api.Bodies;

/// <summary>
/// The body of <c>POST /v1/strategies/{id}/balances</c>: <c>{"time", "balance"}</c> or a non-empty array of them in
/// time order (docs/api.md, route 2).
/// </summary>
public static class BalanceBodies
{
    public const string ListName = "balances";

    private static readonly Dictionary<string, FieldType> Types = new(StringComparer.Ordinal)
    {
        ["time"] = FieldType.Time,
        ["balance"] = FieldType.Number,
    };

    private static readonly HashSet<string> Known = [.. Types.Keys];

    /// <exception cref="Errors.ApiProblemException">400 naming the field</exception>
    public static (IReadOnlyList<BalanceUpdated> Balances, bool IsArray) Parse(ReadOnlySpan<byte> body)
    {
        var (elements, isArray) = BodyElements.Parse(body, ListName, Known);
        var balances = new BalanceUpdated[elements.Count];
        for (var i = 0; i < balances.Length; i++)
        {
            var e = new ElementReader(elements[i], isArray ? $"{ListName}[{i}]." : "");
            e.CheckTypes(Types);
            balances[i] = new BalanceUpdated(e.Time("time"), e.Number("balance"));
        }
        return (balances, isArray);
    }
}
