package io.tradingactors.domain.event;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The single gate in front of the fold: what it rejects never reaches {@code PerformanceState.apply}, whether it came
 * from a file, the HTTP API or an embedding engine. Field names in the messages are the wire names of DESIGN §2.
 */
public final class EventValidator {

  /** Longest accepted trade id / symbol; ids are keys in the journal and the read model. */
  public static final int MAX_ID_LENGTH = 128;

  private EventValidator() {}

  /** Every violation of the trade, in field order; empty when the trade is valid. */
  public static List<Violation> validate(TradeClosed trade) {
    List<Violation> out = new ArrayList<>();
    requireId(out, "trade_id", trade.tradeId());
    requireId(out, "symbol", trade.symbol());
    if (trade.side() == null) {
      out.add(new Violation("side", "is required and must be long or short"));
    }
    requireTime(out, "entry_time", trade.entryTime());
    requireTime(out, "exit_time", trade.exitTime());
    if (trade.entryTime() != null
        && trade.exitTime() != null
        && trade.exitTime().isBefore(trade.entryTime())) {
      out.add(
          new Violation(
              "exit_time",
              "exit_time " + trade.exitTime() + " is before entry_time " + trade.entryTime()));
    }
    requirePositive(out, "entry_price", trade.entryPrice());
    requirePositive(out, "exit_price", trade.exitPrice());
    requirePositive(out, "quantity", trade.quantity());
    requireFinite(out, "pnl", trade.pnl());
    requireFinite(out, "fees", trade.fees());
    if (Double.isFinite(trade.fees()) && trade.fees() < 0) {
      out.add(new Violation("fees", "must not be negative (it is a cost), got " + trade.fees()));
    }
    requireFinite(out, "slippage", trade.slippage());
    optionalFinite(out, "risk_reward", trade.riskReward());
    if (trade.riskReward() != null && Double.isFinite(trade.riskReward()) && trade.riskReward() < 0) {
      out.add(new Violation("risk_reward", "must not be negative, got " + trade.riskReward()));
    }
    optionalFinite(out, "mfe", trade.mfe());
    optionalFinite(out, "mae", trade.mae());
    return out;
  }

  /** Every violation of the balance observation; empty when it is valid. */
  public static List<Violation> validate(BalanceUpdated balance) {
    List<Violation> out = new ArrayList<>();
    requireTime(out, "time", balance.time());
    requirePositive(out, "balance", balance.balance());
    return out;
  }

  /** Dispatches on the event type. */
  public static List<Violation> validate(PerformanceEvent event) {
    if (event instanceof TradeClosed trade) {
      return validate(trade);
    }
    return validate((BalanceUpdated) event);
  }

  private static void requireId(List<Violation> out, String field, String value) {
    if (value == null || value.isBlank()) {
      out.add(new Violation(field, "is required and must not be blank"));
    } else if (value.length() > MAX_ID_LENGTH) {
      out.add(new Violation(field, "is longer than " + MAX_ID_LENGTH + " characters"));
    }
  }

  private static void requireTime(List<Violation> out, String field, Instant value) {
    if (value == null) {
      out.add(new Violation(field, "is required"));
    }
  }

  private static void requireFinite(List<Violation> out, String field, double value) {
    if (!Double.isFinite(value)) {
      out.add(new Violation(field, "must be a finite number, got " + value));
    }
  }

  private static void requirePositive(List<Violation> out, String field, double value) {
    if (!Double.isFinite(value)) {
      out.add(new Violation(field, "must be a finite number, got " + value));
    } else if (value <= 0) {
      out.add(new Violation(field, "must be greater than 0, got " + value));
    }
  }

  private static void optionalFinite(List<Violation> out, String field, Double value) {
    if (value != null && !Double.isFinite(value)) {
      out.add(new Violation(field, "must be a finite number when present, got " + value));
    }
  }
}
