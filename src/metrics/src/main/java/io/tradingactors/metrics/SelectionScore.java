package io.tradingactors.metrics;

/**
 * The selection score of one track (the live 30-day window, or a backtest run's whole history) with every part that
 * went into it, so that a reader can check the number by hand (docs/selection.md).
 *
 * <pre>
 * score = w_wr · win_rate
 *       + w_pf · min(profit_factor, cap_pf) / cap_pf
 *       + w_rr · min(max(avg_rr, 0), cap_rr) / cap_rr
 * </pre>
 *
 * Conventions:
 *
 * <ul>
 *   <li>No trades ({@code win_rate} null, and with it {@code profit_factor}): the score is undefined, {@code null},
 *       and so are the capped values and the terms. A score of 0 would rank a strategy that has never traded level
 *       with one that lost every trade.
 *   <li>{@code avg_rr} null (no trade carries a risk_reward) while there are trades: its term is <b>0</b> and the
 *       score is the other two terms. The strategy is scored on what is known rather than left out of the ranking;
 *       {@link #avgRr} and {@link #avgRrCapped} stay null so the reply shows the term was missing, not zero.
 *   <li>The profit factor enters capped: DESIGN §3's 9999.9999 (profits, no losses) or any profit factor above
 *       cap_pf scores as cap_pf, so one lucky run of wins cannot outweigh everything else. It is never negative
 *       (§3), so it needs no floor.
 *   <li>{@code avg_rr} is floored at 0 and capped at cap_rr: a planned reward:risk below 0 carries no information
 *       the win rate does not already hold, and a very large one is usually a mis-set stop.
 * </ul>
 *
 * @param trades the trades behind the inputs (carried for the reader; it does not enter the formula)
 * @param winRate the input win_rate (fraction); null without trades
 * @param profitFactor the input profit_factor; null without trades
 * @param avgRr the input avg_rr; null when no trade carries a risk_reward
 * @param profitFactorCapped min(profit_factor, cap_pf) / cap_pf, in [0, 1]
 * @param avgRrCapped min(max(avg_rr, 0), cap_rr) / cap_rr, in [0, 1]; null when avg_rr is
 * @param winRateTerm w_wr · win_rate
 * @param profitFactorTerm w_pf · profitFactorCapped
 * @param avgRrTerm w_rr · avgRrCapped, 0 when avg_rr is null (see above)
 * @param score the sum of the three terms; null without trades
 */
public record SelectionScore(
    long trades,
    Double winRate,
    Double profitFactor,
    Double avgRr,
    Double profitFactorCapped,
    Double avgRrCapped,
    Double winRateTerm,
    Double profitFactorTerm,
    Double avgRrTerm,
    Double score) {

  /** The score of a track with these inputs, as the class comment defines it. */
  public static SelectionScore of(
      long trades, Double winRate, Double profitFactor, Double avgRr, SelectionScoreSettings settings) {
    if (winRate == null || profitFactor == null) {
      return new SelectionScore(trades, winRate, profitFactor, avgRr, null, null, null, null, null, null);
    }
    double pfCapped = Math.min(profitFactor, settings.profitFactorCap()) / settings.profitFactorCap();
    Double rrCapped = avgRr == null
        ? null
        : Math.min(Math.max(avgRr, 0.0), settings.avgRrCap()) / settings.avgRrCap();
    double wrTerm = settings.winRateWeight() * winRate;
    double pfTerm = settings.profitFactorWeight() * pfCapped;
    double rrTerm = rrCapped == null ? 0.0 : settings.avgRrWeight() * rrCapped;
    return new SelectionScore(
        trades, winRate, profitFactor, avgRr, pfCapped, rrCapped, wrTerm, pfTerm, rrTerm, wrTerm + pfTerm + rrTerm);
  }
}
