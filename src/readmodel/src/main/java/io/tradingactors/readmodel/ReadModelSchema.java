package io.tradingactors.readmodel;

import com.typesafe.config.Config;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Creates and upgrades the read model's tables (and the projection's offset store) in the journal's database, with
 * their own Flyway history table so the journal's migrations and these evolve independently.
 */
public final class ReadModelSchema {

  private ReadModelSchema() {}

  /** Brings the read model's schema up to date; returns the migrations applied. */
  public static int migrate(DataSource dataSource, Config config) {
    String dialect = config.getString("trading-actors.journal.dialect");
    Flyway flyway =
        Flyway.configure(ReadModelSchema.class.getClassLoader())
            .dataSource(dataSource)
            .locations("classpath:db/readmodel/" + dialect)
            .table("trading_actors_read_model_schema")
            // The journal's tables are already in the schema: Flyway's own history starts at version 0, and every
            // read model migration from V1 on runs.
            .baselineOnMigrate(true)
            .baselineVersion("0")
            .load();
    return flyway.migrate().migrationsExecuted;
  }
}
