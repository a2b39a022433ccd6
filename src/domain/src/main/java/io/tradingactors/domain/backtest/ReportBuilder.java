package io.tradingactors.domain.backtest;

import io.tradingactors.domain.event.BalanceUpdated;
import io.tradingactors.domain.event.PerformanceEvent;
import io.tradingactors.domain.event.TradeClosed;
import io.tradingactors.domain.risk.RiskInputs;
import io.tradingactors.domain.risk.RiskPolicy;
import io.tradingactors.domain.risk.RiskTimeline;
import io.tradingactors.domain.state.PerformanceState;
import io.tradingactors.metrics.DailyCloses;
import io.tradingactors.metrics.MetricSettings;
import io.tradingactors.metrics.Period;
import io.tradingactors.metrics.PeriodBreakdown;
import io.tradingactors.metrics.RollingWindows;
import io.tradingactors.metrics.TradeOutcome;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Folds a stream of events into a {@link Report}: the state fold for the metrics, plus what the period breakdown
 * needs and the state deliberately forgets (every trade's outcome), and the risk decisions the live rules would have
 * taken ({@link RiskTimeline}). Used by {@code report} and by {@code replay}, so
 * the two print the same thing for the same events. Not thread-safe; one per strategy.
 */
public final class ReportBuilder {

  private final String strategyId;
  private PerformanceState state;
  private final List<TradeOutcome> outcomes = new ArrayList<>();
  private long balances;
  private long sequenceNr;
  private final RiskTimeline risk;

  /** A builder whose risk decisions follow {@code policy}. */
  public ReportBuilder(String strategyId, MetricSettings settings, RiskPolicy policy) {
    this.strategyId = strategyId;
    this.state = PerformanceState.empty(settings);
    this.risk = new RiskTimeline(policy);
  }

  public ReportBuilder add(PerformanceEvent event) {
    if (event instanceof TradeClosed t && !state.hasTrade(t.tradeId())) {
      outcomes.add(
          new TradeOutcome(
              t.entryTime().toEpochMilli(),
              t.exitTime().toEpochMilli(),
              t.pnl(),
              t.fees(),
              t.slippage(),
              t.riskReward()));
    } else if (event instanceof BalanceUpdated) {
      balances++;
    }
    PerformanceState next = state.apply(event);
    if (next != state) {
      // What the live risk manager would see: a snapshot after every event the actor would persist.
      state = next;
      sequenceNr++;
      risk.observe(RiskInputs.of(sequenceNr, state));
    }
    return this;
  }

  public PerformanceState state() {
    return state;
  }

  /** The report, with a period breakdown for each of {@code periods}. */
  public Report build(List<Period> periods) {
    double[] closes = state.daily().closes();
    DailyCloses daily = new DailyCloses(state.daily().firstDay(), closes);
    Map<String, List<io.tradingactors.metrics.PeriodRow>> breakdown = new LinkedHashMap<>();
    for (Period p : periods) {
      breakdown.put(p.wireName(), PeriodBreakdown.of(p, outcomes, daily));
    }
    return new Report(
        strategyId,
        state.settings(),
        state.tradeCount(),
        balances,
        state.asOf(),
        state.metrics(),
        state.rolling(RollingWindows.SEVEN_DAYS_MS),
        state.rolling(RollingWindows.THIRTY_DAYS_MS),
        breakdown,
        risk.state().exposure(),
        risk.events());
  }
}
