package io.tradingactors.metrics;

import static io.tradingactors.metrics.Fixtures.HOUR;
import static io.tradingactors.metrics.Fixtures.ms;
import static io.tradingactors.metrics.Fixtures.rel;
import static io.tradingactors.metrics.Fixtures.trade;
import static io.tradingactors.metrics.Fixtures.tradeStats;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Known answers for every trade statistic of DESIGN §3, worked out by hand in the comments. Each case runs through
 * both {@link TradeStats#of} and a {@link TradeTally} fold (see {@link Fixtures#tradeStats}).
 */
class TradeStatsTest {

  private static final long T0 = ms("2025-03-03T00:00:00Z");

  private static TradeOutcome at(long entryHour, long exitHour, double pnl) {
    return trade(T0 + entryHour * HOUR, T0 + exitHour * HOUR, pnl);
  }

  private static List<TradeOutcome> pnls(double... pnl) {
    List<TradeOutcome> out = new ArrayList<>();
    for (int i = 0; i < pnl.length; i++) {
      out.add(at(i, i + 1, pnl[i]));
    }
    return out;
  }

  /*
   * pnl in order:   +100  +50   0   -40  -60  +30  -20
   * entry..exit h:  0..2  3..7 8..9 10..13 24..30 48..50 70..72   durations 2+4+1+3+6+2+2 = 20 h
   * fees:           1.0   0.5  0.25 0.5  1.0  0.25 0.5            sum 4.0
   * slippage:       0.125 0.25 0    0.125 0.5 0    0.25           sum 1.25
   * risk_reward:    2.0   -    1.5  3.0  -    1.0  -              mean over the 4 that carry one: 7.5 / 4 = 1.875
   */
  private static final List<TradeOutcome> MIXED =
      List.of(
          trade(T0, T0 + 2 * HOUR, 100, 1.0, 0.125, 2.0),
          trade(T0 + 3 * HOUR, T0 + 7 * HOUR, 50, 0.5, 0.25, null),
          trade(T0 + 8 * HOUR, T0 + 9 * HOUR, 0, 0.25, 0, 1.5),
          trade(T0 + 10 * HOUR, T0 + 13 * HOUR, -40, 0.5, 0.125, 3.0),
          trade(T0 + 24 * HOUR, T0 + 30 * HOUR, -60, 1.0, 0.5, null),
          trade(T0 + 48 * HOUR, T0 + 50 * HOUR, 30, 0.25, 0, 1.0),
          trade(T0 + 70 * HOUR, T0 + 72 * HOUR, -20, 0.5, 0.25, null));

  @Test
  void mixedListWithABreakeven() {
    TradeStatistics s = tradeStats(MIXED);
    // wins: 100, 50, 30; losses: -40, -60, -20; one breakeven that still counts in the total.
    assertThat(s.totalTrades()).isEqualTo(7);
    assertThat(s.winningTrades()).isEqualTo(3);
    assertThat(s.losingTrades()).isEqualTo(3);
    assertThat(s.breakevenTrades()).isEqualTo(1);
    // win_rate = 3 / 7 (the breakeven is in the denominator, not 3 / 6)
    assertThat(s.winRate()).isCloseTo(3.0 / 7.0, rel(3.0 / 7.0));
    // gross_profit = 100 + 50 + 30 = 180; gross_loss = 40 + 60 + 20 = 120, a positive magnitude; net = 60
    assertThat(s.grossProfit()).isEqualTo(180.0);
    assertThat(s.grossLoss()).isEqualTo(120.0);
    assertThat(s.netPnl()).isEqualTo(60.0);
    // profit_factor = 180 / 120 = 1.5
    assertThat(s.profitFactor()).isEqualTo(1.5);
    // expectancy = 60 / 7 = 8.571428...
    assertThat(s.expectancy()).isCloseTo(8.571428571428571, rel(8.571428571428571));
    // avg_win = 180 / 3 = 60 (positive); avg_loss = -(120 / 3) = -40 (negative)
    assertThat(s.avgWin()).isEqualTo(60.0);
    assertThat(s.avgLoss()).isEqualTo(-40.0);
    // expectancy_ratio = (1 + 60 / 40) * 3/7 - 1 = 2.5 * 3/7 - 1 = 7.5/7 - 1 = 1/14 = 0.0714285714...
    assertThat(s.expectancyRatio()).isCloseTo(0.07142857142857142, rel(0.07142857142857142));
    // largest_win = 100; largest_loss = -60 (negative: the most negative pnl)
    assertThat(s.largestWin()).isEqualTo(100.0);
    assertThat(s.largestLoss()).isEqualTo(-60.0);
    // sequence W W B L L W L: longest win run 2, longest loss run 2; the last trade is a loss -> current 0 wins, 1 loss
    assertThat(s.maxConsecutiveWins()).isEqualTo(2);
    assertThat(s.maxConsecutiveLosses()).isEqualTo(2);
    assertThat(s.consecutiveWins()).isZero();
    assertThat(s.consecutiveLosses()).isEqualTo(1);
    // avg_trade_duration_hours = 20 h / 7 = 2.857142857...
    assertThat(s.avgTradeDurationHours()).isCloseTo(2.857142857142857, rel(2.857142857142857));
    // trades_per_day = 7 / (days from first entry 0 h to last exit 72 h = 3) = 2.333...
    assertThat(s.tradesPerDay()).isCloseTo(7.0 / 3.0, rel(7.0 / 3.0));
    assertThat(s.totalFees()).isEqualTo(4.0);
    assertThat(s.totalSlippage()).isEqualTo(1.25);
    // avg_rr only over the trades that carry one: (2.0 + 1.5 + 3.0 + 1.0) / 4 = 1.875 (not 7.5 / 7)
    assertThat(s.avgRr()).isEqualTo(1.875);
  }

  @Test
  void aBreakevenEndsBothStreaks() {
    // W W B W: without the breakeven rule the win run would be 3; with it the runs are 2 and 1.
    // L L B L: likewise 2 and 1 for losses. The list ends on a loss run of 1.
    TradeStatistics s = tradeStats(pnls(5, 5, 0, 5, -5, -5, 0, -5));
    assertThat(s.maxConsecutiveWins()).isEqualTo(2);
    assertThat(s.maxConsecutiveLosses()).isEqualTo(2);
    assertThat(s.consecutiveWins()).isZero();
    assertThat(s.consecutiveLosses()).isEqualTo(1);
  }

  @Test
  void aTrailingBreakevenLeavesNoCurrentStreak() {
    TradeStatistics s = tradeStats(pnls(5, 5, 5, 0));
    assertThat(s.maxConsecutiveWins()).isEqualTo(3);
    assertThat(s.consecutiveWins()).isZero();
    assertThat(s.consecutiveLosses()).isZero();
  }

  @Test
  void currentStreaksFollowTheLastRun() {
    // L W W W: max wins 3 = current wins 3; the loss run of 1 is over.
    TradeStatistics s = tradeStats(pnls(-1, 2, 3, 4));
    assertThat(s.maxConsecutiveWins()).isEqualTo(3);
    assertThat(s.maxConsecutiveLosses()).isEqualTo(1);
    assertThat(s.consecutiveWins()).isEqualTo(3);
    assertThat(s.consecutiveLosses()).isZero();
  }

  @Test
  void profitFactorIsZeroWithoutProfit() {
    // losses and a breakeven, no profit: 0 / 10 = 0
    TradeStatistics losses = tradeStats(pnls(-10, 0));
    assertThat(losses.profitFactor()).isEqualTo(0.0);
    // only breakevens: no profit and no loss is still 0, not the cap and not null
    TradeStatistics breakevens = tradeStats(pnls(0, 0));
    assertThat(breakevens.profitFactor()).isEqualTo(0.0);
  }

  @Test
  void profitFactorIsTheCapWithProfitAndNoLoss() {
    TradeStatistics s = tradeStats(pnls(10, 0, 25));
    assertThat(s.profitFactor()).isEqualTo(9999.9999);
    assertThat(TradeStatistics.PROFIT_FACTOR_CAP).isEqualTo(9999.9999);
  }

  @Test
  void theCapBoundsEveryProfitFactor() {
    // 1_000_000 / 1 = 1e6 would not fit NUMERIC(10,4): capped
    assertThat(tradeStats(pnls(1_000_000, -1)).profitFactor()).isEqualTo(9999.9999);
    // 5000 / 1 = 5000 is below the cap and kept
    assertThat(tradeStats(pnls(5000, -1)).profitFactor()).isEqualTo(5000.0);
    assertThat(TradeStatistics.profitFactor(3.0, 4.0)).isEqualTo(0.75);
  }

  @Test
  void expectancyRatioIsMinusOneWithoutWins() {
    // avg_win taken as 0, win_rate 0: (1 + 0 / 20) * 0 - 1 = -1, whatever the losses
    TradeStatistics s = tradeStats(pnls(-10, -30, 0));
    assertThat(s.expectancyRatio()).isEqualTo(-1.0);
    assertThat(s.avgWin()).isNull();
    assertThat(s.largestWin()).isNull();
    assertThat(s.avgLoss()).isEqualTo(-20.0);
    assertThat(s.largestLoss()).isEqualTo(-30.0);
    // expectancy = -40 / 3
    assertThat(s.expectancy()).isCloseTo(-13.333333333333334, rel(13.333333333333334));
  }

  @Test
  void expectancyRatioIsNullWithoutLosses() {
    // |avg_loss| is undefined: no invented number
    TradeStatistics s = tradeStats(pnls(10, 20));
    assertThat(s.expectancyRatio()).isNull();
    assertThat(s.avgLoss()).isNull();
    assertThat(s.largestLoss()).isNull();
    assertThat(s.avgWin()).isEqualTo(15.0);
    assertThat(s.winRate()).isEqualTo(1.0);
  }

  @Test
  void onlyBreakevens() {
    TradeStatistics s = tradeStats(pnls(0, 0, 0));
    assertThat(s.winRate()).isEqualTo(0.0);
    assertThat(s.expectancy()).isEqualTo(0.0);
    assertThat(s.expectancyRatio()).isNull();
    assertThat(s.breakevenTrades()).isEqualTo(3);
    assertThat(s.maxConsecutiveWins()).isZero();
    assertThat(s.maxConsecutiveLosses()).isZero();
  }

  @Test
  void tradesPerDayUsesOneDayForShortSpans() {
    // three trades between 00:00 and 06:00: span 0.25 days -> denominator max(1, 0.25) = 1 -> 3 per day (not 12)
    List<TradeOutcome> trades = List.of(at(0, 1, 1), at(2, 4, -1), at(5, 6, 2));
    assertThat(tradeStats(trades).tradesPerDay()).isEqualTo(3.0);
    // a span of exactly one day also divides by 1
    assertThat(tradeStats(List.of(at(0, 1, 1), at(20, 24, 1))).tradesPerDay()).isEqualTo(2.0);
  }

  @Test
  void tradesPerDaySpanRunsFromFirstEntryToLastExit() {
    // entries at 0, 10 and 20 h; exits at 36, 12 and 21 h (the latest exit is not the last trade's):
    // span = first entry 0 h .. latest exit 36 h = 1.5 days -> 3 / 1.5 = 2
    List<TradeOutcome> trades = List.of(at(0, 36, 1), at(10, 12, 1), at(20, 21, 1));
    assertThat(tradeStats(trades).tradesPerDay()).isEqualTo(2.0);
  }

  @Test
  void averageDurationInHours() {
    // 90 min and 30 min -> mean 60 min = 1.0 h
    List<TradeOutcome> trades =
        List.of(trade(T0, T0 + 90 * 60_000L, 1), trade(T0 + HOUR, T0 + HOUR + 30 * 60_000L, -1));
    assertThat(tradeStats(trades).avgTradeDurationHours()).isEqualTo(1.0);
  }

  @Test
  void avgRrIsNullWhenNoTradeCarriesOne() {
    assertThat(tradeStats(pnls(1, -1)).avgRr()).isNull();
  }

  @Test
  void emptyInputGivesZerosForCountsAndSumsAndNullsForRatios() {
    TradeStatistics s = tradeStats(List.of());
    assertThat(s)
        .isEqualTo(
            new TradeStatistics(
                0, 0, 0, 0, null, 0.0, 0.0, 0.0, null, null, null, null, null, null, null, 0, 0, 0, 0, null, 0.0,
                0.0, 0.0, null));
    assertThat(TradeTally.EMPTY.statistics()).isEqualTo(s);
  }
}
