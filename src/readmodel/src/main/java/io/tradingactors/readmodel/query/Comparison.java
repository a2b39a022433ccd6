package io.tradingactors.readmodel.query;

import io.tradingactors.metrics.DriftComparison;
import io.tradingactors.metrics.PerformanceMetrics;

/**
 * A strategy's live metrics against one of its backtest runs, both over the whole track (the all_time rows).
 *
 * @param strategyId the strategy
 * @param backtestRun the run compared with
 * @param live the live track's metrics; null when the strategy has no live row
 * @param backtest the run's metrics
 * @param drift the per-metric differences and the metrics outside their bands
 */
public record Comparison(
    String strategyId, String backtestRun, PerformanceMetrics live, PerformanceMetrics backtest,
    DriftComparison drift) {}
