package io.tradingactors.bench.http;

import static io.tradingactors.bench.Machine.loadAverage;

import io.tradingactors.bench.Machine;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/** What else the machine did during a phase: the machine's CPU (/proc/stat), GC pauses, load average. */
public final class PhaseProbe {

  record Pause(long startNanos, long durationMs) {}

  private static final ConcurrentLinkedQueue<Pause> PAUSES = new ConcurrentLinkedQueue<>();
  private static long uptimeZeroNanos;

  /** Listens to the collectors' notifications: every pause on the {@link System#nanoTime()} scale (±1 ms). */
  public static void installGcListener() {
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
  private final long[] stat = Machine.cpuTicks();
  private final String load = loadAverage();

  /** Machine CPU busy and steal, GC pauses, load average from the start of the probe to now. */
  public String stop() {
    String machine = Machine.cpuBusySince(stat);
    long now = System.nanoTime();
    List<Pause> pauses = PAUSES.stream().filter(p -> p.startNanos() >= nanos - 1_000_000L && p.startNanos() <= now)
        .toList();
    long gcMs = pauses.stream().mapToLong(Pause::durationMs).sum();
    long gcMax = pauses.stream().mapToLong(Pause::durationMs).max().orElse(0);
    return String.format(Locale.ROOT, "machine (both cores, all processes) %s; GC %d pauses, %d ms in all, longest "
        + "%d ms; load %s -> %s", machine, pauses.size(), gcMs, gcMax, load, loadAverage());
  }

}
