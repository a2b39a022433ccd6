package io.tradingactors.domain.state;

import io.tradingactors.domain.event.BalanceUpdated;
import io.tradingactors.domain.event.PerformanceEvent;
import io.tradingactors.domain.event.TradeClosed;
import io.tradingactors.domain.event.Violation;
import io.tradingactors.metrics.BalanceStatistics;
import io.tradingactors.metrics.DailyCloseSeries;
import io.tradingactors.metrics.DrawdownTracker;
import io.tradingactors.metrics.MetricSettings;
import io.tradingactors.metrics.PerformanceMetrics;
import io.tradingactors.metrics.RollingWindows;
import io.tradingactors.metrics.TradeOutcome;
import io.tradingactors.metrics.TradeTally;
import io.tradingactors.metrics.WindowStatistics;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A strategy's performance as one immutable value, changed only by {@link #apply}: the fold that the live actor, the
 * journal replay and the backtest {@code report} all run, which is why their metrics are identical.
 *
 * <p>Memory does not grow with balance ticks: trades are kept as a running tally, their ids as fixed-size digests
 * (for idempotency) and the last 30 days of outcomes (for the rolling windows); balances as a running drawdown, one
 * close per calendar day and the last {@link #RECENT_BALANCE_POINTS} raw observations. What does grow: 22 to 27 bytes
 * per recorded trade id ({@link TradeIdSet}), 8 to 10 per calendar day ({@link DailyCloseSeries}), and 24 per trade of
 * the last 30 days in a store up to twice that ({@link TradeWindow}); the raw points take at most 4 KB
 * ({@link BalanceWindow}). The recent parts are columns of primitives, not objects (see docs/benchmarks.md, "Retained
 * heap of the state").
 *
 * <p>{@code apply} is total. Inputs are validated before they get here ({@code EventValidator} and
 * {@link #checkOrder}); should an unvalidated event arrive anyway, a repeated trade id changes nothing and a balance
 * older than the last one is taken as observed at the last balance time, so the fold never throws.
 */
public final class PerformanceState {

  /**
   * Raw balance observations kept for the balance history endpoint, which serves one close per calendar day for the
   * whole history plus these points for the latest detail: 128 points are the last two hours of one-a-minute ticks
   * (or the last 128 of sparser ones). Their store holds at most twice as many, 16 bytes each: 4 KB, which leaves most
   * of the budget of 10 KB per active strategy to the parts that must grow (trade ids, calendar days, recent trades).
   */
  public static final int RECENT_BALANCE_POINTS = 128;

  private final MetricSettings settings;
  private final long eventCount;
  private final long asOfMs;
  private final TradeTally tally;
  private final TradeIdSet tradeIds;
  private final TradeWindow recentTrades;
  private final DrawdownTracker drawdown;
  private final DailyCloseSeries daily;
  private final BalanceWindow recentBalances;

  PerformanceState(
      MetricSettings settings,
      long eventCount,
      long asOfMs,
      TradeTally tally,
      TradeIdSet tradeIds,
      TradeWindow recentTrades,
      DrawdownTracker drawdown,
      DailyCloseSeries daily,
      BalanceWindow recentBalances) {
    this.settings = settings;
    this.eventCount = eventCount;
    this.asOfMs = asOfMs;
    this.tally = tally;
    this.tradeIds = tradeIds;
    this.recentTrades = recentTrades;
    this.drawdown = drawdown;
    this.daily = daily;
    this.recentBalances = recentBalances;
  }

  public static PerformanceState empty(MetricSettings settings) {
    return new PerformanceState(
        settings,
        0,
        Long.MIN_VALUE,
        TradeTally.EMPTY,
        TradeIdSet.empty(),
        TradeWindow.empty(),
        DrawdownTracker.EMPTY,
        DailyCloseSeries.empty(settings.marPerPeriod()),
        BalanceWindow.empty(RECENT_BALANCE_POINTS));
  }

  /** The state after one more event. */
  public PerformanceState apply(PerformanceEvent event) {
    if (event instanceof TradeClosed trade) {
      return applyTrade(trade);
    }
    return applyBalance((BalanceUpdated) event);
  }

  private PerformanceState applyTrade(TradeClosed t) {
    // plus() answers the same set for a recorded id: one digest and one probe per trade.
    TradeIdSet ids = tradeIds.plus(t.tradeId());
    if (ids == tradeIds) {
      return this;
    }
    TradeOutcome outcome =
        new TradeOutcome(
            t.entryTime().toEpochMilli(),
            t.exitTime().toEpochMilli(),
            t.pnl(),
            t.fees(),
            t.slippage(),
            t.riskReward());
    long asOf = Math.max(asOfMs, outcome.exitTimeMs());
    long windowStart = asOf - RollingWindows.THIRTY_DAYS_MS;
    return new PerformanceState(
        settings,
        eventCount + 1,
        asOf,
        tally.plus(outcome),
        ids,
        recentTrades.plus(outcome.exitTimeMs(), outcome.pnl(), outcome.riskReward()).dropExitedUpTo(windowStart),
        drawdown,
        daily,
        recentBalances);
  }

  private PerformanceState applyBalance(BalanceUpdated b) {
    long time = b.time().toEpochMilli();
    if (drawdown.count() > 0) {
      time = Math.max(time, drawdown.lastTimeMs());
    }
    long asOf = Math.max(asOfMs, time);
    long windowStart = asOf - RollingWindows.THIRTY_DAYS_MS;
    return new PerformanceState(
        settings,
        eventCount + 1,
        asOf,
        tally,
        tradeIds,
        recentTrades.dropExitedUpTo(windowStart),
        drawdown.plus(time, b.balance()),
        daily.plus(time, b.balance()),
        recentBalances.plus(time, b.balance()));
  }

  /**
   * The ordering rule for balances: an observation older than the last recorded one is rejected (never reordered
   * into the past); one at the same instant is accepted and becomes the latest. Trades may close in any order.
   */
  public Optional<Violation> checkOrder(BalanceUpdated b) {
    if (drawdown.count() > 0 && b.time() != null && b.time().toEpochMilli() < drawdown.lastTimeMs()) {
      return Optional.of(
          new Violation(
              "time",
              "balance time "
                  + b.time()
                  + " is before the last recorded balance time "
                  + Instant.ofEpochMilli(drawdown.lastTimeMs())
                  + "; balances must arrive in time order"));
    }
    return Optional.empty();
  }

  /**
   * Whether {@code b} is one of the last {@link #RECENT_BALANCE_POINTS} recorded balances exactly (same instant, same
   * value): a retried update — possibly a whole retried batch — which is acknowledged and not recorded again. A
   * different value at the last instant is a correction and is recorded; anything older is out of order.
   */
  public boolean isRecentlyRecorded(BalanceUpdated b) {
    if (b.time() == null) {
      return false;
    }
    long t = b.time().toEpochMilli();
    for (int i = recentBalances.size() - 1; i >= 0 && recentBalances.timeMs(i) >= t; i--) {
      if (recentBalances.timeMs(i) == t && Double.compare(recentBalances.balance(i), b.balance()) == 0) {
        return true;
      }
    }
    return false;
  }

  /** Whether a trade with this id has been recorded (a retry is acknowledged and changes nothing). */
  public boolean hasTrade(String tradeId) {
    return tradeIds.contains(tradeId);
  }

  /** Every metric of DESIGN §3 as of the last event. */
  public PerformanceMetrics metrics() {
    return PerformanceMetrics.of(
        tally.statistics(), BalanceStatistics.of(drawdown, daily, settings));
  }

  /** Trailing-window statistics ending at the latest event time (7 or 30 days). */
  public WindowStatistics rolling(long windowMs) {
    if (windowMs > RollingWindows.THIRTY_DAYS_MS) {
      throw new IllegalArgumentException("the state keeps 30 days of trades; asked for " + windowMs + " ms");
    }
    return recentTrades.statistics(asOfMs, windowMs, daily.lastReturns(RollingWindows.SHARPE_RETURNS), settings);
  }

  /** Time of the latest event (trade exit or balance), or {@code null} before any event. */
  public Instant asOf() {
    return eventCount == 0 ? null : Instant.ofEpochMilli(asOfMs);
  }

  public long eventCount() {
    return eventCount;
  }

  public MetricSettings settings() {
    return settings;
  }

  public long tradeCount() {
    return tally.total();
  }

  public TradeTally tally() {
    return tally;
  }

  public TradeIdSet tradeIds() {
    return tradeIds;
  }

  /** The trades of the last 30 days (up to the latest event time), in recording order. */
  public TradeWindow recentTrades() {
    return recentTrades;
  }

  public DrawdownTracker drawdown() {
    return drawdown;
  }

  public DailyCloseSeries daily() {
    return daily;
  }

  /** The last {@link #RECENT_BALANCE_POINTS} raw balance observations, oldest first. */
  public BalanceWindow recentBalances() {
    return recentBalances;
  }

  long asOfMs() {
    return asOfMs;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof PerformanceState s)) {
      return false;
    }
    return eventCount == s.eventCount
        && asOfMs == s.asOfMs
        && settings.equals(s.settings)
        && tally.equals(s.tally)
        && tradeIds.equals(s.tradeIds)
        && recentTrades.equals(s.recentTrades)
        && drawdown.equals(s.drawdown)
        && daily.equals(s.daily)
        && recentBalances.equals(s.recentBalances);
  }

  @Override
  public int hashCode() {
    return Objects.hash(eventCount, asOfMs, tally, drawdown);
  }
}
