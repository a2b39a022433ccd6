package io.tradingactors.actors;

import com.typesafe.config.Config;
import io.tradingactors.actors.journal.TagUntaggedEvents;
import org.flywaydb.core.Flyway;

/**
 * Creates the journal's tables at start-up when they are missing. Flyway records what ran, and on PostgreSQL holds
 * an advisory lock while it runs, so starting a node twice, or two nodes at once, is safe.
 */
public final class JournalSchema {

  static final String DB = "pekko-persistence-jdbc.shared-databases.trading-actors.db";

  private JournalSchema() {}

  /** Brings the schema of the configured journal database up to date; returns the migrations applied. */
  public static int migrate(Config config) {
    Config db = config.getConfig(DB);
    String dialect = config.getString("trading-actors.journal.dialect");
    Flyway flyway =
        Flyway.configure(JournalSchema.class.getClassLoader())
            .dataSource(db.getString("url"), db.getString("user"), db.getString("password"))
            .locations("classpath:db/journal/" + dialect)
            .javaMigrations(new TagUntaggedEvents())
            .table("trading_actors_journal_schema")
            .baselineOnMigrate(false)
            .load();
    return flyway.migrate().migrationsExecuted;
  }
}
