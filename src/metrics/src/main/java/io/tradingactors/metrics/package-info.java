/** Pure metric math over plain data: no Pekko, no I/O. Conventions are in docs/metrics.md. */
package io.tradingactors.metrics;
