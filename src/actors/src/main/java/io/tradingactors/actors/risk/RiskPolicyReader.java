package io.tradingactors.actors.risk;

import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigList;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigUtil;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import io.tradingactors.domain.risk.DailyLossLimit;
import io.tradingactors.domain.risk.Ladder;
import io.tradingactors.domain.risk.RiskPolicy;
import io.tradingactors.domain.risk.RiskPolicyException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads one policy block of hocon/risk-policy.conf ({@code default}, or a strategy's block already merged over it)
 * into a {@link RiskPolicy}. Stricter than HOCON's getters, because a typo in a risk limit must not pass silently:
 * unknown keys are refused (HOCON would ignore {@code hysteresys} and leave the default in force), a duration needs a
 * unit (HOCON reads a bare {@code 30} as 30 milliseconds) and a count must be whole (HOCON truncates 2.5 to 2).
 * Strings that HOCON converts ({@code "0.5"}, {@code "on"}) are accepted, so values may come from substitutions of
 * environment variables.
 *
 * <p>Problems are named as {@link RiskPolicy} names them: by key relative to the block, with list indexes
 * ({@code drawdown.ladder[1].at}). Every problem of the block is collected: a value that cannot be read is replaced by
 * the default's for the constructor's checks, so the other values are still checked; it never reaches a policy,
 * since any problem throws.
 */
final class RiskPolicyReader {

  private static final List<String> POLICY_KEYS =
      List.of("consecutive-losses", "drawdown", "daily-loss", "recovery");
  private static final List<String> CONSECUTIVE_LOSSES_KEYS = List.of("ladder");
  private static final List<String> DRAWDOWN_KEYS = List.of("ladder", "hysteresis");
  private static final List<String> DAILY_LOSS_KEYS = List.of("enabled", "limit", "exposure");
  private static final List<String> RECOVERY_KEYS = List.of("cooldown", "wins-per-step");
  private static final List<String> RUNG_KEYS = List.of("at", "exposure");

  private final List<String> problems = new ArrayList<>();

  private RiskPolicyReader() {}

  /**
   * The policy of {@code block}.
   *
   * @throws RiskPolicyException with every problem of the block, keys relative to it: unknown keys and unreadable
   *     values first, then the constructor's checks of the values
   */
  static RiskPolicy read(ConfigObject block) {
    return new RiskPolicyReader().policy(block);
  }

  private RiskPolicy policy(ConfigObject block) {
    RiskPolicy fallback = RiskPolicy.DEFAULTS;
    unknownKeys(block, "", POLICY_KEYS);

    Ladder lossLadder = fallback.consecutiveLosses();
    ConfigObject losses = section(block, "consecutive-losses", CONSECUTIVE_LOSSES_KEYS);
    if (losses != null) {
      lossLadder = ladder(losses, "consecutive-losses", fallback.consecutiveLosses());
    }

    Ladder drawdownLadder = fallback.drawdown();
    Double hysteresis = null;
    ConfigObject drawdown = section(block, "drawdown", DRAWDOWN_KEYS);
    if (drawdown != null) {
      drawdownLadder = ladder(drawdown, "drawdown", fallback.drawdown());
      hysteresis = number(drawdown, "drawdown", "hysteresis");
    }

    DailyLossLimit fallbackDaily = fallback.dailyLoss();
    Boolean enabled = null;
    Double limit = null;
    Double dailyExposure = null;
    ConfigObject daily = section(block, "daily-loss", DAILY_LOSS_KEYS);
    if (daily != null) {
      enabled = bool(daily, "daily-loss", "enabled");
      limit = number(daily, "daily-loss", "limit");
      dailyExposure = number(daily, "daily-loss", "exposure");
    }

    Duration cooldown = null;
    Integer winsPerStep = null;
    ConfigObject recovery = section(block, "recovery", RECOVERY_KEYS);
    if (recovery != null) {
      cooldown = duration(recovery, "recovery", "cooldown");
      winsPerStep = wholeNumber(recovery, "recovery", "wins-per-step");
    }

    RiskPolicy policy = null;
    try {
      policy =
          new RiskPolicy(
              lossLadder,
              drawdownLadder,
              hysteresis != null ? hysteresis : fallback.drawdownHysteresis(),
              new DailyLossLimit(
                  enabled != null ? enabled : fallbackDaily.enabled(),
                  limit != null ? limit : fallbackDaily.limit(),
                  dailyExposure != null ? dailyExposure : fallbackDaily.exposure()),
              cooldown != null ? cooldown : fallback.cooldown(),
              winsPerStep != null ? winsPerStep : fallback.winsPerStep());
    } catch (RiskPolicyException e) {
      problems.addAll(e.problems());
    }
    if (!problems.isEmpty()) {
      throw new RiskPolicyException(problems);
    }
    return policy;
  }

  /** The object at {@code key} with its keys checked, or null (with a problem) when it is missing or not an object. */
  private ConfigObject section(ConfigObject block, String key, List<String> known) {
    ConfigValue v = block.get(key);
    if (isMissing(v)) {
      problems.add(key + ": is missing");
      return null;
    }
    if (v.valueType() != ConfigValueType.OBJECT) {
      problems.add(key + ": expected an object {" + String.join(", ", known) + "}, got " + render(v));
      return null;
    }
    ConfigObject section = (ConfigObject) v;
    unknownKeys(section, key, known);
    return section;
  }

  /** The ladder at {@code sectionKey.ladder}, or {@code fallback} (with problems) when any of it cannot be read. */
  private Ladder ladder(ConfigObject section, String sectionKey, Ladder fallback) {
    String key = sectionKey + ".ladder";
    ConfigValue v = section.get("ladder");
    if (isMissing(v)) {
      problems.add(key + ": is missing");
      return fallback;
    }
    if (v.valueType() != ConfigValueType.LIST) {
      problems.add(key + ": expected a list of rungs {at, exposure}, got " + render(v));
      return fallback;
    }
    int before = problems.size();
    List<Ladder.Rung> rungs = new ArrayList<>();
    ConfigList list = (ConfigList) v;
    for (int i = 0; i < list.size(); i++) {
      String rungKey = key + "[" + i + "]";
      ConfigValue r = list.get(i);
      if (r.valueType() != ConfigValueType.OBJECT) {
        problems.add(rungKey + ": expected a rung {at, exposure}, got " + render(r));
        continue;
      }
      ConfigObject rung = (ConfigObject) r;
      unknownKeys(rung, rungKey, RUNG_KEYS);
      Double at = number(rung, rungKey, "at");
      Double exposure = number(rung, rungKey, "exposure");
      if (at != null && exposure != null) {
        rungs.add(new Ladder.Rung(at, exposure));
      }
    }
    // A ladder with a rung missing would shift the indexes the constructor names; check the fallback instead.
    return problems.size() == before ? new Ladder(rungs) : fallback;
  }

  private Double number(ConfigObject parent, String parentKey, String key) {
    ConfigValue v = present(parent, parentKey, key);
    if (v == null) {
      return null;
    }
    try {
      return parent.toConfig().getDouble(ConfigUtil.joinPath(key));
    } catch (ConfigException e) {
      problems.add(child(parentKey, key) + ": expected a number, got " + render(v));
      return null;
    }
  }

  private Integer wholeNumber(ConfigObject parent, String parentKey, String key) {
    Double d = number(parent, parentKey, key);
    if (d == null) {
      return null;
    }
    if (d != Math.rint(d) || d < Integer.MIN_VALUE || d > Integer.MAX_VALUE) {
      problems.add(child(parentKey, key) + ": expected a whole number, got " + render(parent.get(key)));
      return null;
    }
    return d.intValue();
  }

  private Boolean bool(ConfigObject parent, String parentKey, String key) {
    ConfigValue v = present(parent, parentKey, key);
    if (v == null) {
      return null;
    }
    try {
      return parent.toConfig().getBoolean(ConfigUtil.joinPath(key));
    } catch (ConfigException e) {
      problems.add(child(parentKey, key) + ": expected true or false, got " + render(v));
      return null;
    }
  }

  private Duration duration(ConfigObject parent, String parentKey, String key) {
    ConfigValue v = present(parent, parentKey, key);
    if (v == null) {
      return null;
    }
    // HOCON reads a number without a unit as milliseconds: `cooldown = 30` meant as minutes would be 30 ms.
    boolean hasUnit =
        v.valueType() == ConfigValueType.STRING && ((String) v.unwrapped()).chars().anyMatch(Character::isLetter);
    if (hasUnit) {
      try {
        return parent.toConfig().getDuration(ConfigUtil.joinPath(key));
      } catch (ConfigException e) {
        // reported below
      }
    }
    problems.add(child(parentKey, key) + ": expected a duration with a unit (e.g. 30 minutes), got " + render(v));
    return null;
  }

  /** The value at {@code key}, or null (with a problem) when it is missing. */
  private ConfigValue present(ConfigObject parent, String parentKey, String key) {
    ConfigValue v = parent.get(key);
    if (isMissing(v)) {
      problems.add(child(parentKey, key) + ": is missing");
      return null;
    }
    return v;
  }

  private void unknownKeys(ConfigObject object, String objectKey, List<String> known) {
    object.keySet().stream()
        .filter(k -> !known.contains(k))
        .sorted()
        .forEach(k -> problems.add(child(objectKey, k) + ": unknown key (known: " + String.join(", ", known) + ")"));
  }

  /** {@code key} under {@code parentKey}, quoted when it would not read back as one key (e.g. it has a dot). */
  private static String child(String parentKey, String key) {
    String k = ConfigUtil.joinPath(key);
    return parentKey.isEmpty() ? k : parentKey + "." + k;
  }

  /** Absent, or HOCON's {@code null}: the value a getter of Config would report as missing. */
  static boolean isMissing(ConfigValue v) {
    return v == null || v.valueType() == ConfigValueType.NULL;
  }

  /** A value as it would be written in the file, on one line, for a problem's message. */
  static String render(ConfigValue v) {
    return v.render(ConfigRenderOptions.concise());
  }
}
