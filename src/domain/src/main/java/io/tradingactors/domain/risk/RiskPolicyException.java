package io.tradingactors.domain.risk;

import java.util.List;

/**
 * A risk policy that cannot be used, with every problem named by its configuration key
 * ({@code drawdown.ladder[1].exposure: 0.6 is not below the previous rung's 0.5}). A node refuses to start with one.
 */
public final class RiskPolicyException extends IllegalArgumentException {

  private final List<String> problems;

  public RiskPolicyException(List<String> problems) {
    super("invalid risk policy: " + String.join("; ", problems));
    this.problems = List.copyOf(problems);
  }

  /** Each problem as "key: what is wrong". */
  public List<String> problems() {
    return problems;
  }

  /** The same problems with {@code prefix} in front of every key, e.g. the path of the policy in its file. */
  public RiskPolicyException prefixed(String prefix) {
    return new RiskPolicyException(problems.stream().map(p -> prefix + p).toList());
  }
}
