package io.tradingactors.readmodel.query;

import io.tradingactors.actors.testing.TestJournals;

/** The selection queries on PostgreSQL. */
class PostgresReadModelQueriesTest extends ReadModelQueriesTest {
  @Override
  TestJournals.Backend backend() {
    return TestJournals.Backend.POSTGRES;
  }
}
