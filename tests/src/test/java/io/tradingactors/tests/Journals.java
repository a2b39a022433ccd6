package io.tradingactors.tests;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigValueFactory;
import io.tradingactors.actors.TradingActorsNode;
import io.tradingactors.actors.performance.StrategyPerformanceActor;
import io.tradingactors.domain.MetricsSnapshot;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityRef;

/** Small helpers over a node's journal: entity refs, snapshots by ask, and direct SQL on the journal's tables. */
final class Journals {

  static final Duration ASK = Duration.ofSeconds(30);

  private Journals() {}

  static Config withSnapshotEvery(Config config, int events) {
    return config.withValue("trading-actors.performance.snapshot-every", ConfigValueFactory.fromAnyRef(events));
  }

  static EntityRef<StrategyPerformanceActor.Command> entity(TradingActorsNode node, String entityId) {
    return ClusterSharding.get(node.system()).entityRefFor(StrategyPerformanceActor.ENTITY_TYPE_KEY, entityId);
  }

  static MetricsSnapshot snapshot(TradingActorsNode node, String entityId) {
    return entity(node, entityId)
        .<MetricsSnapshot>ask(StrategyPerformanceActor.GetSnapshot::new, ASK)
        .toCompletableFuture()
        .join();
  }

  static Connection connect(Config config) throws SQLException {
    Config db = config.getConfig("pekko-persistence-jdbc.shared-databases.trading-actors.db");
    return DriverManager.getConnection(db.getString("url"), db.getString("user"), db.getString("password"));
  }

  static long count(Config config, String sql) throws SQLException {
    try (Connection c = connect(config);
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  static int update(Config config, String sql) throws SQLException {
    try (Connection c = connect(config);
        Statement st = c.createStatement()) {
      return st.executeUpdate(sql);
    }
  }
}
