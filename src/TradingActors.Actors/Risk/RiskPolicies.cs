using System.Collections.ObjectModel;
using TradingActors.Domain.Risk;
using TradingActors.Domain;

namespace TradingActors.Actors.Risk;

/// <summary>
/// The risk policy of every strategy, from <c>trading-actors.risk</c> (<c>hocon/risk-policy.conf</c>): the
/// <c>default</c> block, and per strategy id its block of <c>strategies</c> merged over <c>default</c> key by key
/// (<see cref="RiskPolicyReader"/>). Immutable.
/// </summary>
public sealed class RiskPolicies
{
    private readonly ReadOnlyDictionary<string, RiskPolicy> _strategies;

    /// <summary>Policies by strategy id over a default.</summary>
    /// <param name="defaultPolicy">The policy of every strategy without a block of its own.</param>
    /// <param name="strategies">The complete (already merged) policy of each strategy that has a block, by strategy id
    /// (1–64 characters of <c>[A-Za-z0-9._-]</c>).</param>
    /// <exception cref="ArgumentException">A key is not a strategy id.</exception>
    public RiskPolicies(RiskPolicy defaultPolicy, IReadOnlyDictionary<string, RiskPolicy> strategies)
    {
        ArgumentNullException.ThrowIfNull(defaultPolicy);
        ArgumentNullException.ThrowIfNull(strategies);
        foreach (var id in strategies.Keys)
        {
            if (!StrategyIds.IsValid(id))
            {
                throw new ArgumentException($"not a strategy id: '{id}'", nameof(strategies));
            }
        }
        Default = defaultPolicy;
        _strategies = new Dictionary<string, RiskPolicy>(strategies, StringComparer.Ordinal).AsReadOnly();
    }

    /// <summary><see cref="RiskPolicy.Defaults"/> for every strategy: what <c>hocon/risk-policy.conf</c> says as
    /// shipped.</summary>
    public static RiskPolicies Defaults { get; } = Of(RiskPolicy.Defaults);

    /// <summary>The policy of every strategy without a block of its own.</summary>
    public RiskPolicy Default { get; }

    /// <summary>The complete policy of each strategy that has a block of its own, by strategy id.</summary>
    public IReadOnlyDictionary<string, RiskPolicy> Strategies => _strategies;

    /// <summary><paramref name="defaultPolicy"/> for every strategy.</summary>
    public static RiskPolicies Of(RiskPolicy defaultPolicy) =>
        new(defaultPolicy, new Dictionary<string, RiskPolicy>());

    /// <summary>The policy of <paramref name="strategyId"/>: its own when it has a block, else the default (also for
    /// null: a file without strategy ids).</summary>
    public RiskPolicy For(string? strategyId) =>
        strategyId is not null && _strategies.TryGetValue(strategyId, out var policy) ? policy : Default;
}
