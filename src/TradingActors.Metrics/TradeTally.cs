namespace TradingActors.Metrics;

/// <summary>
/// Running trade statistics: <see cref="Plus"/> per closed trade is O(1) and allocates nothing (a value type), and
/// <see cref="Statistics"/> finishes it with the conventions of <see cref="TradeStatistics.Of"/>. It performs the
/// same additions in the same order as <see cref="TradeStats.Of"/>, so the two agree to the last bit.
/// </summary>
public readonly record struct TradeTally(
    long Total,
    long Wins,
    long Losses,
    long Breakevens,
    double GrossProfit,
    double GrossLoss,
    double NetPnl,
    double LargestWin,
    double LargestLoss,
    long MaxWinStreak,
    long MaxLossStreak,
    long WinStreak,
    long LossStreak,
    long DurationSumMs,
    long FirstEntryMs,
    long LastExitMs,
    double TotalFees,
    double TotalSlippage,
    double RrSum,
    long RrCount)
{
    /// <summary>No trades yet.</summary>
    public static readonly TradeTally Empty = new(
        0, 0, 0, 0, 0, 0, 0, double.NegativeInfinity, double.PositiveInfinity, 0, 0, 0, 0, 0, long.MaxValue,
        long.MinValue, 0, 0, 0, 0);

    /// <summary>The tally with one more trade, recorded after all the previous ones.</summary>
    public TradeTally Plus(in TradeOutcome t)
    {
        var pnl = t.Pnl;
        var win = pnl > 0;
        var loss = pnl < 0;
        var nextWinStreak = win ? WinStreak + 1 : 0;
        var nextLossStreak = loss ? LossStreak + 1 : 0;
        return new TradeTally(
            Total + 1,
            Wins + (win ? 1 : 0),
            Losses + (loss ? 1 : 0),
            Breakevens + (win || loss ? 0 : 1),
            win ? GrossProfit + pnl : GrossProfit,
            loss ? GrossLoss + -pnl : GrossLoss,
            NetPnl + pnl,
            win ? Math.Max(LargestWin, pnl) : LargestWin,
            loss ? Math.Min(LargestLoss, pnl) : LargestLoss,
            Math.Max(MaxWinStreak, nextWinStreak),
            Math.Max(MaxLossStreak, nextLossStreak),
            nextWinStreak,
            nextLossStreak,
            DurationSumMs + (t.ExitTimeMs - t.EntryTimeMs),
            Math.Min(FirstEntryMs, t.EntryTimeMs),
            Math.Max(LastExitMs, t.ExitTimeMs),
            TotalFees + t.Fees,
            TotalSlippage + t.Slippage,
            t.RiskReward is { } rr ? RrSum + rr : RrSum,
            t.RiskReward is not null ? RrCount + 1 : RrCount);
    }

    /// <summary>The finished statistics.</summary>
    public TradeStatistics Statistics() => TradeStatistics.Of(this);
}
