package io.tradingactors.domain.risk;

import static io.tradingactors.domain.fixtures.Events.T0;
import static io.tradingactors.domain.fixtures.Events.balance;
import static io.tradingactors.domain.fixtures.Events.trade;
import static org.assertj.core.api.Assertions.assertThat;

import io.tradingactors.domain.backtest.ReportBuilder;
import io.tradingactors.domain.event.PerformanceEvent;
import io.tradingactors.domain.fixtures.Events;
import io.tradingactors.metrics.MetricSettings;
import io.tradingactors.metrics.Period;
import io.tradingactors.domain.backtest.Report;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class RiskTimelineTest {

  private static Report report(PerformanceEvent... events) {
    ReportBuilder b = new ReportBuilder("s", MetricSettings.DEFAULTS, RiskPolicy.DEFAULTS);
    for (PerformanceEvent e : events) {
      b.add(e);
    }
    return b.build(List.of(Period.MONTHLY));
  }

  @Test
  void the_report_shows_when_the_live_rules_would_have_cut_and_restored_exposure() {
    Report r = report(
        balance(0, 10_000),
        trade("1", 1, -10), trade("2", 2, -10), trade("3", 3, -10), // 3 losses at 03:00 → 0.5
        trade("4", 3.25, 20),                                          // a win inside the cooldown
        trade("5", 5, 20));                                            // the second: one step up, at 05:00
    assertThat(r.riskEvents()).hasSize(2);
    ExposureChanged cut = (ExposureChanged) r.riskEvents().get(0);
    assertThat(cut.to()).isEqualTo(0.5);
    assertThat(cut.at()).isEqualTo(T0.plus(Duration.ofHours(3)));
    assertThat(cut.snapshotSequenceNr()).isEqualTo(4);
    ExposureChanged up = (ExposureChanged) r.riskEvents().get(1);
    assertThat(up.to()).isEqualTo(1.0);
    assertThat(up.at()).isEqualTo(T0.plus(Duration.ofHours(5)));
    assertThat(r.exposure()).isEqualTo(1.0);
  }

  @Test
  void a_lift_due_at_the_end_of_the_cooldown_happens_then_as_the_live_timer_would_not_at_the_next_event() {
    Report r = report(
        balance(0, 10_000),
        balance(1, 8_800),    // 12% drawdown at 01:00 → 0.5
        balance(1.1, 9_800),  // 2% inside the cooldown: no lift yet
        balance(6, 9_850));   // five hours later
    assertThat(r.riskEvents()).hasSize(2);
    assertThat(r.riskEvents().get(1).at()).isEqualTo(T0.plus(Duration.ofHours(1)).plus(Duration.ofMinutes(30)));
    assertThat(r.riskEvents().get(1).snapshotSequenceNr()).isEqualTo(3); // decided on the figures it had then
    assertThat(r.exposure()).isEqualTo(1.0);
  }

  @Test
  void the_daily_loss_limit_over_a_backtest_lifts_at_the_next_utc_midnight() {
    Report r = report(
        balance(0, 10_000),
        trade("1", 22, -600),   // 2025-03-01 22:00: −6% of the day's opening 10,000
        balance(22, 9_400),
        balance(30, 9_450));    // 2025-03-02 06:00
    assertThat(r.riskEvents()).extracting(RiskEvent::rule).containsExactly("daily_loss", "daily_loss");
    assertThat(r.riskEvents().get(1).at()).isEqualTo(T0.plus(Duration.ofDays(1)));
  }

  @Test
  void a_long_random_backtest_stays_consistent() {
    ReportBuilder b = new ReportBuilder("s", MetricSettings.DEFAULTS, RiskPolicy.DEFAULTS);
    Events.randomSequence(2_000, 11, 10_000).forEach(b::add);
    Report r = b.build(List.of());
    RiskState replayed = RiskState.INITIAL;
    double exposure = 1.0;
    for (RiskEvent e : r.riskEvents()) {
      if (e instanceof ExposureChanged x) {
        assertThat(x.from()).isEqualTo(exposure);
        assertThat(x.to()).isNotEqualTo(x.from());
        exposure = x.to();
      }
      assertThat(e.limits().exposure()).isEqualTo(exposure);
      replayed = replayed.apply(e);
    }
    assertThat(replayed.exposure()).isEqualTo(r.exposure());
    assertThat(r.riskEvents()).isNotEmpty();
  }
}
