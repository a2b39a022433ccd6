package io.tradingactors.domain.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tradingactors.domain.event.Side;
import io.tradingactors.domain.event.TradeClosed;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The bundled sample backtest ({@code examples/}, written by {@code examples/generate_sample.py}) reads without error
 * and is as self-consistent as the generator promises, so it can serve as the reference data of later suites.
 */
class SampleFilesTest {

  private static final int TRADES = 250;
  private static final int INTRADAY_SNAPSHOTS = 14;

  private static Path examples;

  @BeforeAll
  static void findExamples() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.isRegularFile(dir.resolve("examples/sample-trades.csv"))) {
      dir = dir.getParent();
    }
    assertThat(dir).as("examples/ above %s", Path.of("").toAbsolutePath()).isNotNull();
    examples = dir.resolve("examples");
  }

  @Test
  void theSampleTradesParse() throws Exception {
    List<ParsedTrade> trades = TradeFileReader.read(examples.resolve("sample-trades.csv"));

    assertThat(trades).hasSize(TRADES);
    assertThat(trades.get(0).line()).isEqualTo(2);
    assertThat(trades.get(TRADES - 1).line()).isEqualTo(TRADES + 1);
    assertThat(trades).extracting(ParsedTrade::strategyId).containsOnlyNulls();
    assertThat(trades).extracting(t -> t.trade().side()).contains(Side.LONG, Side.SHORT);
    assertThat(trades).extracting(t -> t.trade().symbol()).hasSameElementsAs(
        List.of("BTCUSDT", "ETHUSDT", "SOLUSDT", "BNBUSDT"));
    assertThat(trades.stream().filter(t -> t.trade().riskReward() != null).count()).isGreaterThan(TRADES * 3 / 4);
  }

  @Test
  void theJsonLinesSampleIsTheFirstTwentyTrades() throws Exception {
    List<ParsedTrade> csv = TradeFileReader.read(examples.resolve("sample-trades.csv"));
    List<ParsedTrade> jsonl = TradeFileReader.read(examples.resolve("sample-trades.jsonl"));

    assertThat(jsonl).hasSize(20);
    assertThat(jsonl).extracting(ParsedTrade::trade)
        .containsExactlyElementsOf(csv.subList(0, 20).stream().map(ParsedTrade::trade).toList());
  }

  @Test
  void pnlIsThePriceMoveNetOfCosts() throws Exception {
    for (ParsedTrade parsed : TradeFileReader.read(examples.resolve("sample-trades.csv"))) {
      TradeClosed t = parsed.trade();
      double direction = t.side() == Side.LONG ? 1 : -1;
      double expected = (t.exitPrice() - t.entryPrice()) * t.quantity() * direction - t.fees() - t.slippage();
      assertThat(t.pnl()).as("pnl on line %d", parsed.line()).isCloseTo(expected, within(0.005 + 1e-6));
      assertThat(t.slippage()).as("slippage on line %d", parsed.line()).isNotNegative();
    }
  }

  @Test
  void theSampleBalancesFollowTheTrades() throws Exception {
    List<ParsedTrade> trades = TradeFileReader.read(examples.resolve("sample-trades.csv"));
    List<ParsedBalance> balances = BalanceFileReader.read(examples.resolve("sample-balances.csv"));

    assertThat(balances).hasSize(1 + TRADES + INTRADAY_SNAPSHOTS);
    assertThat(balances.get(0).balance().balance()).isEqualTo(10000.0);

    Map<Instant, Double> balanceAt = new HashMap<>();
    for (ParsedBalance b : balances) {
      assertThat(balanceAt.put(b.balance().time(), b.balance().balance())).as("one observation per time").isNull();
    }
    double running = 10000;
    Instant previousExit = Instant.MIN;
    for (ParsedTrade parsed : trades) {
      TradeClosed t = parsed.trade();
      assertThat(t.exitTime()).as("trades are in exit order").isAfter(previousExit);
      previousExit = t.exitTime();
      running += t.pnl();
      assertThat(balanceAt.get(t.exitTime())).as("balance at exit of %s", t.tradeId()).isCloseTo(running, within(1e-6));
    }
  }

  @Test
  void theSampleHasTheDrawdownAndStreaksItPromises() throws Exception {
    List<ParsedBalance> balances = BalanceFileReader.read(examples.resolve("sample-balances.csv"));
    double peak = 0;
    double maxDrawdown = 0;
    for (ParsedBalance b : balances) {
      peak = Math.max(peak, b.balance().balance());
      maxDrawdown = Math.max(maxDrawdown, 1 - b.balance().balance() / peak);
    }
    int streak = 0;
    int longest = 0;
    for (ParsedTrade t : TradeFileReader.read(examples.resolve("sample-trades.csv"))) {
      streak = t.trade().pnl() < 0 ? streak + 1 : 0;
      longest = Math.max(longest, streak);
    }

    assertThat(maxDrawdown).isBetween(0.10, 0.20);
    assertThat(longest).isBetween(3, 6);
  }
}
