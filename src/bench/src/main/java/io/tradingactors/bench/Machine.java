package io.tradingactors.bench;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** What every benchmark report states about the machine it ran on, and how busy the machine was. */
public final class Machine {

  private Machine() {}

  /** Cores, memory, JVM (with its arguments and collectors), kernel, and the load average at the start. */
  public static List<String> describe() {
    return List.of(
        "cores (nproc): " + Runtime.getRuntime().availableProcessors(),
        "memory (free -g): " + command("free", "-g").replaceAll("\\s+", " ").trim(),
        "java: " + System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")
            + ", args " + ManagementFactory.getRuntimeMXBean().getInputArguments() + ", GC "
            + ManagementFactory.getGarbageCollectorMXBeans().stream().map(GarbageCollectorMXBean::getName).toList(),
        "kernel: " + command("uname", "-sr").trim(),
        "load average at the start (1, 5, 15 min): " + loadAverage());
  }

  /** The 1, 5 and 15 minute load averages, "n/a" where /proc/loadavg cannot be read. */
  public static String loadAverage() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return f[0] + " " + f[1] + " " + f[2];
    } catch (IOException e) {
      return "n/a";
    }
  }

  /** The output of a command (stdout and stderr), or "n/a (…)" when it cannot run: reports must not fail on it. */
  public static String command(String... cmd) {
    try {
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      p.waitFor();
      return out;
    } catch (IOException e) {
      return "n/a (" + e.getMessage() + ")";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "n/a";
    }
  }
}
