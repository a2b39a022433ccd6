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

  /** The machine's CPU time so far (the first line of /proc/stat, in jiffies), for {@link #cpuBusySince}; or null. */
  public static long[] cpuTicks() {
    try {
      String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
      long[] v = new long[Math.min(8, f.length - 1)];
      for (int i = 0; i < v.length; i++) {
        v[i] = Long.parseLong(f[i + 1]);
      }
      return v;
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /** How busy the machine (all cores, all processes) was since {@code before}: "97 % busy (steal 0.6 %)". */
  public static String cpuBusySince(long[] before) {
    long[] now = cpuTicks();
    if (before == null || now == null) {
      return "n/a";
    }
    long total = 0;
    for (int i = 0; i < now.length; i++) {
      total += now[i] - before[i];
    }
    long idle = (now[3] - before[3]) + (now[4] - before[4]); // idle + iowait
    long steal = now.length > 7 ? now[7] - before[7] : 0;
    return String.format(java.util.Locale.ROOT, "%.0f %% busy (steal %.1f %%)", 100.0 * (total - idle) / total,
        100.0 * steal / total);
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
