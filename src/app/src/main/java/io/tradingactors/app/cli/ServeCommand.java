package io.tradingactors.app.cli;

import io.tradingactors.actors.TradingActorsNode;
import io.tradingactors.app.api.ApiServer;
import io.tradingactors.readmodel.ReadModel;
import io.tradingactors.readmodel.query.ReadModelQueries;
import io.tradingactors.readmodel.query.SelectionSettings;
import io.tradingactors.app.api.ApiSettings;
import java.io.PrintWriter;
import java.net.URI;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code serve}: a node with the HTTP API, running until Ctrl-C. Stopping is the node's coordinated shutdown: the port
 * closes, writes in flight finish and are acknowledged, the entities stop, the journal closes.
 */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = "Start a node: journal, actors and the HTTP API (docs/api.md). Stop with Ctrl-C.")
public final class ServeCommand implements Callable<Integer> {

  @Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--host", paramLabel = "ADDRESS",
      description = "Address to bind (default 127.0.0.1). Any other address needs TRADING_ACTORS_TOKEN set.")
  String host;

  @Option(names = "--port", paramLabel = "PORT", description = "Port to bind (default 8080; 0 picks a free one).")
  Integer port;

  @Option(names = "--demo",
      description = "Feed the bundled sample backtest through the API as strategy 'demo' (about 30 s), so metrics,"
          + " exposure and the stream have content.")
  boolean demo;

  @Mixin NodeOptions node;

  @Override
  public Integer call() throws Exception {
    var config = node.config();
    ApiSettings defaults = ApiSettings.from(config, System.getenv("TRADING_ACTORS_TOKEN"));
    ApiSettings settings = defaults.withAddress(
        host == null ? defaults.host() : host, port == null ? defaults.port() : port);
    if (settings.port() < 0 || settings.port() > 65_535) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--port: must be 0..65535, got " + settings.port());
    }
    try {
      settings.checkExposure();
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    SelectionSettings selection;
    try {
      selection = SelectionSettings.from(config); // before anything starts: a bad weight or band stops here
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    PrintWriter out = spec.commandLine().getOut();
    TradingActorsNode n = TradingActorsNode.start(config);
    ApiServer server;
    try {
      ReadModel readModel = ReadModel.start(n.system(), config, n.metricSettings());
      server = ApiServer.start(n, settings, new ReadModelQueries(readModel.dataSource(), selection));
      readModel.onLag(server.readModelLag());
    } catch (RuntimeException e) {
      n.close();
      throw new IllegalStateException("could not serve on " + settings.host() + ":" + settings.port() + ": "
          + (e.getCause() == null ? e.getMessage() : e.getCause().getMessage()), e);
    }
    URI base = URI.create("http://" + settings.host() + ":" + server.address().getPort());
    out.printf("serving on %s (API guide: docs/api.md; OpenAPI: %s/v1/openapi.json; Ctrl-C stops)%n", base, base);
    out.flush();
    if (demo) {
      out.printf("demo: feeding the sample backtest as strategy '%s'; try:%n"
              + "  curl -N %s/v1/stream?strategy=%s%n"
              + "  curl %s/v1/strategies/%s/metrics%n"
              + "  curl %s/v1/strategies/%s/exposure%n",
          DemoFeed.STRATEGY, base, DemoFeed.STRATEGY, base, DemoFeed.STRATEGY, base, DemoFeed.STRATEGY);
      out.flush();
      Thread feeder = new Thread(new DemoFeed(base, settings.token(), out), "demo-feed");
      feeder.setDaemon(true);
      feeder.start();
    }
    // Ctrl-C runs Pekko's coordinated shutdown from the JVM's shutdown hook; this thread waits for its end.
    n.system().getWhenTerminated().toCompletableFuture().join();
    out.println("stopped");
    out.flush();
    return ExitCodes.OK;
  }
}
