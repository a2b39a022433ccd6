package io.tradingactors.domain.risk;

import java.time.Instant;

/**
 * The strategy's exposure multiplier moved from {@code from} to {@code to}: what the live engine acts on.
 *
 * @param from the exposure before
 * @param to the exposure after
 * @param rule the rule behind the new exposure
 * @param reason every limit that moved, with the figure and threshold that moved it
 * @param snapshotSequenceNr the snapshot decided on
 * @param figures that snapshot's figures (null for an operator's command before any snapshot)
 * @param at when
 * @param limits every rule's limit after
 */
public record ExposureChanged(
    double from,
    double to,
    String rule,
    String reason,
    long snapshotSequenceNr,
    RiskInputs figures,
    Instant at,
    RiskLimits limits)
    implements RiskEvent {}
