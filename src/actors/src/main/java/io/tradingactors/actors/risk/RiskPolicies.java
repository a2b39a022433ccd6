package io.tradingactors.actors.risk;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigUtil;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import io.tradingactors.actors.performance.StrategyIds;
import io.tradingactors.domain.risk.RiskPolicy;
import io.tradingactors.domain.risk.RiskPolicyException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The risk policy of every strategy, from {@code trading-actors.risk} (hocon/risk-policy.conf): the {@code default}
 * block, and per strategy id its block of {@code strategies} merged over {@code default} key by key. A ladder given in
 * a strategy's block replaces the default's whole ladder (HOCON merges objects, never lists).
 *
 * <p>Read once at start-up, where every strategy's policy is built, so that a bad override refuses the node's start
 * rather than failing at that strategy's first trade. Problems are named by their full key
 * ({@code trading-actors.risk.strategies."btc.momentum".drawdown.ladder[0].exposure}); strategy ids are always
 * quoted, since they may contain dots.
 *
 * @param defaultPolicy the policy of every strategy without a block of its own
 * @param strategies the complete (already merged) policy of each strategy that has a block, by strategy id
 */
public record RiskPolicies(RiskPolicy defaultPolicy, Map<String, RiskPolicy> strategies) {

  /** Where the policies are in a node's configuration. */
  public static final String PATH = "trading-actors.risk";

  /** {@link RiskPolicy#DEFAULTS} for every strategy: what hocon/risk-policy.conf says as shipped. */
  public static final RiskPolicies DEFAULTS = of(RiskPolicy.DEFAULTS);

  private static final List<String> SECTION_KEYS = List.of("default", "strategies");

  public RiskPolicies {
    Objects.requireNonNull(defaultPolicy, "defaultPolicy");
    strategies = Map.copyOf(strategies);
    for (String id : strategies.keySet()) {
      if (!StrategyIds.isValid(id)) {
        throw new IllegalArgumentException("not a strategy id: '" + id + "'");
      }
    }
  }

  /** {@code defaultPolicy} for every strategy. */
  public static RiskPolicies of(RiskPolicy defaultPolicy) {
    return new RiskPolicies(defaultPolicy, Map.of());
  }

  /** The policy of {@code strategyId}: its own when it has a block, else the default. */
  public RiskPolicy forStrategy(String strategyId) {
    return strategies.getOrDefault(strategyId, defaultPolicy);
  }

  /**
   * The policies of a node's (resolved) configuration; {@link #DEFAULTS} when it has no {@code trading-actors.risk}
   * (the bundled trading-actors.conf always includes one).
   *
   * @throws RiskPolicyException with every problem of every block at once, each named by its full key
   */
  public static RiskPolicies load(Config nodeConfig) {
    if (!nodeConfig.hasPath(PATH)) {
      return DEFAULTS;
    }
    ConfigValue section = nodeConfig.getValue(PATH);
    if (section.valueType() != ConfigValueType.OBJECT) {
      throw new RiskPolicyException(
          List.of(PATH + ": expected an object {default, strategies}, got " + RiskPolicyReader.render(section)));
    }
    ConfigObject root = (ConfigObject) section;
    List<String> problems = new ArrayList<>();
    root.keySet().stream()
        .filter(k -> !SECTION_KEYS.contains(k))
        .sorted()
        .forEach(k -> problems.add(
            PATH + "." + ConfigUtil.joinPath(k) + ": unknown key (known: " + String.join(", ", SECTION_KEYS) + ")"));

    ConfigObject defaultBlock = ConfigFactory.empty().root();
    RiskPolicy defaultPolicy = null;
    Set<String> defaultProblems = new HashSet<>();
    ConfigValue d = root.get("default");
    if (RiskPolicyReader.isMissing(d)) {
      problems.add(PATH + ".default: is missing");
    } else if (d.valueType() != ConfigValueType.OBJECT) {
      problems.add(PATH + ".default: expected an object (a policy block), got " + RiskPolicyReader.render(d));
    } else {
      defaultBlock = (ConfigObject) d;
      try {
        defaultPolicy = RiskPolicyReader.read(defaultBlock);
      } catch (RiskPolicyException e) {
        defaultProblems.addAll(e.problems());
        problems.addAll(e.prefixed(PATH + ".default.").problems());
      }
    }

    Map<String, RiskPolicy> strategies = new HashMap<>();
    ConfigValue s = root.get("strategies");
    if (!RiskPolicyReader.isMissing(s) && s.valueType() != ConfigValueType.OBJECT) {
      problems.add(PATH + ".strategies: expected an object of policy blocks by strategy id, got "
          + RiskPolicyReader.render(s));
    } else if (!RiskPolicyReader.isMissing(s)) {
      ConfigObject blocks = (ConfigObject) s;
      // The object's keys, never paths: an id's dots are part of the id.
      for (String id : new TreeSet<>(blocks.keySet())) {
        String key = PATH + ".strategies." + ConfigUtil.quoteString(id);
        if (!StrategyIds.isValid(id)) {
          problems.add(key + ": not a strategy id (1–64 characters of [A-Za-z0-9._-])");
        }
        ConfigValue block = blocks.get(id);
        if (block.valueType() != ConfigValueType.OBJECT) {
          problems.add(key + ": expected an object (a policy block merged over default), got "
              + RiskPolicyReader.render(block));
          continue;
        }
        try {
          strategies.put(id, RiskPolicyReader.read(((ConfigObject) block).withFallback(defaultBlock)));
        } catch (RiskPolicyException e) {
          // What the block inherits from a broken default is already reported there, once, not once per strategy.
          e.problems().stream()
              .filter(p -> !defaultProblems.contains(p))
              .map(p -> key + "." + p)
              .forEach(problems::add);
        }
      }
    }

    if (!problems.isEmpty()) {
      throw new RiskPolicyException(problems);
    }
    return new RiskPolicies(defaultPolicy, strategies);
  }
}
