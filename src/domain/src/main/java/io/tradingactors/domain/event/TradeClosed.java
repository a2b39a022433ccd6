package io.tradingactors.domain.event;

import java.time.Instant;

/**
 * A closed trade (DESIGN §2). {@code pnl} is the realised result net of fees and slippage — what reached the balance;
 * {@code fees} and {@code slippage} are those costs reported separately. Win: pnl &gt; 0, loss: pnl &lt; 0, breakeven: 0.
 *
 * <p>{@code riskReward} (planned R:R of the signal), {@code mfe} and {@code mae} are optional: {@code null} when absent.
 * Instances that reach the fold have passed {@link EventValidator}.
 */
public record TradeClosed(
    String tradeId,
    String symbol,
    Side side,
    Instant entryTime,
    Instant exitTime,
    double entryPrice,
    double exitPrice,
    double quantity,
    double pnl,
    double fees,
    double slippage,
    Double riskReward,
    Double mfe,
    Double mae)
    implements PerformanceEvent {

  @Override
  public Instant time() {
    return exitTime;
  }
}
