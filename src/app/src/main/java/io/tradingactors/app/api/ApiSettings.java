package io.tradingactors.app.api;

import com.typesafe.config.Config;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;

/**
 * How the API serves: address, the bearer token, limits and timeouts ({@code trading-actors.api} in
 * hocon/trading-actors.conf; {@code serve}'s options override host and port).
 *
 * @param host the address bound; loopback by default
 * @param port the port; 0 picks a free one (tests)
 * @param token the bearer token every {@code /v1} request must carry; null for none (loopback only)
 * @param maxBodyBytes the largest request body accepted (DESIGN §5: 1 MiB)
 * @param bodyReadTimeout how long a body may take to arrive
 * @param askTimeout how long a request waits for its strategy before answering 503
 * @param retryAfter what a 503's Retry-After says
 * @param healthInterval how often the journal database is probed
 */
public record ApiSettings(
    String host,
    int port,
    String token,
    long maxBodyBytes,
    Duration bodyReadTimeout,
    Duration askTimeout,
    Duration retryAfter,
    Duration healthInterval) {

  /** Read from {@code trading-actors.api}, the token from {@code TRADING_ACTORS_TOKEN} when {@code token} is null. */
  public static ApiSettings from(Config config, String token) {
    Config api = config.getConfig("trading-actors.api");
    return new ApiSettings(
        api.getString("host"),
        api.getInt("port"),
        token == null || token.isBlank() ? null : token,
        api.getBytes("max-body-size"),
        api.getDuration("body-read-timeout"),
        api.getDuration("ask-timeout"),
        api.getDuration("retry-after"),
        api.getDuration("health-interval"));
  }

  public ApiSettings withAddress(String host, int port) {
    return new ApiSettings(host, port, token, maxBodyBytes, bodyReadTimeout, askTimeout, retryAfter, healthInterval);
  }

  /**
   * Refuses an address other than loopback without a token (DESIGN §5): anyone who can reach the port could otherwise
   * record trades and halt strategies.
   *
   * @throws IllegalArgumentException naming the address and what to do
   */
  public void checkExposure() {
    if (token == null && !isLoopback(host)) {
      throw new IllegalArgumentException("--host " + host + " is reachable from other machines: set "
          + "TRADING_ACTORS_TOKEN to a secret that every client sends as 'Authorization: Bearer <token>', "
          + "or bind to 127.0.0.1");
    }
  }

  private static boolean isLoopback(String host) {
    try {
      for (InetAddress address : InetAddress.getAllByName(host)) {
        if (!address.isLoopbackAddress()) {
          return false;
        }
      }
      return true;
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("--host " + host + ": unknown host", e);
    }
  }
}
