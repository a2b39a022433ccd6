package io.tradingactors.bench.http;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongFunction;
import org.HdrHistogram.Histogram;

/**
 * An open-loop load generator (as wrk2): request {@code i} is due at {@code start + i / rate} whatever happened to the
 * requests before it, and its latency runs from that intended send time to its response, so a server that stalls is
 * charged for every request it held up, including those that could not be sent because every connection was busy (no
 * coordinated omission). One sender thread parks until each due time, takes a permit (one per connection; a request
 * that finds none waits for one, on the clock) and hands the request to the {@link Transport}.
 *
 * <p>Bounded in count and time: {@code count} requests at most, none sent after {@code start + count / rate +
 * drainSeconds}, and responses awaited until then; what is left is counted as not sent or not answered.
 */
final class LoadGenerator {

  private static final long MAX_NANOS = TimeUnit.SECONDS.toNanos(600);

  private LoadGenerator() {}

  /** What one run measured. Latencies in nanoseconds. */
  static final class Result {
    final int rate;
    final long scheduled;
    /** Intended send time -> response, every response (errors included). */
    final Histogram latency = new Histogram(MAX_NANOS, 3);
    /**
     * The sender's own lateness, for requests that found a free connection: actual send time minus the later of the
     * intended time and the previous send (while it catches up after a wait for a connection, each request is due
     * already, and its own delay is the time the sender took since the previous one). Waking late from a park, or a
     * sender too slow for the rate, shows here; a server holding every connection does not.
     */
    final Histogram senderLate = new Histogram(MAX_NANOS, 3);
    /** Actual send time - intended, for requests that had to wait for a connection (the server was holding all). */
    final Histogram connectionWait = new Histogram(MAX_NANOS, 3);
    final Map<Integer, Long> statuses = new TreeMap<>();
    long sent;
    /** Actual send time - intended of the last request sent: how far behind the schedule the sending ended. */
    long lastLag;
    long notSent;
    long noResponse;
    long successInWindow;
    long start;
    long windowEnd;
    long lastDone;
    long senderCpuNanos;
    long transportCpuNanos;
    long processCpuNanos;
    long wallNanos;
    private boolean closed;

    Result(int rate, long scheduled) {
      this.rate = rate;
      this.scheduled = scheduled;
    }

    double windowSeconds() {
      return (windowEnd - start) / 1e9;
    }

    /** 2xx answers that arrived within the schedule's window, per second of it. */
    double successPerSecond() {
      return successInWindow / windowSeconds();
    }

    long errors() {
      return statuses.entrySet().stream().filter(e -> e.getKey() < 200 || e.getKey() >= 300)
          .mapToLong(Map.Entry::getValue).sum();
    }

    long answered() {
      return statuses.values().stream().mapToLong(Long::longValue).sum();
    }

    synchronized void record(long intended, int status, long done) {
      if (closed) {
        return;
      }
      latency.recordValue(Math.min(MAX_NANOS, Math.max(0, done - intended)));
      statuses.merge(status, 1L, Long::sum);
      if (status >= 200 && status < 300 && done <= windowEnd) {
        successInWindow++;
      }
      lastDone = Math.max(lastDone, done);
    }

    synchronized void close(long outstanding) {
      closed = true;
      noResponse = outstanding;
    }
  }

  /**
   * Sends {@code count} requests at {@code rate} per second over {@code transport} (at most {@code connections} in
   * flight), {@code requests.apply(i)} the i-th, and waits for their answers.
   */
  static Result run(Transport transport, int connections, int rate, long count, int drainSeconds,
      LongFunction<Transport.Request> requests) throws InterruptedException {
    Result r = new Result(rate, count);
    Semaphore permits = new Semaphore(connections);
    AtomicLong outstanding = new AtomicLong();
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long transportCpu0 = transportCpu(threads, transport);
    long processCpu0 = processCpu();
    long wall0 = System.nanoTime();
    r.start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(20);
    r.windowEnd = r.start + count * 1_000_000_000L / rate;
    long hardDeadline = r.windowEnd + TimeUnit.SECONDS.toNanos(drainSeconds);
    Thread sender = new Thread(() -> {
      long cpu0 = threads.getCurrentThreadCpuTime();
      long i = 0;
      long previousSend = 0;
      try {
        for (; i < count; i++) {
          long intended = r.start + i * 1_000_000_000L / rate;
          long now = System.nanoTime();
          while (now < intended) {
            LockSupport.parkNanos(intended - now);
            now = System.nanoTime();
          }
          if (now >= hardDeadline) {
            break;
          }
          Transport.Request request = requests.apply(i);
          boolean free = permits.tryAcquire();
          if (!free && !permits.tryAcquire(hardDeadline - System.nanoTime(), TimeUnit.NANOSECONDS)) {
            break;
          }
          long sendAt = System.nanoTime();
          synchronized (r) {
            if (free) {
              r.senderLate.recordValue(Math.min(MAX_NANOS, sendAt - Math.max(intended, previousSend)));
            } else {
              r.connectionWait.recordValue(Math.min(MAX_NANOS, sendAt - intended));
            }
            r.sent++;
            r.lastLag = sendAt - intended;
          }
          previousSend = sendAt;
          outstanding.incrementAndGet();
          transport.send(request, (status, done) -> {
            r.record(intended, status, done);
            outstanding.decrementAndGet();
            permits.release();
          });
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } finally {
        synchronized (r) {
          r.notSent = count - i;
          r.senderCpuNanos = threads.getCurrentThreadCpuTime() - cpu0;
        }
      }
    }, "httpbench-sender");
    sender.start();
    sender.join(TimeUnit.NANOSECONDS.toMillis(hardDeadline - System.nanoTime()) + 5_000);
    while (outstanding.get() > 0 && System.nanoTime() < hardDeadline) {
      Thread.sleep(5);
    }
    r.close(outstanding.get());
    synchronized (r) {
      r.wallNanos = System.nanoTime() - wall0;
      r.processCpuNanos = processCpu() - processCpu0;
      r.transportCpuNanos = transportCpu(threads, transport) - transportCpu0;
    }
    return r;
  }

  /** CPU time of the transport's own threads (alive now). */
  private static long transportCpu(ThreadMXBean threads, Transport transport) {
    long sum = 0;
    for (ThreadInfo t : threads.getThreadInfo(threads.getAllThreadIds())) {
      if (t != null && transport.isOwnThread(t.getThreadName())) {
        long cpu = threads.getThreadCpuTime(t.getThreadId());
        if (cpu > 0) {
          sum += cpu;
        }
      }
    }
    return sum;
  }

  static long processCpu() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }
}
