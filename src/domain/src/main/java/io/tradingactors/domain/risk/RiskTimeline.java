package io.tradingactors.domain.risk;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The risk decisions over a backtest: what the live rules would have done, with each snapshot decided at its own
 * event time and the reviews the live risk manager's timers run (cooldown ends, UTC midnights) run in between at their
 * own times. Not thread-safe; one per strategy.
 */
public final class RiskTimeline {

  private final RiskPolicy policy;
  private final List<RiskEvent> events = new ArrayList<>();
  private RiskState state = RiskState.INITIAL;
  private RiskInputs last;
  private Instant lastDecidedAt;

  public RiskTimeline(RiskPolicy policy) {
    this.policy = policy;
  }

  /** One more snapshot (one per event in a backtest), decided at its {@code asOf}. */
  public void observe(RiskInputs in) {
    if (in.asOf() == null) {
      return;
    }
    if (last != null) {
      Optional<Instant> review;
      while ((review = RiskRules.nextReview(policy, state, lastDecidedAt)).isPresent()
          && !review.get().isAfter(in.asOf())) {
        decide(last, review.get());
      }
    }
    last = in;
    decide(in, in.asOf());
  }

  private void decide(RiskInputs in, Instant now) {
    lastDecidedAt = now;
    Optional<RiskEvent> decision = RiskRules.evaluate(policy, state, in, now);
    if (decision.isPresent()) {
      state = state.apply(decision.get());
      events.add(decision.get());
    }
  }

  public RiskState state() {
    return state;
  }

  /** Every decision so far, oldest first. */
  public List<RiskEvent> events() {
    return List.copyOf(events);
  }
}
