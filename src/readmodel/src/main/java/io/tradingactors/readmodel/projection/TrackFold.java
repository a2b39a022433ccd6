package io.tradingactors.readmodel.projection;

import io.tradingactors.domain.event.BalanceUpdated;
import io.tradingactors.domain.event.PerformanceEvent;
import io.tradingactors.domain.event.TradeClosed;
import io.tradingactors.domain.state.PerformanceState;
import io.tradingactors.metrics.DailyCloseSeries;
import io.tradingactors.metrics.MetricSettings;
import io.tradingactors.metrics.Period;
import io.tradingactors.metrics.RollingWindows;
import io.tradingactors.metrics.Time;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One track's read model as a fold over its events, in journal order: the whole-track {@link PerformanceState} (the
 * same fold the actor and the backtest run, so all_time and the rolling windows match them bit for bit) and, per
 * calendar period kind, the fold of the events of the current and the previous period alone.
 *
 * <p>A period row is the batch fold of the period's events only (trades by exit time, balances by time). Events
 * arrive in journal order, not time order: a trade may close into an earlier period. The current and previous period
 * of each kind are held, which covers a trade straddling a boundary; an event for an older period rebuilds that
 * period's fold from the track's journal ({@link History}), which is slow but rare.
 */
public final class TrackFold {

  static final LocalDate ALL_TIME_START = LocalDate.EPOCH;

  /** The track's events from its first up to a journal position, for the rare rebuild of an old period. */
  @FunctionalInterface
  public interface History {
    void replay(long toSequenceNr, Consumer<PerformanceEvent> each);
  }

  private final Track track;
  private final MetricSettings settings;
  private final long historyIntervalMs;
  private long sequenceNr;
  private PerformanceState allTime;
  private final Map<Period, PeriodFold> current = new EnumMap<>(Period.class);
  private final Map<Period, PeriodFold> previous = new EnumMap<>(Period.class);
  /** The account-history interval of the last balance row written; Long.MIN_VALUE before any. */
  private long lastHistoryInterval = Long.MIN_VALUE;
  private boolean touched;

  public TrackFold(Track track, MetricSettings settings, long historyIntervalMs) {
    if (historyIntervalMs <= 0) {
      throw new IllegalArgumentException("account history interval must be positive, got " + historyIntervalMs);
    }
    this.track = track;
    this.settings = settings;
    this.historyIntervalMs = historyIntervalMs;
    this.allTime = PerformanceState.empty(settings);
  }

  /** The journal position of the last event folded in (0 before any). */
  public long sequenceNr() {
    return sequenceNr;
  }

  public PerformanceState allTime() {
    return allTime;
  }

  /** Folds events in without producing rows: catching up with what earlier transactions already wrote. */
  public void replay(long eventSequenceNr, PerformanceEvent event) {
    apply(eventSequenceNr, event, null, null);
  }

  /**
   * Folds one event in; its insert-only rows (account history) go to {@code out} at once, the upserted rows when
   * {@link #flush} is called (once per transaction: only the latest version of a row is worth writing).
   */
  public void apply(long eventSequenceNr, PerformanceEvent event, Rows out, History history) {
    if (eventSequenceNr != sequenceNr + 1) {
      throw new IllegalStateException(
          track + ": event " + eventSequenceNr + " does not follow " + sequenceNr + " (rebuild the fold first)");
    }
    PerformanceState before = allTime;
    allTime = allTime.apply(event);
    sequenceNr = eventSequenceNr;
    if (allTime == before) {
      return; // a repeated trade id, which the actor never persists: nothing changes
    }
    long timeMs = timeOf(event);
    LocalDate day = LocalDate.ofEpochDay(Time.utcDay(timeMs));
    for (Period kind : Period.values()) {
      applyToPeriod(kind, kind.start(day), event, out, history);
    }
    if (out == null) {
      if (event instanceof BalanceUpdated) {
        lastHistoryInterval = Math.max(lastHistoryInterval, Math.floorDiv(timeMs, historyIntervalMs));
      }
      return;
    }
    touched = true;
    if (event instanceof TradeClosed t) {
      out.insert(new Rows.HistoryRow(track, sequenceNr, t.exitTime(), "trade", t.tradeId(), allTime.metrics()));
    } else {
      long interval = Math.floorDiv(timeMs, historyIntervalMs);
      if (interval > lastHistoryInterval) {
        lastHistoryInterval = interval;
        out.insert(new Rows.HistoryRow(track, sequenceNr, Instant.ofEpochMilli(timeMs), "balance", null, allTime.metrics()));
      }
    }
  }

  /** Adds the current version of every row the events since the last flush changed. */
  public void flush(Rows out) {
    if (!touched) {
      return;
    }
    touched = false;
    Instant asOf = allTime.asOf();
    out.upsert(new Rows.WindowRow(track, "7d", allTime.rolling(RollingWindows.SEVEN_DAYS_MS), asOf, sequenceNr));
    out.upsert(new Rows.WindowRow(track, "30d", allTime.rolling(RollingWindows.THIRTY_DAYS_MS), asOf, sequenceNr));
    out.upsert(
        new Rows.PeriodRow(
            track, "all_time", ALL_TIME_START, null, periodReturn(null, null), allTime.metrics(), asOf, sequenceNr));
    for (Map<Period, PeriodFold> folds : java.util.List.of(previous, current)) {
      for (PeriodFold f : folds.values()) {
        if (f.touched) {
          out.upsert(row(f));
          f.touched = false;
        }
      }
    }
  }

  private void applyToPeriod(Period kind, LocalDate start, PerformanceEvent event, Rows out, History history) {
    PeriodFold now = current.get(kind);
    PeriodFold before = previous.get(kind);
    if (now == null || start.isAfter(now.start)) {
      if (before != null && before.touched && out != null) {
        out.upsert(row(before)); // leaves memory now; its row must not wait for the flush
      }
      if (now != null) {
        previous.put(kind, now);
      }
      now = new PeriodFold(kind, start, PerformanceState.empty(settings));
      current.put(kind, now);
      now.add(event);
    } else if (start.equals(now.start)) {
      now.add(event);
    } else if (before != null && start.equals(before.start)) {
      before.add(event);
    } else if (out != null) {
      // an older period: its fold again from the journal (this event included, it is already there)
      PeriodFold old = new PeriodFold(kind, start, PerformanceState.empty(settings));
      history.replay(sequenceNr, e -> {
        if (kind.start(LocalDate.ofEpochDay(Time.utcDay(timeOf(e)))).equals(start)) {
          old.state = old.state.apply(e);
        }
      });
      out.upsert(row(old));
    }
  }

  private Rows.PeriodRow row(PeriodFold f) {
    LocalDate end = end(f.kind, f.start);
    return new Rows.PeriodRow(
        track,
        f.kind.wireName(),
        f.start,
        end,
        periodReturn(f.start, end),
        f.state.metrics(),
        allTime.asOf(),
        sequenceNr);
  }

  /**
   * The period's last daily close over the last close before it, minus one (from the track's first close when the
   * period holds it); null when the track has no close in the period. {@code start} null: the whole track.
   */
  private Double periodReturn(LocalDate start, LocalDate end) {
    DailyCloseSeries daily = allTime.daily();
    if (daily.isEmpty()) {
      return null;
    }
    long last = end == null ? daily.currentDay() : Math.min(daily.currentDay(), end.toEpochDay() - 1);
    long baseDay = start == null ? daily.firstDay() : start.toEpochDay() - 1;
    if (last < daily.firstDay() || (start != null && last < start.toEpochDay())) {
      return null;
    }
    double base = baseDay < daily.firstDay() ? daily.firstClose() : daily.closeOf(baseDay);
    return daily.closeOf(last) / base - 1.0;
  }

  static LocalDate end(Period kind, LocalDate start) {
    switch (kind) {
      case DAILY:
        return start.plusDays(1);
      case WEEKLY:
        return start.plusWeeks(1);
      case MONTHLY:
        return start.plusMonths(1);
      default:
        return start.plusYears(1);
    }
  }

  /** When an event happened for the read model: a trade at its exit, a balance at its time. */
  static long timeOf(PerformanceEvent e) {
    return e instanceof TradeClosed t ? t.exitTime().toEpochMilli() : ((BalanceUpdated) e).time().toEpochMilli();
  }

  private static final class PeriodFold {
    final Period kind;
    final LocalDate start;
    PerformanceState state;
    boolean touched;

    PeriodFold(Period kind, LocalDate start, PerformanceState state) {
      this.kind = kind;
      this.start = start;
      this.state = state;
    }

    void add(PerformanceEvent e) {
      state = state.apply(e);
      touched = true;
    }
  }
}
