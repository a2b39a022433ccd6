using TradingActors.Domain.Input;

namespace TradingActors.Domain.Backtest;

/// <summary>
/// Which strategy a backtest takes from its trades file: the one asked for (<c>--strategy</c>), else the file's only
/// one, else none. Fed the strategy id of every row in file order, it answers with the choice, or with the error of a
/// bad one, once the file has been read. Both ways of reading a backtest use it, so they agree on the choice and the
/// messages.
/// </summary>
/// <param name="tradesFile">The trades file as the user named it (error messages name it).</param>
/// <param name="requested">The strategy asked for, or null.</param>
internal sealed class StrategyChoice(string tradesFile, string? requested)
{
    private readonly SortedSet<string> _ids = new(StringComparer.Ordinal);
    private string? _lastId;

    /// <summary>How many distinct strategy ids the rows seen so far name.</summary>
    public int Count => _ids.Count;

    /// <summary>Notes a row's strategy id (null: the row names none).</summary>
    public void See(string? strategyId)
    {
        if (strategyId is not null && !ReferenceEquals(strategyId, _lastId))
        {
            _ids.Add(strategyId); // the reader pools ids, so a run of one strategy costs one comparison
            _lastId = strategyId;
        }
    }

    /// <summary>
    /// Whether a row of <paramref name="strategyId"/> belongs to the backtest once <see cref="Chosen"/> is
    /// <paramref name="chosen"/>: rows without a strategy id always do.
    /// </summary>
    public static bool Takes(string? strategyId, string? chosen) => strategyId is null || strategyId == chosen;

    /// <summary>The strategy taken, once every row has been seen; null when neither the caller nor the file names one.</summary>
    /// <exception cref="InputFileException">
    /// Several strategies and none requested, or a requested strategy the file does not hold (when it names any).
    /// </exception>
    public string? Chosen()
    {
        if (requested is null && _ids.Count > 1)
        {
            throw new InputFileException(
                tradesFile,
                0,
                "strategy_id",
                $"the file holds several strategies {List(_ids)}; choose one with --strategy");
        }
        if (requested is not null && _ids.Count > 0 && !_ids.Contains(requested))
        {
            throw new InputFileException(
                tradesFile, 0, "strategy_id", $"no trade of strategy '{requested}'; the file holds {List(_ids)}");
        }
        return requested ?? _ids.Min;
    }

    /// <summary>Ids as the JVM build listed them: <c>[a, b]</c>.</summary>
    private static string List(IEnumerable<string> ids) => $"[{string.Join(", ", ids)}]";
}
