package io.tradingactors.app.api;

import io.tradingactors.actors.testing.TestJournals;

/** The API contract on the PostgreSQL journal. */
class PostgresApiContractTest extends ApiContractTest {
  @Override
  TestJournals.Backend backend() {
    return TestJournals.Backend.POSTGRES;
  }
}
