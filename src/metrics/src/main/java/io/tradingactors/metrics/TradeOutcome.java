package io.tradingactors.metrics;

/**
 * What the trade statistics need of one closed trade, as plain data.
 *
 * @param entryTimeMs entry time, epoch milliseconds
 * @param exitTimeMs exit time, epoch milliseconds (not before entry)
 * @param pnl realised result net of fees and slippage
 * @param fees costs reported separately (already inside pnl)
 * @param slippage costs reported separately (already inside pnl)
 * @param riskReward planned R:R of the signal, {@code null} when the trade does not carry one
 */
public record TradeOutcome(
    long entryTimeMs, long exitTimeMs, double pnl, double fees, double slippage, Double riskReward) {}
