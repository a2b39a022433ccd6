package io.tradingactors.actors.serialization;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.pekko.serialization.jackson.JacksonMigration;

/**
 * Version 1 of the journal events: puts {@code #1} into every event's manifest, so the day a field changes the new
 * version's migration can tell old rows from new ones. Version 1 itself needs no transformation.
 */
public final class EventVersion1 extends JacksonMigration {

  @Override
  public int currentVersion() {
    return 1;
  }

  @Override
  public JsonNode transform(int fromVersion, JsonNode json) {
    return json;
  }
}
