package io.tradingactors.app.cli;

import com.typesafe.config.Config;
import io.tradingactors.actors.TradingActorsNode;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Where a command's node keeps its journal: the embedded H2 data directory, or a configuration file of hocon/. */
final class NodeOptions {

  @Spec(Spec.Target.MIXEE)
  CommandSpec spec;

  @Option(names = "--data-dir", paramLabel = "DIR",
      description = "Directory of the embedded H2 journal (default ./data, or TRADING_ACTORS_DATA_DIR).")
  Path dataDir;

  @Option(names = "--config", paramLabel = "FILE",
      description = "A node configuration, e.g. hocon/postgres.conf (PostgreSQL from TRADING_ACTORS_DB_URL/USER/"
          + "PASSWORD). Default: the embedded H2 journal.")
  Path configFile;

  @Option(names = "--no-progress", description = "Do not draw the progress bar on stderr.")
  boolean noProgress;

  Config config() {
    if (configFile != null && !Files.isRegularFile(configFile)) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--config: no such file: " + configFile);
    }
    return TradingActorsNode.loadConfig(configFile, dataDir);
  }

  /**
   * The configuration of a journal that must already exist (for reading): an embedded H2 journal whose file is
   * missing is a usage error rather than a new empty database.
   */
  Config existingJournal() {
    Config config = config();
    if ("h2".equals(config.getString("trading-actors.journal.dialect"))) {
      Path file = Path.of(config.getString("trading-actors.data-dir")).resolve("journal.mv.db");
      if (!Files.isRegularFile(file)) {
        throw new CommandLine.ParameterException(
            spec.commandLine(),
            "--data-dir: no journal at " + file.toAbsolutePath().normalize() + " (run import or serve first)");
      }
    }
    return config;
  }
}
