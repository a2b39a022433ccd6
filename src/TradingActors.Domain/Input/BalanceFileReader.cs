using TradingActors.Domain.Events;

namespace TradingActors.Domain.Input;

/// <summary>
/// Reads a balances file (DESIGN §2) — CSV <c>time,balance</c> with a header row, or JSON Lines
/// <c>{"time":…,"balance":…}</c> — into validated <see cref="BalanceUpdated"/> events, with the same strictness and
/// all-or-nothing rule as <see cref="TradeFileReader"/>. A zero or negative balance is rejected by
/// <see cref="EventValidator"/>: every return and drawdown divides by a balance.
/// </summary>
/// <remarks>Observations are returned in file order; ordering them in time is the caller's business.</remarks>
public static class BalanceFileReader
{
    /// <summary>Column / field names of a balances file, by wire name.</summary>
    internal static readonly FileSchema Schema = new(["time", "balance"], []);

    private static readonly int Time = Schema.IndexOf("time");
    private static readonly int Balance = Schema.IndexOf("balance");

    /// <summary>Every balance observation of the file, in file order. The file is streamed row by row.</summary>
    /// <param name="file">The path as the user gave it; error messages name the file with this very string.</param>
    /// <exception cref="InputFileException">
    /// The first row (or the header) that is not acceptable, or a missing, unreadable or non-UTF-8 file.
    /// </exception>
    /// <exception cref="IOException">Reading failed for a reason unrelated to the content.</exception>
    public static IReadOnlyList<ParsedBalance> Read(string file) => [.. Enumerate(file)];

    /// <summary>
    /// The observations of the file one at a time, in file order, as the file is read. The file is opened by the first
    /// <c>MoveNext</c>, and each <c>MoveNext</c> throws what <see cref="Read"/> documents when it reaches the fault; a
    /// consumer must discard what it has taken when that happens.
    /// </summary>
    /// <param name="file">The path as the user gave it; error messages name the file with this very string.</param>
    public static IEnumerable<ParsedBalance> Enumerate(string file)
    {
        using var rows = IRowSource.Open(file, Schema);
        for (var row = rows.Next(); row is not null; row = rows.Next())
        {
            var time = row.Time(Time);
            var balance = new BalanceUpdated(time, row.Number(Balance));
            var violations = EventValidator.Validate(balance);
            if (violations.Count > 0)
            {
                throw row.Error(violations[0].Field, violations[0].Message);
            }
            yield return new ParsedBalance(balance, row.Line);
        }
    }
}
