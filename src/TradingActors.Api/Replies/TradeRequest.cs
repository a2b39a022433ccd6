namespace TradingActors.Api.Replies;

/// <summary>
/// A closed trade as the API takes it, for the OpenAPI document; the body reader (<see cref="Bodies.TradeBodies"/>) is
/// strict and hand-written, so that every refusal names its field.
/// </summary>
public sealed record TradeRequest(
    string TradeId,
    string Symbol,
    string Side,
    DateTimeOffset EntryTime,
    DateTimeOffset ExitTime,
    double EntryPrice,
    double ExitPrice,
    double Quantity,
    double Pnl,
    double Fees,
    double Slippage,
    double? RiskReward,
    double? Mfe,
    double? Mae);

/// <summary>A balance observation as the API takes it, for the OpenAPI document.</summary>
public sealed record BalanceRequest(DateTimeOffset Time, double Balance);
