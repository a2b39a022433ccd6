package io.tradingactors.metrics;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

/** Calendar periods of the breakdown, in UTC: a day, an ISO week (Monday first), a month, a year. */
public enum Period {
  DAILY,
  WEEKLY,
  MONTHLY,
  YEARLY;

  /** The first day of the period that contains {@code date}. */
  public LocalDate start(LocalDate date) {
    return switch (this) {
      case DAILY -> date;
      case WEEKLY -> date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
      case MONTHLY -> date.withDayOfMonth(1);
      case YEARLY -> date.withDayOfYear(1);
    };
  }

  public String wireName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
