using System.Globalization;

namespace TradingActors.Domain.Events;

/// <summary>
/// The single gate in front of the fold: what it rejects never reaches <c>PerformanceState.Apply</c>, whether it came
/// from a file, the HTTP API or an embedding engine. Field names in the messages are the wire names of DESIGN §2.
/// </summary>
public static class EventValidator
{
    /// <summary>Longest accepted trade id or symbol; ids are keys in the journal and the read model.</summary>
    public const int MaxIdLength = 128;

    /// <summary>Every violation of the trade, in field order; empty when the trade is valid.</summary>
    public static IReadOnlyList<Violation> Validate(TradeClosed trade)
    {
        var list = new List<Violation>();
        RequireId(list, "trade_id", trade.TradeId);
        RequireId(list, "symbol", trade.Symbol);
        if (!Enum.IsDefined(trade.Side))
        {
            list.Add(new Violation("side", "is required and must be long or short"));
        }
        if (trade.ExitTime < trade.EntryTime)
        {
            list.Add(new Violation(
                "exit_time",
                $"exit_time {Format(trade.ExitTime)} is before entry_time {Format(trade.EntryTime)}"));
        }
        RequirePositive(list, "entry_price", trade.EntryPrice);
        RequirePositive(list, "exit_price", trade.ExitPrice);
        RequirePositive(list, "quantity", trade.Quantity);
        RequireFinite(list, "pnl", trade.Pnl);
        RequireFinite(list, "fees", trade.Fees);
        if (double.IsFinite(trade.Fees) && trade.Fees < 0)
        {
            list.Add(new Violation("fees", $"must not be negative (it is a cost), got {Format(trade.Fees)}"));
        }
        RequireFinite(list, "slippage", trade.Slippage);
        OptionalFinite(list, "risk_reward", trade.RiskReward);
        if (trade.RiskReward is { } rr && double.IsFinite(rr) && rr < 0)
        {
            list.Add(new Violation("risk_reward", $"must not be negative, got {Format(rr)}"));
        }
        OptionalFinite(list, "mfe", trade.Mfe);
        OptionalFinite(list, "mae", trade.Mae);
        return list;
    }

    /// <summary>Every violation of the balance observation; empty when it is valid.</summary>
    public static IReadOnlyList<Violation> Validate(BalanceUpdated balance)
    {
        var list = new List<Violation>();
        RequirePositive(list, "balance", balance.Balance);
        return list;
    }

    /// <summary>Dispatches on the event type.</summary>
    public static IReadOnlyList<Violation> Validate(IPerformanceEvent performanceEvent) => performanceEvent switch
    {
        TradeClosed t => Validate(t),
        BalanceUpdated b => Validate(b),
        _ => throw new ArgumentException($"unknown event type {performanceEvent.GetType().Name}"),
    };

    /// <summary>A number as messages show it: shortest round-trip form, invariant culture.</summary>
    public static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>An instant as messages and JSON show it: ISO-8601 UTC, milliseconds only when not zero.</summary>
    public static string Format(DateTimeOffset time) => Instants.Format(time);

    private static void RequireId(List<Violation> list, string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            list.Add(new Violation(field, "is required and must not be blank"));
        }
        else if (value.Length > MaxIdLength)
        {
            list.Add(new Violation(field, $"is longer than {MaxIdLength} characters"));
        }
    }

    private static void RequireFinite(List<Violation> list, string field, double value)
    {
        if (!double.IsFinite(value))
        {
            list.Add(new Violation(field, $"must be a finite number, got {Format(value)}"));
        }
    }

    private static void RequirePositive(List<Violation> list, string field, double value)
    {
        if (!double.IsFinite(value))
        {
            list.Add(new Violation(field, $"must be a finite number, got {Format(value)}"));
        }
        else if (value <= 0)
        {
            list.Add(new Violation(field, $"must be greater than 0, got {Format(value)}"));
        }
    }

    private static void OptionalFinite(List<Violation> list, string field, double? value)
    {
        if (value is { } v && !double.IsFinite(v))
        {
            list.Add(new Violation(field, $"must be a finite number when present, got {Format(v)}"));
        }
    }
}
