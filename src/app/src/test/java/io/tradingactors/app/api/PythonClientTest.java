package io.tradingactors.app.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tradingactors.actors.testing.TestJournals;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Python client of clients/python (stdlib only): its unit tests against a fake server, and drive_server.py, which
 * plays a live engine against a real node. Skipped where there is no {@code python3}.
 */
class PythonClientTest {

  private static final String TOKEN = "py-client-token";

  @TempDir Path dir;

  private static Path clientDir;
  private static String python;

  @BeforeAll
  static void findPython() {
    python = onPath("python3");
    assumeTrue(python != null, "python3 is not on the PATH");
    clientDir = repositoryRoot().resolve("clients/python");
  }

  @Test
  void unitTestsOfTheClientPass() {
    Run r = run(Duration.ofSeconds(120), python, "-m", "unittest", "test_client");

    assertThat(r.exit()).as("python3 -m unittest test_client: %s", r).isZero();
  }

  @Test
  void driveServerPassesAgainstARealNode() {
    String strategy = "py-" + UUID.randomUUID().toString().substring(0, 8);
    try (TestServer server = TestServer.start(TestJournals.h2(dir.resolve("node")), TOKEN)) {
      Run r = run(Duration.ofSeconds(90), python, "drive_server.py", "--base-url", server.base.toString(),
          "--token", TOKEN, "--strategy", strategy, "--timeout", "60");

      assertThat(r.exit()).as("drive_server.py: %s", r).isZero();
      assertThat(r.out()).contains("all checks passed for strategy " + strategy);
      // What the script recorded is in the node, not only in the script's view of it.
      TestServer.Reply metrics = server.get("/v1/strategies/" + strategy + "/metrics");
      assertThat(metrics.status()).as(metrics.body()).isEqualTo(200);
      assertThat(metrics.json().at("/metrics/total_trades").asInt()).isEqualTo(5);
    }
  }

  // ---- helpers --------------------------------------------------------------------------------------------------

  record Run(int exit, String out, String err) {
    @Override
    public String toString() {
      return "exit " + exit + "\n--- stdout ---\n" + out + "\n--- stderr ---\n" + err;
    }
  }

  /** Runs a command in clients/python; output goes to files, so a chatty process can never block on a full pipe. */
  private Run run(Duration timeout, String... command) {
    try {
      Path out = Files.createTempFile(dir, "out", ".txt");
      Path err = Files.createTempFile(dir, "err", ".txt");
      ProcessBuilder pb = new ProcessBuilder(command)
          .directory(clientDir.toFile())
          .redirectOutput(out.toFile())
          .redirectError(err.toFile());
      pb.environment().put("PYTHONDONTWRITEBYTECODE", "1"); // no __pycache__ in the source tree
      pb.environment().put("PYTHONUNBUFFERED", "1");
      pb.environment().remove("TRADING_ACTORS_TOKEN");
      Process p = pb.start();
      boolean done = p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
      if (!done) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
      Run r = new Run(done ? p.exitValue() : -1, Files.readString(out), Files.readString(err));
      assertThat(done).as("%s did not finish within %s s: %s", String.join(" ", command), timeout.toSeconds(), r)
          .isTrue();
      return r;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The checkout's root: the first directory up from here (surefire runs in the module) holding the client. */
  static Path repositoryRoot() {
    Path start = Path.of("").toAbsolutePath();
    for (Path d = start; d != null; d = d.getParent()) {
      if (Files.isRegularFile(d.resolve("clients/python/trading_actors_client.py"))
          && Files.isRegularFile(d.resolve("pom.xml"))) {
        return d;
      }
    }
    throw new IllegalStateException("no clients/python/trading_actors_client.py in " + start + " or above");
  }

  /** The executable {@code name} on the PATH, or null. */
  private static String onPath(String name) {
    String path = System.getenv("PATH");
    if (path == null) {
      return null;
    }
    List<Path> candidates = new ArrayList<>();
    for (String d : path.split(File.pathSeparator)) {
      if (!d.isBlank()) {
        candidates.add(Path.of(d, name));
      }
    }
    for (Path c : candidates) {
      if (Files.isRegularFile(c) && Files.isExecutable(c) && works(c)) {
        return c.toString();
      }
    }
    return null;
  }

  /** Whether it runs at all (a pyenv shim without a selected version fails). */
  private static boolean works(Path executable) {
    try {
      Process p = new ProcessBuilder(executable.toString(), "--version").redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      if (!p.waitFor(30, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return false;
      }
      return p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
