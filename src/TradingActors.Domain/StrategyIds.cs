namespace TradingActors.Domain;

/// <summary>
/// Strategy ids (DESIGN §5): 1–64 characters of <c>[A-Za-z0-9._-]</c>. A backtest run of a strategy is tracked apart
/// from its live events under <c>ID@RUN</c>, the run id following the same rule.
/// </summary>
public static class StrategyIds
{
    /// <summary>The longest strategy or run id.</summary>
    public const int MaxLength = 64;

    /// <summary>Whether <paramref name="id"/> is a valid strategy (or run) id.</summary>
    public static bool IsValid(string? id) =>
        id is { Length: > 0 and <= MaxLength } && id.AsSpan().IndexOfAnyExcept(Allowed) < 0;

    /// <summary>Why <paramref name="id"/> is not valid, naming <paramref name="field"/>; null when it is.</summary>
    public static string? Problem(string field, string? id) =>
        IsValid(id) ? null : $"{field}: must be 1–{MaxLength} characters of [A-Za-z0-9._-], got '{id}'";

    /// <summary>The entity id of a backtest run: <c>ID@RUN</c>.</summary>
    public static string BacktestRun(string strategyId, string runId) => $"{strategyId}@{runId}";

    /// <summary>Whether an entity id is a backtest run (<c>ID@RUN</c>), which no risk manager watches.</summary>
    public static bool IsBacktestRun(string entityId) => entityId.Contains('@', StringComparison.Ordinal);

    private static readonly System.Buffers.SearchValues<char> Allowed =
        System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._-");
}
