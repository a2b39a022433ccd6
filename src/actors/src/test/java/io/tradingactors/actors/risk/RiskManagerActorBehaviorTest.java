package io.tradingactors.actors.risk;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradingactors.actors.risk.RiskManagerActor.Command;
import io.tradingactors.actors.risk.RiskManagerActor.Exposure;
import io.tradingactors.actors.risk.RiskManagerActor.RiskNotice;
import io.tradingactors.actors.testing.BehaviorTestKits;
import io.tradingactors.actors.testing.ManualClock;
import io.tradingactors.domain.MetricsSnapshot;
import io.tradingactors.domain.backtest.Backtest;
import io.tradingactors.domain.event.PerformanceEvent;
import io.tradingactors.domain.fixtures.Events;
import io.tradingactors.domain.risk.DailyLossLimit;
import io.tradingactors.domain.risk.ExposureChanged;
import io.tradingactors.domain.risk.Ladder;
import io.tradingactors.domain.risk.LimitChanged;
import io.tradingactors.domain.risk.RiskEvent;
import io.tradingactors.domain.risk.RiskPolicy;
import io.tradingactors.domain.risk.RiskState;
import io.tradingactors.metrics.MetricSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.pubsub.Topic;
import org.apache.pekko.pattern.StatusReply;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;
import org.apache.pekko.serialization.SerializationExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The risk manager on Pekko's persistence testkit: every command, event, reply and the state cross serialization with
 * the production bindings (the testkit serializes each), a restart asks for the latest snapshot, and decisions are
 * published on the topic.
 */
class RiskManagerActorBehaviorTest {

  private static final ActorTestKit TESTKIT =
      ActorTestKit.create(BehaviorTestKits.config());

  private final ManualClock clock = new ManualClock(Events.T0.plus(Duration.ofDays(1)));
  private TestProbe<Topic.Command<RiskNotice>> topic;
  private TestProbe<String> asked;
  private EventSourcedBehaviorTestKit<Command, RiskEvent, RiskState> kit;

  @BeforeEach
  void fresh() {
    topic = TESTKIT.createTestProbe();
    asked = TESTKIT.createTestProbe();
    RiskManagerActor.Settings settings = new RiskManagerActor.Settings(
        RiskPolicies.DEFAULTS, clock, (id, replyTo) -> asked.ref().tell(id), topic.ref());
    kit = EventSourcedBehaviorTestKit.create(TESTKIT.system(), RiskManagerActor.create("unit-risk", settings));
    kit.clear();
  }

  @AfterAll
  static void stop() {
    TESTKIT.shutdownTestKit();
  }

  private static MetricsSnapshot snapshot(long seq, List<PerformanceEvent> events) {
    return MetricsSnapshot.of("unit-risk", seq, Backtest.fold(events, MetricSettings.DEFAULTS));
  }

  @Test
  void aCutIsPersistedPublishedAndSurvivesARestartWhichAsksForTheLatestSnapshot() {
    assertThat(asked.receiveMessage()).isEqualTo("unit-risk"); // on its first start, too
    var losses = List.<PerformanceEvent>of(
        Events.balance(0, 10_000), Events.trade("a", 1, -10), Events.trade("b", 2, -10), Events.trade("c", 3, -10));
    var result = kit.runCommand(new RiskManagerActor.Evaluate(snapshot(4, losses)));
    assertThat(result.events()).hasSize(1);
    ExposureChanged cut = (ExposureChanged) result.events().get(0);
    assertThat(cut.to()).isEqualTo(0.5);
    assertThat(cut.at()).isEqualTo(clock.instant());
    assertThat(result.state().exposure()).isEqualTo(0.5);
    topic.expectMessageClass(Topic.Command.class);

    kit.restart();
    assertThat(asked.receiveMessage()).isEqualTo("unit-risk");
    assertThat(kit.getState()).isEqualTo(result.state());
  }

  @Test
  void haltAndResumeReplyWithTheExposureAndAHaltLeavesRulesMovingUnderneath() {
    var halt = kit.<StatusReply<Exposure>>runCommand(r -> new RiskManagerActor.Halt("maintenance", r));
    assertThat(halt.reply().getValue().exposure()).isEqualTo(0.0);
    assertThat(halt.events()).hasSize(1);

    var losses = List.<PerformanceEvent>of(
        Events.trade("a", 1, -10), Events.trade("b", 2, -10), Events.trade("c", 3, -10));
    var limit = kit.runCommand(new RiskManagerActor.Evaluate(snapshot(3, losses)));
    assertThat(limit.events()).singleElement().isInstanceOf(LimitChanged.class);

    var resume = kit.<StatusReply<Exposure>>runCommand(r -> new RiskManagerActor.Resume("done", r));
    assertThat(resume.reply().getValue().exposure()).isEqualTo(0.5);
    assertThat(resume.reply().getValue().figures().consecutiveLosses()).isEqualTo(3);

    var tooLong = kit.<StatusReply<Exposure>>runCommand(r -> new RiskManagerActor.Halt("x".repeat(501), r));
    assertThat(tooLong.reply().isError()).isTrue();
    assertThat(tooLong.reply().getError().getMessage()).isEqualTo("reason: 501 characters, at most 500");
    assertThat(tooLong.hasNoEvents()).isTrue();
  }

  @Test
  void decisionsAreSnapshottedEveryHundredAndARestartRecoversTheSameState() {
    RiskPolicy everyTrade = new RiskPolicy(Ladder.of(1, 0.5), Ladder.NONE, 0.02, DailyLossLimit.OFF, Duration.ZERO, 1);
    var busy = EventSourcedBehaviorTestKit.<Command, RiskEvent, RiskState>create(TESTKIT.system(),
        RiskManagerActor.create("busy", new RiskManagerActor.Settings(
            RiskPolicies.of(everyTrade), clock, (id, replyTo) -> { }, topic.ref())));
    List<PerformanceEvent> events = new ArrayList<>();
    for (int i = 0; i < 210; i++) {
      events.add(Events.trade("t" + i, i + 1, i % 2 == 0 ? -10 : 10)); // a loss cuts, the next win lifts
      busy.runCommand(new RiskManagerActor.Evaluate(
          MetricsSnapshot.of("busy", i + 1, Backtest.fold(events, MetricSettings.DEFAULTS))));
    }
    RiskState before = busy.getState();
    assertThat(before.lastSnapshotSequenceNr()).isEqualTo(210);
    assertThat(busy.snapshotTestKit().orElseThrow().persistedInStorage("risk|busy")).hasSize(2);
    busy.restart();
    assertThat(busy.getState()).isEqualTo(before);
  }

  @Test
  void theNoticeOnTheTopicSerializesAndReadsBack() throws Exception {
    var losses = List.<PerformanceEvent>of(
        Events.trade("a", 1, -10), Events.trade("b", 2, -10), Events.trade("c", 3, -10));
    var result = kit.runCommand(new RiskManagerActor.Evaluate(snapshot(3, losses)));
    RiskNotice notice = new RiskNotice("unit-risk", 1, result.events().get(0));
    var serialization = SerializationExtension.get(TESTKIT.system().classicSystem());
    byte[] bytes = serialization.serialize(notice).get();
    Object back = serialization.deserialize(bytes, RiskNotice.class).get();
    assertThat(back).isEqualTo(notice);
    var view = kit.<Exposure>runCommand(RiskManagerActor.GetExposure::new).reply();
    assertThat(serialization.deserialize(serialization.serialize(view).get(), Exposure.class).get())
        .isEqualTo(view);
  }
}
