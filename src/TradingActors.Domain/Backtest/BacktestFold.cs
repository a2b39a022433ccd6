using TradingActors.Domain.Input;

namespace TradingActors.Domain.Backtest;

/// <summary>
/// A backtest's files folded into a <see cref="ReportBuilder"/>: what <c>report</c> prints. The result, and the error
/// of bad input, are those of folding <see cref="BacktestInput.Load"/>'s events in order; this only gets there with
/// less memory when it can.
/// </summary>
/// <remarks>
/// With a balances file, or without balances at all, the files are folded as they are read
/// (<see cref="StreamingFold"/>); when a file turns out not to be in time order, or holds an error whose report depends
/// on the rest of the input, they are read again, loaded and sorted. Balances derived from an initial balance start at
/// the earliest entry of any trade, known only once every trade is read: that path always loads.
/// </remarks>
public static class BacktestFold
{
    /// <summary>
    /// The builder of the chosen strategy, having folded every event of the backtest. The arguments are those of
    /// <see cref="BacktestInput.Load"/>.
    /// </summary>
    /// <param name="tradesFile">The trades file, as the user named it.</param>
    /// <param name="balancesFile">The balances file, or null.</param>
    /// <param name="initialBalance">The starting balance when there is no balances file.</param>
    /// <param name="strategy">The strategy to take from a file holding several, or null.</param>
    /// <param name="newBuilder">
    /// Makes the builder of a strategy (null: the input names none). It may be called twice, when a first attempt is
    /// abandoned; only the builder returned counts.
    /// </param>
    /// <exception cref="InputFileException">What <see cref="BacktestInput.Load"/> throws.</exception>
    public static ReportBuilder Run(
        string tradesFile,
        string? balancesFile,
        double? initialBalance,
        string? strategy,
        Func<string?, ReportBuilder> newBuilder)
    {
        ArgumentNullException.ThrowIfNull(newBuilder);
        if (initialBalance is null
            && StreamingFold.TryRun(tradesFile, balancesFile, strategy, newBuilder) is { } streamed)
        {
            return streamed;
        }
        return LoadAndSort(tradesFile, balancesFile, initialBalance, strategy, newBuilder);
    }

    /// <summary>The fold of <see cref="BacktestInput.Load"/>'s events: the reference the streaming path must match.</summary>
    internal static ReportBuilder LoadAndSort(
        string tradesFile,
        string? balancesFile,
        double? initialBalance,
        string? strategy,
        Func<string?, ReportBuilder> newBuilder)
    {
        var input = BacktestInput.Load(tradesFile, balancesFile, initialBalance, strategy);
        var builder = newBuilder(input.StrategyId);
        foreach (var e in input.Events)
        {
            builder.Add(e);
        }
        return builder;
    }
}
