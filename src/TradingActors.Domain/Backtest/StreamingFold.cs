using TradingActors.Domain.Events;
using TradingActors.Domain.Input;

namespace TradingActors.Domain.Backtest;

/// <summary>
/// The fast path of <see cref="BacktestFold"/>: trades and observed balances folded while their files are read, merged
/// on the fly in the order of <see cref="BacktestEvents.Merge"/> (time order, stable within a file, trades before
/// balances at equal times), so that no event list is ever held. A merge on the fly gives that order only when each
/// file is in time order already, the usual case.
/// </summary>
/// <remarks>
/// The attempt is abandoned (<see cref="TryRun"/> returns null, and the caller loads and sorts instead) at the first
/// row out of time order, and at a bad balances row: <see cref="BacktestInput.Load"/> reports it only when the rest of
/// the trades file is good and the choice of strategy too. Errors of the trades file are thrown as met: Load reads it
/// first, so its first bad row is always what Load reports, and a bad choice of strategy comes next, once it is read.
/// </remarks>
internal sealed class StreamingFold : IDisposable
{
    private readonly TradeCursor _trades;
    private readonly IEnumerator<ParsedBalance>? _balances;
    private readonly string? _requested;
    private readonly StrategyChoice _choice;
    private readonly Func<string?, ReportBuilder> _newBuilder;

    /// <summary>
    /// Null until the strategy (and so its risk policy) is known; the events met before are kept in
    /// <see cref="_pending"/>. It is known before the first event when asked for, or when the trades file cannot name
    /// one; else at the first row that names one, or at the end of the file: a JSON Lines file without strategy ids
    /// is thus held whole, as the load-and-sort path would.
    /// </summary>
    private ReportBuilder? _builder;

    private List<IPerformanceEvent>? _pending = [];

    /// <summary>The next trade and balance to fold (the last ones read); null once their file is exhausted.</summary>
    private TradeClosed? _trade;

    private BalanceUpdated? _balance;

    private StreamingFold(
        string tradesFile, string? balancesFile, string? strategy, Func<string?, ReportBuilder> newBuilder)
    {
        _trades = TradeFileReader.Open(tradesFile); // first: an error of the trades file wins over any other
        _balances = balancesFile is null ? null : BalanceFileReader.Enumerate(balancesFile).GetEnumerator();
        _requested = strategy;
        _choice = new StrategyChoice(tradesFile, strategy);
        _newBuilder = newBuilder;
    }

    /// <summary>
    /// The fold of every event of the files, or null when the attempt is abandoned (see the remarks of the class).
    /// </summary>
    /// <param name="tradesFile">The trades file.</param>
    /// <param name="balancesFile">The balances file, or null for a backtest without balances.</param>
    /// <param name="strategy">The strategy asked for, or null.</param>
    /// <param name="newBuilder">Makes the builder of the chosen strategy.</param>
    /// <exception cref="InputFileException">What <see cref="BacktestInput.Load"/> would throw.</exception>
    public static ReportBuilder? TryRun(
        string tradesFile, string? balancesFile, string? strategy, Func<string?, ReportBuilder> newBuilder)
    {
        using var fold = new StreamingFold(tradesFile, balancesFile, strategy, newBuilder);
        if (strategy is not null || !fold._trades.MayHoldStrategyIds)
        {
            fold.Start(strategy); // the strategy is known before the first event
        }
        return fold.Run() ? fold._builder : null;
    }

    public void Dispose()
    {
        _trades.Dispose();
        _balances?.Dispose();
    }

    /// <summary>The merge; false when abandoned.</summary>
    private bool Run()
    {
        if (!NextTrade() || !NextBalance())
        {
            return false;
        }
        while (_trade is not null || _balance is not null)
        {
            // A trade goes first unless the balance is strictly earlier, as in BacktestEvents.Merge.
            if (_balance is not null && (_trade is null || _balance.Time < _trade.Time))
            {
                Fold(_balance);
                if (!NextBalance())
                {
                    return false;
                }
            }
            else
            {
                Fold(_trade!);
                if (!NextTrade())
                {
                    return false;
                }
            }
        }
        return true;
    }

    /// <summary>
    /// Reads the next trade the backtest takes into <see cref="_trade"/> (null at the end of the file, where the
    /// strategy is settled); false when the attempt is abandoned.
    /// </summary>
    /// <exception cref="InputFileException">A bad trades row, or a bad choice of strategy.</exception>
    private bool NextTrade()
    {
        var previous = _trade;
        for (var parsed = _trades.Next(); parsed is not null; parsed = _trades.Next())
        {
            // Several strategies when none was asked for is an error, settled at the end of the file (unless a bad
            // row comes first); what is folded until then is thrown away.
            _choice.See(parsed.StrategyId);
            if (_requested is not null && !StrategyChoice.Takes(parsed.StrategyId, _requested))
            {
                continue;
            }
            if (previous is not null && parsed.Trade.Time < previous.Time)
            {
                return false;
            }
            if (_builder is null && parsed.StrategyId is not null)
            {
                Start(parsed.StrategyId); // the file's first strategy, its only one so far
            }
            _trade = parsed.Trade;
            return true;
        }
        _trade = null;
        var chosen = _choice.Chosen();
        if (_builder is null)
        {
            Start(chosen);
        }
        return true;
    }

    /// <summary>Reads the next balance into <see cref="_balance"/> (null at the end); false when abandoned.</summary>
    private bool NextBalance()
    {
        var previous = _balance;
        _balance = null;
        if (_balances is null)
        {
            return true;
        }
        try
        {
            if (!_balances.MoveNext())
            {
                return true;
            }
        }
        catch (InputFileException)
        {
            return false; // Load reports it only when the trades file and the strategy are good: it will tell
        }
        var next = _balances.Current.Balance;
        if (previous is not null && next.Time < previous.Time)
        {
            return false;
        }
        _balance = next;
        return true;
    }

    private void Fold(IPerformanceEvent e)
    {
        if (_builder is null)
        {
            _pending!.Add(e);
        }
        else
        {
            _builder.Add(e);
        }
    }

    /// <summary>The strategy is known: its builder folds what was pending, then every event as it comes.</summary>
    private void Start(string? strategyId)
    {
        _builder = _newBuilder(strategyId);
        foreach (var e in _pending!)
        {
            _builder.Add(e);
        }
        _pending = null;
    }
}
