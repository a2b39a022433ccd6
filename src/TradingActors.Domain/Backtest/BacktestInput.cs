using System.Globalization;
using TradingActors.Domain.Events;
using TradingActors.Domain.Input;

namespace TradingActors.Domain.Backtest;

/// <summary>
/// A backtest read from its files and turned into one strategy's ordered events: what <c>report</c> folds and
/// <c>import</c> sends to the actors.
/// </summary>
/// <param name="StrategyId">The strategy the trades belong to (from <c>strategy_id</c> or the caller), or null when
/// neither names one.</param>
/// <param name="Events">Trades and balances in the order of <see cref="BacktestEvents"/>.</param>
public sealed record BacktestInput(string? StrategyId, IReadOnlyList<IPerformanceEvent> Events)
{
    /// <summary>
    /// Reads the files. Balances come from <paramref name="balancesFile"/> when given, else are derived from
    /// <paramref name="initialBalance"/> plus cumulative pnl (<see cref="BacktestEvents.WithDerivedBalances"/>), else
    /// there are none (balance metrics are then null).
    /// </summary>
    /// <param name="tradesFile">The trades file, as the user named it.</param>
    /// <param name="balancesFile">The balances file, or null.</param>
    /// <param name="initialBalance">The starting balance when there is no balances file; finite and &gt; 0.</param>
    /// <param name="strategy">
    /// Which strategy to take from a file holding several (<c>strategy_id</c>); may be null when the file holds at most
    /// one. Rows without a strategy id are always taken.
    /// </param>
    /// <exception cref="InputFileException">
    /// A bad row (file, line, field), or a bad combination of inputs: both a balances file and an initial balance, an
    /// initial balance that is not finite and positive, several strategies and none chosen, or a chosen strategy the
    /// file does not hold.
    /// </exception>
    public static BacktestInput Load(
        string tradesFile, string? balancesFile = null, double? initialBalance = null, string? strategy = null)
    {
        if (balancesFile is not null && initialBalance is not null)
        {
            throw new InputFileException(
                balancesFile,
                0,
                "initial_balance",
                "give either a balances file or an initial balance, not both: the first observed balance is the "
                + "initial one");
        }
        if (initialBalance is { } initial && !(double.IsFinite(initial) && initial > 0))
        {
            throw new InputFileException(
                tradesFile,
                0,
                "initial_balance",
                "must be a finite number greater than 0, got " + initial.ToString(CultureInfo.InvariantCulture));
        }
        var (strategyId, trades) = ReadTrades(tradesFile, strategy);
        var events = balancesFile is not null
            ? BacktestEvents.Merge(trades, ReadBalances(balancesFile))
            : initialBalance is { } start
                ? BacktestEvents.WithDerivedBalances(trades, start)
                : BacktestEvents.Merge(trades, []);
        return new BacktestInput(strategyId, events);
    }

    /// <summary>
    /// The trades of the selected strategy (and those without a strategy id), in file order, with the strategy: the
    /// file's only one, or <paramref name="strategy"/>, which must be among the file's when it names any.
    /// </summary>
    private static (string? StrategyId, List<TradeClosed> Trades) ReadTrades(string tradesFile, string? strategy)
    {
        // Only the trades and their strategy ids are kept, not a ParsedTrade per row: a backtest may hold millions.
        var all = new List<TradeClosed>();
        var strategyOf = new List<string?>();
        var choice = new StrategyChoice(tradesFile, strategy);
        foreach (var parsed in TradeFileReader.Enumerate(tradesFile))
        {
            all.Add(parsed.Trade);
            strategyOf.Add(parsed.StrategyId);
            choice.See(parsed.StrategyId);
        }
        var chosen = choice.Chosen();
        if (choice.Count <= 1)
        {
            return (chosen, all); // every trade belongs to the chosen strategy or to none
        }
        var trades = new List<TradeClosed>();
        for (var i = 0; i < all.Count; i++)
        {
            if (StrategyChoice.Takes(strategyOf[i], chosen))
            {
                trades.Add(all[i]);
            }
        }
        return (chosen, trades);
    }

    private static List<BalanceUpdated> ReadBalances(string balancesFile)
    {
        var balances = new List<BalanceUpdated>();
        foreach (var parsed in BalanceFileReader.Enumerate(balancesFile))
        {
            balances.Add(parsed.Balance);
        }
        return balances;
    }
}
