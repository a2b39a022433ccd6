package io.tradingactors.readmodel.query;

import io.tradingactors.metrics.BlendSettings;
import io.tradingactors.metrics.BlendedScore;
import io.tradingactors.metrics.SelectionScore;

/**
 * A strategy's selection score (docs/selection.md): its backtest run's score, its live score and their blend.
 *
 * @param strategyId the strategy
 * @param backtestRun the backtest run scored; null when the strategy has none
 * @param backtest the run's score from its all_time row; null when there is no run
 * @param live the live score from the 30-day window; null when the strategy has no live window row
 * @param liveTrades trades in the live 30-day window (0 without a live row)
 * @param blend the blended score, its basis and the weights applied
 */
public record StrategyScore(
    String strategyId,
    String backtestRun,
    SelectionScore backtest,
    SelectionScore live,
    long liveTrades,
    BlendedScore blend) {

  /** The score of one strategy from its two tracks' rows (either may be absent). */
  static StrategyScore of(
      String strategyId, String backtestRun, SelectionScore backtest, SelectionScore live, BlendSettings settings) {
    long liveTrades = live == null ? 0 : live.trades();
    BlendedScore blend = BlendedScore.of(
        backtest == null ? null : backtest.score(), live == null ? null : live.score(), liveTrades, settings);
    return new StrategyScore(strategyId, backtestRun, backtest, live, liveTrades, blend);
  }

  public Double backtestScore() {
    return backtest == null ? null : backtest.score();
  }

  public Double liveScore() {
    return live == null ? null : live.score();
  }

  public Double blendedScore() {
    return blend.score();
  }
}
