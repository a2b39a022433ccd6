package io.tradingactors.domain.event;

import java.time.Instant;

/** An observation of the strategy's account balance (DESIGN §2). Valid balances are finite and &gt; 0. */
public record BalanceUpdated(Instant time, double balance) implements PerformanceEvent {}
