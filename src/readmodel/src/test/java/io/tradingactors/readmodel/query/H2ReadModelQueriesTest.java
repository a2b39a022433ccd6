package io.tradingactors.readmodel.query;

import io.tradingactors.actors.testing.TestJournals;

/** The selection queries on H2. */
class H2ReadModelQueriesTest extends ReadModelQueriesTest {
  @Override
  TestJournals.Backend backend() {
    return TestJournals.Backend.H2;
  }
}
