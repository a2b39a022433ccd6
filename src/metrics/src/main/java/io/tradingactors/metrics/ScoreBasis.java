package io.tradingactors.metrics;

/** What a {@link BlendedScore} was computed from; lower-case in JSON ({@code "blended"}, …). */
public enum ScoreBasis {
  /** backtest weight · backtest score + live weight · live score. */
  BLENDED,
  /** The backtest score alone: too few live trades in the window to count. */
  BACKTEST,
  /** The live score alone: no backtest score (no backtest run, or a run without trades). */
  LIVE,
  /** Neither score is defined: no score. */
  NONE
}
