using System.Runtime.Serialization;
using TradingActors.Domain.Events;

namespace TradingActors.Actors.Serialization;

/// <summary>
/// The performance events to and from <c>performance_events.proto</c> (manifests <c>TC1</c>, <c>BU1</c>): every
/// field as it is, doubles bit for bit, instants exact to the 100-ns tick in UTC.
/// </summary>
internal static class PerformanceEventMapper
{
    public static Proto.TradeClosed ToProto(TradeClosed t)
    {
        var (entryMs, entryTicks) = WireFormat.Split(t.EntryTime);
        var (exitMs, exitTicks) = WireFormat.Split(t.ExitTime);
        var p = new Proto.TradeClosed
        {
            TradeId = WireFormat.Text(t.TradeId, "trade_id"),
            Symbol = WireFormat.Text(t.Symbol, "symbol"),
            Side = t.Side switch
            {
                Side.Long => Proto.Side.Long,
                Side.Short => Proto.Side.Short,
                _ => throw new ArgumentException($"trade {t.TradeId} has no valid side ({t.Side})", nameof(t)),
            },
            EntryTimeMs = entryMs,
            EntryTimeTicks = entryTicks,
            ExitTimeMs = exitMs,
            ExitTimeTicks = exitTicks,
            EntryPrice = t.EntryPrice,
            ExitPrice = t.ExitPrice,
            Quantity = t.Quantity,
            Pnl = t.Pnl,
            Fees = t.Fees,
            Slippage = t.Slippage,
        };
        if (t.RiskReward is { } rr)
        {
            p.RiskReward = rr;
        }
        if (t.Mfe is { } mfe)
        {
            p.Mfe = mfe;
        }
        if (t.Mae is { } mae)
        {
            p.Mae = mae;
        }
        return p;
    }

    public static TradeClosed FromProto(Proto.TradeClosed p) => new(
        p.TradeId,
        p.Symbol,
        p.Side switch
        {
            Proto.Side.Long => Side.Long,
            Proto.Side.Short => Side.Short,
            _ => throw new SerializationException($"side is {p.Side}, not long or short"),
        },
        WireFormat.Join(p.EntryTimeMs, p.EntryTimeTicks, "entry_time"),
        WireFormat.Join(p.ExitTimeMs, p.ExitTimeTicks, "exit_time"),
        WireFormat.Required(p.HasEntryPrice, p.EntryPrice, "entry_price"),
        WireFormat.Required(p.HasExitPrice, p.ExitPrice, "exit_price"),
        WireFormat.Required(p.HasQuantity, p.Quantity, "quantity"),
        WireFormat.Required(p.HasPnl, p.Pnl, "pnl"),
        WireFormat.Required(p.HasFees, p.Fees, "fees"),
        WireFormat.Required(p.HasSlippage, p.Slippage, "slippage"),
        p.HasRiskReward ? p.RiskReward : null,
        p.HasMfe ? p.Mfe : null,
        p.HasMae ? p.Mae : null);

    public static Proto.BalanceUpdated ToProto(BalanceUpdated b)
    {
        var (ms, ticks) = WireFormat.Split(b.Time);
        return new Proto.BalanceUpdated { TimeMs = ms, TimeTicks = ticks, Balance = b.Balance };
    }

    public static BalanceUpdated FromProto(Proto.BalanceUpdated p) => new(
        WireFormat.Join(p.TimeMs, p.TimeTicks, "time"),
        WireFormat.Required(p.HasBalance, p.Balance, "balance"));
}
