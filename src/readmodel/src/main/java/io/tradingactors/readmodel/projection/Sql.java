package io.tradingactors.readmodel.projection;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The upserts and idempotent inserts of the read model, in the two dialects it runs on. */
final class Sql {

  private Sql() {}

  /**
   * PostgreSQL: insert, or on a key conflict update the other columns, but only from a row at the same or a later
   * journal position (last_sequence_nr).
   */
  static String postgresUpsert(String table, List<String> key, List<String> values) {
    List<String> sets = new ArrayList<>();
    for (String v : values) {
      sets.add(v + " = EXCLUDED." + v);
    }
    return insert(table, concat(key, values))
        + " ON CONFLICT (" + String.join(", ", key) + ") DO UPDATE SET " + String.join(", ", sets)
        + " WHERE " + table + ".last_sequence_nr <= EXCLUDED.last_sequence_nr";
  }

  /** PostgreSQL: insert unless a row with the same key is there. */
  static String postgresInsertIfAbsent(String table, List<String> columns, List<String> key) {
    return insert(table, columns) + " ON CONFLICT (" + String.join(", ", key) + ") DO NOTHING";
  }

  /** H2: insert or replace the row with the same key. */
  static String h2Merge(String table, List<String> columns, List<String> key) {
    return "MERGE INTO " + table + " (" + String.join(", ", columns) + ") KEY (" + String.join(", ", key)
        + ") VALUES (" + String.join(", ", Collections.nCopies(columns.size(), "?")) + ")";
  }

  private static String insert(String table, List<String> columns) {
    return "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
        + String.join(", ", Collections.nCopies(columns.size(), "?")) + ")";
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }
}
