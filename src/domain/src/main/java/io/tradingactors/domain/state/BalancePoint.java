package io.tradingactors.domain.state;

/** One raw balance observation kept in the recent window of the state. */
public record BalancePoint(long timeMs, double balance) {}
