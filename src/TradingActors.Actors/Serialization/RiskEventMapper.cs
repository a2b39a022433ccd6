using System.Runtime.Serialization;
using TradingActors.Domain.Risk;

namespace TradingActors.Actors.Serialization;

/// <summary>
/// The risk decisions to and from <c>risk_events.proto</c> (manifests <c>EC1</c>, <c>LC1</c>), with the
/// <see cref="RiskInputs"/> and <see cref="RiskLimits"/> they carry (also part of the <c>RS1</c> snapshot): every
/// field as it is, nulls as absent fields, doubles bit for bit, instants exact to the 100-ns tick in UTC.
/// </summary>
internal static class RiskEventMapper
{
    public static Proto.ExposureChanged ToProto(ExposureChanged e)
    {
        var (atMs, atTicks) = WireFormat.Split(e.At);
        return new Proto.ExposureChanged
        {
            From = e.From,
            To = e.To,
            Rule = ToProto(e.Rule),
            Reason = WireFormat.Text(e.Reason, "reason"),
            SnapshotSequenceNr = e.SnapshotSequenceNr,
            Figures = e.Figures is null ? null : ToProto(e.Figures),
            AtMs = atMs,
            AtTicks = atTicks,
            Limits = ToProto(e.Limits),
        };
    }

    public static ExposureChanged FromProto(Proto.ExposureChanged p) => new(
        WireFormat.Required(p.HasFrom, p.From, "from"),
        WireFormat.Required(p.HasTo, p.To, "to"),
        FromProto(p.Rule),
        p.Reason,
        p.SnapshotSequenceNr,
        p.Figures is null ? null : FromProto(p.Figures),
        WireFormat.Join(p.AtMs, p.AtTicks, "at"),
        FromProto(WireFormat.Required(p.Limits, "limits")));

    public static Proto.LimitChanged ToProto(LimitChanged e)
    {
        var (atMs, atTicks) = WireFormat.Split(e.At);
        return new Proto.LimitChanged
        {
            From = e.From,
            To = e.To,
            Rule = ToProto(e.Rule),
            Reason = WireFormat.Text(e.Reason, "reason"),
            SnapshotSequenceNr = e.SnapshotSequenceNr,
            Figures = e.Figures is null ? null : ToProto(e.Figures),
            AtMs = atMs,
            AtTicks = atTicks,
            Limits = ToProto(e.Limits),
        };
    }

    public static LimitChanged FromProto(Proto.LimitChanged p) => new(
        FromProto(p.Rule),
        WireFormat.Required(p.HasFrom, p.From, "from"),
        WireFormat.Required(p.HasTo, p.To, "to"),
        p.Reason,
        p.SnapshotSequenceNr,
        p.Figures is null ? null : FromProto(p.Figures),
        WireFormat.Join(p.AtMs, p.AtTicks, "at"),
        FromProto(WireFormat.Required(p.Limits, "limits")));

    public static Proto.RiskInputs ToProto(RiskInputs i)
    {
        var p = new Proto.RiskInputs
        {
            SequenceNr = i.SequenceNr,
            TotalTrades = i.TotalTrades,
            ConsecutiveWins = i.ConsecutiveWins,
            ConsecutiveLosses = i.ConsecutiveLosses,
            DayNetPnl = i.DayNetPnl,
        };
        if (i.AsOf is { } asOf)
        {
            (p.AsOfMs, p.AsOfTicks) = WireFormat.Split(asOf);
        }
        if (i.CurrentBalance is { } balance)
        {
            p.CurrentBalance = balance;
        }
        if (i.CurrentDrawdown is { } drawdown)
        {
            p.CurrentDrawdown = drawdown;
        }
        if (i.Day is { } day)
        {
            p.Day = WireFormat.Day(day);
        }
        if (i.DayOpeningBalance is { } opening)
        {
            p.DayOpeningBalance = opening;
        }
        return p;
    }

    public static RiskInputs FromProto(Proto.RiskInputs p) => new(
        p.SequenceNr,
        p.HasAsOfMs ? WireFormat.Join(p.AsOfMs, p.AsOfTicks, "figures.as_of") : null,
        p.TotalTrades,
        p.ConsecutiveWins,
        p.ConsecutiveLosses,
        p.HasCurrentBalance ? p.CurrentBalance : null,
        p.HasCurrentDrawdown ? p.CurrentDrawdown : null,
        p.HasDay ? WireFormat.Date(p.Day, "figures.day") : null,
        p.HasDayOpeningBalance ? p.DayOpeningBalance : null,
        WireFormat.Required(p.HasDayNetPnl, p.DayNetPnl, "figures.day_net_pnl"));

    public static Proto.RiskLimits ToProto(RiskLimits l)
    {
        var p = new Proto.RiskLimits
        {
            ConsecutiveLosses = l.ConsecutiveLosses,
            Drawdown = l.Drawdown,
            DailyLoss = l.DailyLoss,
            Halted = l.Halted,
            WinStreakStart = l.WinStreakStart,
            WinsCredited = l.WinsCredited,
        };
        if (l.LastCutAt is { } lastCut)
        {
            (p.LastCutAtMs, p.LastCutAtTicks) = WireFormat.Split(lastCut);
        }
        if (l.DailyLossDay is { } day)
        {
            p.DailyLossDay = WireFormat.Day(day);
        }
        return p;
    }

    public static RiskLimits FromProto(Proto.RiskLimits p) => new(
        WireFormat.Required(p.HasConsecutiveLosses, p.ConsecutiveLosses, "limits.consecutive_losses"),
        WireFormat.Required(p.HasDrawdown, p.Drawdown, "limits.drawdown"),
        WireFormat.Required(p.HasDailyLoss, p.DailyLoss, "limits.daily_loss"),
        p.Halted,
        p.HasLastCutAtMs ? WireFormat.Join(p.LastCutAtMs, p.LastCutAtTicks, "limits.last_cut_at") : null,
        p.HasDailyLossDay ? WireFormat.Date(p.DailyLossDay, "limits.daily_loss_day") : null,
        p.WinStreakStart,
        p.WinsCredited);

    private static Proto.RiskRule ToProto(RiskRule rule) => rule switch
    {
        RiskRule.ConsecutiveLosses => Proto.RiskRule.ConsecutiveLosses,
        RiskRule.Drawdown => Proto.RiskRule.Drawdown,
        RiskRule.DailyLoss => Proto.RiskRule.DailyLoss,
        RiskRule.ManualHalt => Proto.RiskRule.ManualHalt,
        _ => throw new ArgumentOutOfRangeException(nameof(rule), rule, "not a risk rule"),
    };

    private static RiskRule FromProto(Proto.RiskRule rule) => rule switch
    {
        Proto.RiskRule.ConsecutiveLosses => RiskRule.ConsecutiveLosses,
        Proto.RiskRule.Drawdown => RiskRule.Drawdown,
        Proto.RiskRule.DailyLoss => RiskRule.DailyLoss,
        Proto.RiskRule.ManualHalt => RiskRule.ManualHalt,
        _ => throw new SerializationException($"rule is {rule}, not a risk rule this version knows"),
    };
}
