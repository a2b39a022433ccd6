package io.tradingactors.actors;

import java.util.ArrayList;
import java.util.List;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.persistence.Persistence;

/**
 * The tags every journal event carries so that projections can read the journal in parallel slices: Pekko's slice of
 * the persistence id (0–1023, {@link Persistence#sliceForPersistenceId}) grouped into {@link #GROUPS} ranges, one tag
 * per range and entity type: {@code performance-0} … {@code performance-3}, {@code risk-0} … {@code risk-3}. A
 * projection runs one instance per tag (a sharded daemon process spreads them over the cluster's nodes).
 *
 * <p>Tags are written into the journal with each event and live as long as it: {@link #GROUPS} can never change
 * without re-tagging the journal.
 */
public final class EventTags {

  /** Slice ranges, hence projection instances per entity type. */
  public static final int GROUPS = 4;

  /** Pekko's number of slices ({@link Persistence#numberOfSlices}). */
  static final int SLICES = 1024;

  public static final String PERFORMANCE = "performance";
  public static final String RISK = "risk";

  private EventTags() {}

  /** The tag of every event of {@code persistenceId}, an entity of type {@code prefix}. */
  public static String tagFor(ActorSystem<?> system, String prefix, String persistenceId) {
    Persistence persistence = Persistence.get(system);
    int slice = persistence.sliceForPersistenceId(persistenceId);
    return prefix + "-" + (slice * GROUPS / persistence.numberOfSlices());
  }

  /**
   * {@link #tagFor(ActorSystem, String, String)} without an actor system, for the schema migration that tags the
   * events written before tags existed: Pekko's slice is |hashCode mod 1024| (a test keeps the two in step).
   */
  public static String tagFor(String prefix, String persistenceId) {
    int slice = Math.abs(persistenceId.hashCode() % SLICES);
    return prefix + "-" + (slice * GROUPS / SLICES);
  }

  /** The entity type prefix of a persistence id's tag, or null for an entity the read model does not follow. */
  public static String prefixOf(String persistenceId) {
    if (persistenceId.startsWith("strategy|")) {
      return PERFORMANCE;
    }
    return persistenceId.startsWith("risk|") ? RISK : null;
  }

  /** Every tag of one entity type, in slice order. */
  public static List<String> allOf(String prefix) {
    List<String> tags = new ArrayList<>(GROUPS);
    for (int i = 0; i < GROUPS; i++) {
      tags.add(prefix + "-" + i);
    }
    return tags;
  }
}
