package io.tradingactors.domain.risk;

/**
 * The daily loss limit: once the net pnl of the current UTC day is at or below −{@code limit} × the day's opening
 * balance, exposure is at most {@code exposure} until the next UTC day.
 *
 * @param enabled whether the rule applies at all
 * @param limit the loss that trips it, as a fraction of the day's opening balance, in (0, 1]
 * @param exposure the exposure allowed for the rest of the day, in [0, 1]
 */
public record DailyLossLimit(boolean enabled, double limit, double exposure) {

  public static final DailyLossLimit OFF = new DailyLossLimit(false, 1.0, 1.0);
}
