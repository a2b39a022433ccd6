package io.tradingactors.readmodel;

import com.typesafe.config.Config;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * The read model's own connection pool to the journal's database (the URL, user and password of
 * {@code pekko-persistence-jdbc.shared-databases.trading-actors.db}): the projection's transactions and the API's
 * queries never wait behind the journal's writers for a connection, nor the writers behind them.
 */
public final class ReadModelDatabase {

  static final String JOURNAL_DB = "pekko-persistence-jdbc.shared-databases.trading-actors.db";

  private ReadModelDatabase() {}

  /** A pool of {@code trading-actors.read-model.connections} connections; close it when the node stops. */
  public static HikariDataSource pool(Config config, String name) {
    Config db = config.getConfig(JOURNAL_DB);
    HikariConfig hikari = new HikariConfig();
    hikari.setPoolName(name);
    hikari.setJdbcUrl(db.getString("url"));
    hikari.setUsername(db.getString("user"));
    hikari.setPassword(db.getString("password"));
    hikari.setDriverClassName(db.getString("driver"));
    hikari.setMaximumPoolSize(config.getInt("trading-actors.read-model.connections"));
    hikari.setMinimumIdle(1);
    hikari.setConnectionTimeout(db.getDuration("connectionTimeout").toMillis());
    hikari.setAutoCommit(true);
    return new HikariDataSource(hikari);
  }
}
