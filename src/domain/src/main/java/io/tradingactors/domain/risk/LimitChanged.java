package io.tradingactors.domain.risk;

import java.time.Instant;

/**
 * A rule's limit moved but the exposure did not, because another rule (or an operator's halt) holds it lower; kept
 * so that the exposure after that other rule lifts is still right, and explainable.
 *
 * @param rule the (first) rule whose limit moved
 * @param from its limit before
 * @param to its limit after
 * @param reason every limit that moved, with the figure and threshold that moved it
 * @param snapshotSequenceNr the snapshot decided on
 * @param figures that snapshot's figures (null for an operator's command before any snapshot)
 * @param at when
 * @param limits every rule's limit after
 */
public record LimitChanged(
    String rule,
    double from,
    double to,
    String reason,
    long snapshotSequenceNr,
    RiskInputs figures,
    Instant at,
    RiskLimits limits)
    implements RiskEvent {}
