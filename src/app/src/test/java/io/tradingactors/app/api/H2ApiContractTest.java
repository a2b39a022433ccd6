package io.tradingactors.app.api;

import io.tradingactors.actors.testing.TestJournals;

/** The API contract on the embedded H2 journal. */
class H2ApiContractTest extends ApiContractTest {
  @Override
  TestJournals.Backend backend() {
    return TestJournals.Backend.H2;
  }
}
