package io.tradingactors.bench.http;

import static io.tradingactors.bench.Machine.loadAverage;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/** What else the machine did during a phase: the machine's CPU (/proc/stat), GC pauses, load average. */
final class PhaseProbe {

  record Pause(long startNanos, long durationMs) {}

  private static final ConcurrentLinkedQueue<Pause> PAUSES = new ConcurrentLinkedQueue<>();
  private static long uptimeZeroNanos;

  /** Listens to the collectors' notifications: every pause on the {@link System#nanoTime()} scale (±1 ms). */
  static void installGcListener() {
    uptimeZeroNanos = System.nanoTime() - ManagementFactory.getRuntimeMXBean().getUptime() * 1_000_000L;
    for (GarbageCollectorMXBean bean : ManagementFactory.getGarbageCollectorMXBeans()) {
      ((NotificationEmitter) bean).addNotificationListener((n, h) -> {
        if (n.getType().equals(GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
          GarbageCollectionNotificationInfo info =
              GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
          PAUSES.add(new Pause(uptimeZeroNanos + info.getGcInfo().getStartTime() * 1_000_000L,
              info.getGcInfo().getDuration()));
        }
      }, null, null);
    }
  }

  private final long nanos = System.nanoTime();
  private final long[] stat = procStat();
  private final String load = loadAverage();

  /** Machine CPU busy and steal, GC pauses, load average from the start of the probe to now. */
  String stop() {
    long[] s = procStat();
    String machine = "n/a";
    if (stat != null && s != null) {
      long total = 0;
      for (int i = 0; i < s.length; i++) {
        total += s[i] - stat[i];
      }
      long idle = (s[3] - stat[3]) + (s[4] - stat[4]);
      long steal = s.length > 7 ? s[7] - stat[7] : 0;
      machine = String.format(Locale.ROOT, "%.0f %% busy (steal %.1f %%)", 100.0 * (total - idle) / total,
          100.0 * steal / total);
    }
    long now = System.nanoTime();
    List<Pause> pauses = PAUSES.stream().filter(p -> p.startNanos() >= nanos - 1_000_000L && p.startNanos() <= now)
        .toList();
    long gcMs = pauses.stream().mapToLong(Pause::durationMs).sum();
    long gcMax = pauses.stream().mapToLong(Pause::durationMs).max().orElse(0);
    return String.format(Locale.ROOT, "machine (both cores, all processes) %s; GC %d pauses, %d ms in all, longest "
        + "%d ms; load %s -> %s", machine, pauses.size(), gcMs, gcMax, load, loadAverage());
  }

  /** The first line of /proc/stat: user nice system idle iowait irq softirq steal (jiffies), or null. */
  private static long[] procStat() {
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
}
