package io.tradingactors.metrics;

/**
 * A strategy's selection score from its backtest score and its live score (docs/selection.md), with the basis used and
 * the weights actually applied.
 *
 * <p>Rule, first match wins:
 *
 * <ol>
 *   <li>a backtest score, a live score and at least {@code minLiveTrades} live trades in the 30-day window:
 *       {@code backtestWeight · backtest + liveWeight · live}, basis {@link ScoreBasis#BLENDED};
 *   <li>a backtest score (fewer live trades, or none): the backtest score alone, weights 1 / 0, basis
 *       {@link ScoreBasis#BACKTEST}. A handful of live trades is noise next to a whole backtest;
 *   <li>no backtest score (no run was imported, or its run has no trades) but a live score from at least
 *       {@code minLiveTrades} live trades: the live score alone, weights 0 / 1, basis {@link ScoreBasis#LIVE};
 *   <li>otherwise: null, weights 0 / 0, basis {@link ScoreBasis#NONE}. The same evidence rule as in 2: a handful of
 *       lucky live trades must not put a strategy at the top of a ranking; the reply still shows its live score.
 * </ol>
 *
 * @param score the blended score; null on basis {@link ScoreBasis#NONE}
 * @param basis which rule applied
 * @param backtestWeight the backtest score's weight actually applied
 * @param liveWeight the live score's weight actually applied
 */
public record BlendedScore(Double score, ScoreBasis basis, double backtestWeight, double liveWeight) {

  /** The blend of the rule above; {@code liveTrades} counts the live trades of the 30-day window. */
  public static BlendedScore of(Double backtestScore, Double liveScore, long liveTrades, BlendSettings settings) {
    if (backtestScore != null && liveScore != null && liveTrades >= settings.minLiveTrades()) {
      return new BlendedScore(
          settings.backtestWeight() * backtestScore + settings.liveWeight() * liveScore,
          ScoreBasis.BLENDED,
          settings.backtestWeight(),
          settings.liveWeight());
    }
    if (backtestScore != null) {
      return new BlendedScore(backtestScore, ScoreBasis.BACKTEST, 1.0, 0.0);
    }
    if (liveScore != null && liveTrades >= settings.minLiveTrades()) {
      return new BlendedScore(liveScore, ScoreBasis.LIVE, 0.0, 1.0);
    }
    return new BlendedScore(null, ScoreBasis.NONE, 0.0, 0.0);
  }
}
