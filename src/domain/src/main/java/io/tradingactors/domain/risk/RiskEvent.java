package io.tradingactors.domain.risk;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.Instant;

/**
 * A persisted risk decision. Each carries the full {@link RiskLimits} after it (so the state is the last event's),
 * the rule that explains it, a readable reason, and the snapshot figures it was decided on.
 */
// The type travels with each event in JSON (report, API, stream) and in the journal's CBOR; its names are stable.
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
  @JsonSubTypes.Type(value = ExposureChanged.class, name = "exposure_changed"),
  @JsonSubTypes.Type(value = LimitChanged.class, name = "limit_changed")
})
public sealed interface RiskEvent permits ExposureChanged, LimitChanged {

  /** The rule that explains the decision ({@link RiskRule#wireName()}). */
  String rule();

  /** Why, in words: the figure, the threshold and the new limit of every rule that moved. */
  String reason();

  /** The sequence number of the performance snapshot decided on (0 for an operator's command before any). */
  long snapshotSequenceNr();

  /** The figures decided on; null for an operator's command before any snapshot. */
  RiskInputs figures();

  /** When the decision was taken (the node's clock; the event time in a backtest). */
  Instant at();

  /** Every rule's limit after the decision. */
  RiskLimits limits();
}
