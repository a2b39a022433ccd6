package io.tradingactors.actors.testing;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;

/** The configuration of a behavior test on Pekko's persistence testkit, with the production serialization bindings. */
public final class BehaviorTestKits {

  private BehaviorTestKits() {}

  /**
   * The testkit's in-memory journal, a local provider (no cluster to form) and trading-actors.conf, so every command,
   * event, reply and state the testkit serializes goes through the bindings production uses.
   */
  public static Config config() {
    return org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit.config()
        .withFallback(ConfigFactory.parseString("pekko.actor.provider = local"))
        .withFallback(ConfigFactory.parseResources("trading-actors.conf"))
        .resolve();
  }
}
