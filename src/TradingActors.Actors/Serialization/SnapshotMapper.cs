using System.Buffers.Binary;
using System.Runtime.Serialization;
using Google.Protobuf;
using TradingActors.Actors.Configuration;
using TradingActors.Actors.Performance;
using TradingActors.Domain.Events;
using TradingActors.Domain.Risk;
using TradingActors.Domain.State;
using TradingActors.Metrics;

namespace TradingActors.Actors.Serialization;

/// <summary>
/// The snapshots to and from <c>snapshots.proto</c>: the performance state (manifest <c>PS1</c>) part by part, so that
/// the restored state equals the original and folds on to the same bits, and the risk state (<c>RS1</c>). The metric
/// settings are not in a snapshot; the reader passes the node's.
/// </summary>
internal static class SnapshotMapper
{
    private const int DigestBytes = 16;

    public static Proto.PerformanceStateSnapshot ToProto(PerformanceSnapshot snapshot)
    {
        var s = snapshot.State;
        return new Proto.PerformanceStateSnapshot
        {
            EventCount = s.EventCount,
            AsOfMs = s.AsOfMs,
            Tally = ToProto(s.Tally),
            TradeIdDigests = ToBytes(s.TradeIds.Digests()),
            RecentTrades = ToProto(s.RecentTrades),
            Drawdown = ToProto(s.Drawdown),
            Daily = s.Daily.IsEmpty ? null : ToProto(s.Daily),
            RecentBalances = ToProto(s.RecentBalances),
            TodayTrades = new Proto.DayTrades { Trades = s.TodayTrades.Trades, Pnl = s.TodayTrades.Pnl },
        };
    }

    /// <summary>The snapshot's state, folding on with <paramref name="settings"/>.</summary>
    /// <exception cref="SerializationException">A part is missing or inconsistent, or the snapshot's daily returns
    /// were accumulated under another MAR than <paramref name="settings"/>' (it cannot be restored under these
    /// settings: the strategy must recover from its events).</exception>
    public static PerformanceSnapshot FromProto(Proto.PerformanceStateSnapshot p, MetricSettings settings)
    {
        var today = WireFormat.Required(p.TodayTrades, "today_trades");
        var state = PerformanceState.Restore(
            settings,
            p.EventCount,
            p.AsOfMs,
            FromProto(WireFormat.Required(p.Tally, "tally")),
            TradeIdSet.FromDigests(FromBytes(p.TradeIdDigests)),
            FromProto(WireFormat.Required(p.RecentTrades, "recent_trades")),
            FromProto(WireFormat.Required(p.Drawdown, "drawdown")),
            p.Daily is null ? DailyCloseSeries.Empty(settings.MarPerPeriod) : FromProto(p.Daily, settings),
            FromProto(WireFormat.Required(p.RecentBalances, "recent_balances")),
            new DayTrades(today.Trades, WireFormat.Required(today.HasPnl, today.Pnl, "today_trades.pnl")));
        return new PerformanceSnapshot(state);
    }

    /// <summary>
    /// The snapshot as the store will write it, with a state of its own: the fold's versions share their recent-row
    /// rings, and the snapshot store serializes later, on its own thread, while the actor folds on and overwrites the
    /// rows an older version still reads (<c>RecentColumns</c>). Restored from its own wire form, so it is exactly
    /// what recovery will read.
    /// </summary>
    public static PerformanceSnapshot Detached(PerformanceSnapshot snapshot, MetricSettings settings) =>
        FromProto(ToProto(snapshot), settings);

    public static Proto.RiskStateSnapshot ToProto(RiskState s) => new()
    {
        Limits = RiskEventMapper.ToProto(s.Limits),
        LastExposureChange = s.LastExposureChange is null ? null : RiskEventMapper.ToProto(s.LastExposureChange),
        LastSnapshotSequenceNr = s.LastSnapshotSequenceNr,
    };

    public static RiskState FromProto(Proto.RiskStateSnapshot p) => new(
        RiskEventMapper.FromProto(WireFormat.Required(p.Limits, "limits")),
        p.LastExposureChange is null ? null : RiskEventMapper.FromProto(p.LastExposureChange),
        p.LastSnapshotSequenceNr);

    private static Proto.TradeTally ToProto(TradeTally t) => new()
    {
        Total = t.Total,
        Wins = t.Wins,
        Losses = t.Losses,
        Breakevens = t.Breakevens,
        GrossProfit = t.GrossProfit,
        GrossLoss = t.GrossLoss,
        NetPnl = t.NetPnl,
        LargestWin = t.LargestWin,
        LargestLoss = t.LargestLoss,
        MaxWinStreak = t.MaxWinStreak,
        MaxLossStreak = t.MaxLossStreak,
        WinStreak = t.WinStreak,
        LossStreak = t.LossStreak,
        DurationSumMs = t.DurationSumMs,
        FirstEntryMs = t.FirstEntryMs,
        LastExitMs = t.LastExitMs,
        TotalFees = t.TotalFees,
        TotalSlippage = t.TotalSlippage,
        RrSum = t.RrSum,
        RrCount = t.RrCount,
    };

    private static TradeTally FromProto(Proto.TradeTally p) => new(
        p.Total,
        p.Wins,
        p.Losses,
        p.Breakevens,
        WireFormat.Required(p.HasGrossProfit, p.GrossProfit, "tally.gross_profit"),
        WireFormat.Required(p.HasGrossLoss, p.GrossLoss, "tally.gross_loss"),
        WireFormat.Required(p.HasNetPnl, p.NetPnl, "tally.net_pnl"),
        WireFormat.Required(p.HasLargestWin, p.LargestWin, "tally.largest_win"),
        WireFormat.Required(p.HasLargestLoss, p.LargestLoss, "tally.largest_loss"),
        p.MaxWinStreak,
        p.MaxLossStreak,
        p.WinStreak,
        p.LossStreak,
        p.DurationSumMs,
        p.FirstEntryMs,
        p.LastExitMs,
        WireFormat.Required(p.HasTotalFees, p.TotalFees, "tally.total_fees"),
        WireFormat.Required(p.HasTotalSlippage, p.TotalSlippage, "tally.total_slippage"),
        WireFormat.Required(p.HasRrSum, p.RrSum, "tally.rr_sum"),
        p.RrCount);

    /// <summary>The digests, 16 bytes each, big-endian, concatenated.</summary>
    private static ByteString ToBytes(UInt128[] digests)
    {
        var bytes = new byte[digests.Length * DigestBytes];
        for (var i = 0; i < digests.Length; i++)
        {
            BinaryPrimitives.WriteUInt128BigEndian(bytes.AsSpan(i * DigestBytes, DigestBytes), digests[i]);
        }
        return UnsafeByteOperations.UnsafeWrap(bytes); // the array is never touched again
    }

    private static UInt128[] FromBytes(ByteString bytes)
    {
        var span = bytes.Span;
        if (span.Length % DigestBytes != 0)
        {
            throw new SerializationException(
                $"trade_id_digests is {span.Length} bytes long, not a multiple of {DigestBytes}");
        }
        var digests = new UInt128[span.Length / DigestBytes];
        for (var i = 0; i < digests.Length; i++)
        {
            digests[i] = BinaryPrimitives.ReadUInt128BigEndian(span.Slice(i * DigestBytes, DigestBytes));
        }
        return digests;
    }

    private static Proto.RecentTrades ToProto(TradeWindow window)
    {
        var (exits, values) = window.Columns();
        var p = new Proto.RecentTrades();
        p.ExitTimesMs.AddRange(exits);
        p.Pnl.AddRange(values[0]);
        p.RiskReward.AddRange(values[1]);
        return p;
    }

    /// <summary>The window rebuilt by <see cref="TradeWindow.Plus"/> in recording order; an R:R of NaN (none) is
    /// passed on as that very NaN, so the column keeps its bits.</summary>
    private static TradeWindow FromProto(Proto.RecentTrades p)
    {
        var n = p.ExitTimesMs.Count;
        if (p.Pnl.Count != n || p.RiskReward.Count != n)
        {
            throw new SerializationException(
                $"recent_trades has {n} exit times, {p.Pnl.Count} pnls and {p.RiskReward.Count} R:Rs");
        }
        var window = default(TradeWindow);
        for (var i = 0; i < n; i++)
        {
            window = window.Plus(p.ExitTimesMs[i], p.Pnl[i], p.RiskReward[i]);
        }
        return window;
    }

    private static Proto.DrawdownTracker ToProto(DrawdownTracker d) => new()
    {
        Count = d.Count,
        Initial = d.Initial,
        Last = d.Last,
        LastTimeMs = d.LastTimeMs,
        Peak = d.Peak,
        PeakTimeMs = d.PeakTimeMs,
        MaxDrawdown = d.MaxDrawdown,
        Underwater = d.Underwater,
        LongestRecoveredMs = d.LongestRecoveredMs,
    };

    private static DrawdownTracker FromProto(Proto.DrawdownTracker p) => new(
        p.Count,
        WireFormat.Required(p.HasInitial, p.Initial, "drawdown.initial"),
        WireFormat.Required(p.HasLast, p.Last, "drawdown.last"),
        p.LastTimeMs,
        WireFormat.Required(p.HasPeak, p.Peak, "drawdown.peak"),
        p.PeakTimeMs,
        WireFormat.Required(p.HasMaxDrawdown, p.MaxDrawdown, "drawdown.max_drawdown"),
        p.Underwater,
        p.LongestRecoveredMs);

    private static Proto.DailyCloses ToProto(DailyCloseSeries d)
    {
        var m = d.FinalizedMoments;
        var p = new Proto.DailyCloses
        {
            FirstDay = d.FirstDay,
            CurrentDay = d.CurrentDay,
            LastClose = d.LastClose,
            FinalizedMoments = new Proto.ReturnMoments
            {
                Count = m.Count,
                Mean = m.Mean,
                M2 = m.M2,
                ShortfallSumSq = m.ShortfallSumSq,
                MarPerPeriod = m.MarPerPeriod,
            },
        };
        p.FinalizedCloses.AddRange(d.FinalizedCloseArray());
        return p;
    }

    private static DailyCloseSeries FromProto(Proto.DailyCloses p, MetricSettings settings)
    {
        var closes = p.FinalizedCloses.Count;
        if (p.CurrentDay - p.FirstDay != closes)
        {
            throw new SerializationException(
                $"daily has {closes} finalized closes from day {p.FirstDay} to day {p.CurrentDay}: " +
                $"it needs {p.CurrentDay - p.FirstDay}");
        }
        var pm = WireFormat.Required(p.FinalizedMoments, "daily.finalized_moments");
        var moments = new ReturnMoments(
            pm.Count,
            WireFormat.Required(pm.HasMean, pm.Mean, "daily.finalized_moments.mean"),
            WireFormat.Required(pm.HasM2, pm.M2, "daily.finalized_moments.m2"),
            WireFormat.Required(pm.HasShortfallSumSq, pm.ShortfallSumSq, "daily.finalized_moments.shortfall_sum_sq"),
            WireFormat.Required(pm.HasMarPerPeriod, pm.MarPerPeriod, "daily.finalized_moments.mar_per_period"));
        if (!moments.MarPerPeriod.Equals(settings.MarPerPeriod))
        {
            if (moments.Count > 0)
            {
                var stored = EventValidator.Format(moments.MarPerPeriod);
                var configured = EventValidator.Format(settings.MarPerPeriod);
                throw new SerializationException(
                    $"the snapshot's daily returns were measured against a MAR of {stored} per period, but the " +
                    $"node's settings give {configured} ({MetricSettingsConfig.Path}: minimum-acceptable-return / " +
                    "periods-per-year): it cannot be restored under these settings; delete the strategy's " +
                    "snapshots so that it recovers from its events");
            }
            moments = moments with { MarPerPeriod = settings.MarPerPeriod }; // no return was measured against it yet
        }
        return DailyCloseSeries.Restore(
            p.FirstDay,
            p.FinalizedCloses.ToArray(),
            p.CurrentDay,
            WireFormat.Required(p.HasLastClose, p.LastClose, "daily.last_close"),
            moments);
    }

    private static Proto.RecentBalances ToProto(BalanceWindow window)
    {
        var (times, balances) = window.Points();
        var p = new Proto.RecentBalances();
        p.TimesMs.AddRange(times);
        p.Balances.AddRange(balances);
        return p;
    }

    private static BalanceWindow FromProto(Proto.RecentBalances p)
    {
        var n = p.TimesMs.Count;
        if (p.Balances.Count != n)
        {
            throw new SerializationException($"recent_balances has {n} times and {p.Balances.Count} balances");
        }
        var window = BalanceWindow.Empty(PerformanceState.RecentBalancePoints);
        for (var i = 0; i < n; i++)
        {
            window = window.Plus(p.TimesMs[i], p.Balances[i]);
        }
        return window;
    }
}
