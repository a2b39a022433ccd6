namespace TradingActors.Domain.Risk;

/// <summary>
/// The risk decisions over a backtest (<c>report</c>, <c>replay</c>): what the live rules would have done, with each
/// snapshot decided at its own <see cref="RiskInputs.AsOf"/> and the reviews the live risk manager's timer runs
/// (cooldown ends, UTC midnights: <see cref="RiskRules.NextReview"/>) run in between at their own times, on the
/// figures the manager had then. Not thread-safe; one per strategy.
/// </summary>
public sealed class RiskTimeline
{
    private readonly List<RiskEvent> _events = [];
    private RiskInputs? _last;
    private DateTimeOffset _lastDecidedAt;

    /// <summary>A timeline that decides by <paramref name="policy"/>, from <see cref="RiskState.Initial"/>.</summary>
    public RiskTimeline(RiskPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        Policy = policy;
    }

    /// <summary>The policy decided by.</summary>
    public RiskPolicy Policy { get; }

    /// <summary>The state after every decision so far.</summary>
    public RiskState State { get; private set; } = RiskState.Initial;

    /// <summary>Every decision so far, oldest first.</summary>
    public IReadOnlyList<RiskEvent> Events => _events;

    /// <summary>
    /// One more snapshot (one per event in a backtest), decided at its <see cref="RiskInputs.AsOf"/> after every
    /// review due up to that time has run on the previous snapshot's figures. A snapshot without a time (before any
    /// event) is ignored. Snapshots must come in time order.
    /// </summary>
    public void Observe(RiskInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        if (inputs.AsOf is not { } asOf)
        {
            return;
        }
        if (_last is not null)
        {
            while (RiskRules.NextReview(Policy, State, _lastDecidedAt) is { } review && review <= asOf)
            {
                Decide(_last, review);
            }
        }
        _last = inputs;
        Decide(inputs, asOf);
    }

    private void Decide(RiskInputs inputs, DateTimeOffset now)
    {
        _lastDecidedAt = now;
        if (RiskRules.Evaluate(Policy, State, inputs, now) is { } decision)
        {
            State = State.Apply(decision);
            _events.Add(decision);
        }
    }
}
