package io.tradingactors.metrics;

import java.time.LocalDate;

/**
 * One calendar period of the breakdown.
 *
 * @param period which kind of period
 * @param start its first day (UTC)
 * @param periodReturn last close of the period / last close before it − 1 (the first period measures from the first
 *     close); null for a period without a daily close
 * @param trades trades closed in the period (by exit time)
 * @param winningTrades trades with pnl &gt; 0
 * @param losingTrades trades with pnl &lt; 0
 * @param netPnl sum of their pnl
 * @param winRate wins / trades; null without trades
 * @param profitFactor as {@link TradeStatistics#profitFactor}; null without trades
 */
public record PeriodRow(
    Period period,
    LocalDate start,
    Double periodReturn,
    long trades,
    long winningTrades,
    long losingTrades,
    double netPnl,
    Double winRate,
    Double profitFactor) {}
