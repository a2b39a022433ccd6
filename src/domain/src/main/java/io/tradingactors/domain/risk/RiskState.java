package io.tradingactors.domain.risk;

/**
 * A strategy's risk state: the limits of its last decision, and the last exposure change (what
 * {@code GET …/exposure} explains). Changed only by {@link #apply}, the fold the risk manager and the backtest share.
 *
 * @param limits every rule's current limit and its recovery bookkeeping
 * @param lastExposureChange the decision behind the current exposure; null while it has never moved from 1
 * @param lastSnapshotSequenceNr the newest snapshot a decision was taken on (an older one never overrides it)
 */
public record RiskState(RiskLimits limits, ExposureChanged lastExposureChange, long lastSnapshotSequenceNr) {

  public static final RiskState INITIAL = new RiskState(RiskLimits.NONE, null, 0);

  public double exposure() {
    return limits.exposure();
  }

  public RiskState apply(RiskEvent event) {
    ExposureChanged last = event instanceof ExposureChanged e ? e : lastExposureChange;
    return new RiskState(
        event.limits(), last, Math.max(lastSnapshotSequenceNr, event.snapshotSequenceNr()));
  }
}
