namespace TradingActors.Domain.Risk;

/// <summary>
/// A strategy's risk state: the limits of its last decision, and the last exposure change (what
/// <c>GET …/exposure</c> explains). Changed only by <see cref="Apply"/>, the fold the risk manager and the backtest
/// share.
/// </summary>
/// <param name="Limits">Every rule's current limit and its recovery bookkeeping.</param>
/// <param name="LastExposureChange">The decision behind the current exposure; null while it has never moved from
/// 1.</param>
/// <param name="LastSnapshotSequenceNr">The newest snapshot a decision was taken on (an older one never overrides
/// it).</param>
public sealed record RiskState(RiskLimits Limits, ExposureChanged? LastExposureChange, long LastSnapshotSequenceNr)
{
    /// <summary>Before any decision: no limit.</summary>
    public static RiskState Initial { get; } = new(RiskLimits.None, null, 0);

    /// <summary>The exposure multiplier: 1 full size, 0 halted.</summary>
    public double Exposure => Limits.Exposure;

    /// <summary>The state after <paramref name="riskEvent"/>: its limits, and it as the last exposure change if it
    /// is one.</summary>
    public RiskState Apply(RiskEvent riskEvent)
    {
        ArgumentNullException.ThrowIfNull(riskEvent);
        return new RiskState(
            riskEvent.Limits,
            riskEvent as ExposureChanged ?? LastExposureChange,
            Math.Max(LastSnapshotSequenceNr, riskEvent.SnapshotSequenceNr));
    }
}
