package io.tradingactors.actors.performance;

import java.util.regex.Pattern;

/**
 * Strategy and backtest-run ids (DESIGN §5: 1–64 characters of [A-Za-z0-9._-]) and the entity id that keeps a
 * backtest run's events under their own persistence id: {@code strategy@run}, never mixed with the live
 * {@code strategy}. '@' cannot occur in either id, so the two never collide.
 */
public final class StrategyIds {

  private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
  private static final String RUN_SEPARATOR = "@";

  private StrategyIds() {}

  public static boolean isValid(String id) {
    return id != null && ID.matcher(id).matches();
  }

  /** The entity id of a strategy's live track ({@code run} null) or of one of its backtest runs. */
  public static String entityId(String strategyId, String backtestRun) {
    return backtestRun == null ? strategyId : strategyId + RUN_SEPARATOR + backtestRun;
  }

  /** The strategy part of an entity id. */
  public static String strategyOf(String entityId) {
    int at = entityId.indexOf(RUN_SEPARATOR);
    return at < 0 ? entityId : entityId.substring(0, at);
  }

  /** The backtest run of an entity id, or null for a live track. */
  public static String runOf(String entityId) {
    int at = entityId.indexOf(RUN_SEPARATOR);
    return at < 0 ? null : entityId.substring(at + 1);
  }
}
