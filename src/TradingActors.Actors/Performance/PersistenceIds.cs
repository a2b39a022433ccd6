namespace TradingActors.Actors.Performance;

/// <summary>The journal's persistence ids: part of the journal's contract, never renamed.</summary>
public static class PersistenceIds
{
    /// <summary>Prefix of a strategy's performance events (<c>strategy|ID</c>, <c>strategy|ID@RUN</c>).</summary>
    public const string StrategyPrefix = "strategy|";

    /// <summary>Prefix of a strategy's risk decisions (<c>risk|ID</c>).</summary>
    public const string RiskPrefix = "risk|";

    public static string Strategy(string entityId) => StrategyPrefix + entityId;

    public static string Risk(string strategyId) => RiskPrefix + strategyId;

    /// <summary>The entity id of a strategy persistence id, or null for any other id.</summary>
    public static string? StrategyOf(string persistenceId) =>
        persistenceId.StartsWith(StrategyPrefix, StringComparison.Ordinal) ? persistenceId[StrategyPrefix.Length..] : null;

    /// <summary>The strategy id of a risk persistence id, or null for any other id.</summary>
    public static string? RiskOf(string persistenceId) =>
        persistenceId.StartsWith(RiskPrefix, StringComparison.Ordinal) ? persistenceId[RiskPrefix.Length..] : null;
}
