package io.tradingactors.actors.journal;

import io.tradingactors.actors.EventTags;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.JavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Journal migration 2: gives the events written before events were tagged ({@link EventTags}) the tag they would
 * carry now, so the read model's projection, which reads the journal by tag, sees a strategy's whole history. Runs
 * once, before the node starts writing; the table names are the plugin's, quoted in lower case (as both the H2 and
 * the PostgreSQL schema of db/journal name them).
 */
public final class TagUntaggedEvents implements JavaMigration {

  @Override
  public MigrationVersion getVersion() {
    return MigrationVersion.fromVersion("2");
  }

  @Override
  public String getDescription() {
    return "tag untagged events by slice";
  }

  /** No checksum: the migration is code, its history row only records that it ran. */
  @Override
  public Integer getChecksum() {
    return null;
  }

  @Override
  public boolean canExecuteInTransaction() {
    return true;
  }

  @Override
  public void migrate(Context context) throws SQLException {
    Connection c = context.getConnection();
    List<String> untagged = new ArrayList<>();
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(
            "SELECT DISTINCT j.\"persistence_id\" FROM \"event_journal\" j WHERE NOT EXISTS "
                + "(SELECT 1 FROM \"event_tag\" t WHERE t.\"event_id\" = j.\"ordering\")")) {
      while (rs.next()) {
        untagged.add(rs.getString(1));
      }
    }
    try (PreparedStatement tag = c.prepareStatement(
        "INSERT INTO \"event_tag\" (\"event_id\", \"tag\") SELECT j.\"ordering\", ? FROM \"event_journal\" j "
            + "WHERE j.\"persistence_id\" = ? AND NOT EXISTS "
            + "(SELECT 1 FROM \"event_tag\" t WHERE t.\"event_id\" = j.\"ordering\")")) {
      for (String pid : untagged) {
        String prefix = EventTags.prefixOf(pid);
        if (prefix != null) {
          tag.setString(1, EventTags.tagFor(prefix, pid));
          tag.setString(2, pid);
          tag.executeUpdate();
        }
      }
    }
  }
}
