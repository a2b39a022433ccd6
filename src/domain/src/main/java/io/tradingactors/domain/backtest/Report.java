package io.tradingactors.domain.backtest;

import io.tradingactors.domain.risk.RiskEvent;
import io.tradingactors.metrics.MetricSettings;
import io.tradingactors.metrics.PerformanceMetrics;
import io.tradingactors.metrics.PeriodRow;
import io.tradingactors.metrics.WindowStatistics;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The answer of {@code report} and {@code replay} (DESIGN §4): {@code {"metrics": {…}, …}} with the keys of §3.
 *
 * @param strategyId the strategy, when known (null for a single-strategy file without strategy_id)
 * @param settings the conventions the ratios were computed with
 * @param trades trades folded in
 * @param balances balance observations folded in (observed or derived)
 * @param asOf time of the latest event
 * @param metrics every metric of DESIGN §3
 * @param rolling7d the trailing 7-day window as of {@code asOf}
 * @param rolling30d the trailing 30-day window
 * @param periods the period breakdown, keyed by period name (e.g. "monthly")
 * @param exposure the exposure multiplier the risk rules would leave after the last event (1 = full size)
 * @param riskEvents the risk decisions the live rules would have taken, each at its event time (docs/risk.md)
 */
public record Report(
    String strategyId,
    MetricSettings settings,
    long trades,
    long balances,
    Instant asOf,
    PerformanceMetrics metrics,
    WindowStatistics rolling7d,
    WindowStatistics rolling30d,
    Map<String, List<PeriodRow>> periods,
    double exposure,
    List<RiskEvent> riskEvents) {}
