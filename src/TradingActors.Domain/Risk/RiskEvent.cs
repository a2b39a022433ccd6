namespace TradingActors.Domain.Risk;

/// <summary>
/// A persisted risk decision: <see cref="ExposureChanged"/> when the exposure moved, <see cref="LimitChanged"/> when
/// only a rule's limit did. Each carries the full <see cref="RiskLimits"/> after it (so the state is the last
/// event's), the rule that explains it, a readable reason and the snapshot figures it was decided on. In JSON a
/// <c>type</c> field (<c>exposure_changed</c> / <c>limit_changed</c>) tells them apart (<see cref="RiskEventJson"/>).
/// </summary>
public abstract record RiskEvent
{
    private protected RiskEvent()
    {
    }

    /// <summary>The rule that explains the decision.</summary>
    public abstract RiskRule Rule { get; init; }

    /// <summary>The exposure (<see cref="ExposureChanged"/>) or the rule's limit (<see cref="LimitChanged"/>)
    /// before.</summary>
    public abstract double From { get; init; }

    /// <summary>The exposure or the rule's limit after.</summary>
    public abstract double To { get; init; }

    /// <summary>Why, in words: the figure, the threshold and the new limit of every rule that moved, separated by
    /// <c>"; "</c>, each as <c>rule from -&gt; to: why</c>.</summary>
    public abstract string Reason { get; init; }

    /// <summary>The sequence number of the performance snapshot decided on (0 for an operator's command before
    /// any).</summary>
    public abstract long SnapshotSequenceNr { get; init; }

    /// <summary>The figures decided on; null for an operator's command before any snapshot.</summary>
    public abstract RiskInputs? Figures { get; init; }

    /// <summary>When the decision was taken (the node's clock; the event time in a backtest).</summary>
    public abstract DateTimeOffset At { get; init; }

    /// <summary>Every rule's limit after the decision.</summary>
    public abstract RiskLimits Limits { get; init; }
}
