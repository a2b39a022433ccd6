package io.tradingactors.app.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The API's shared secret ({@code TRADING_ACTORS_TOKEN}). Compared in constant time over SHA-256 digests, so neither
 * the position of the first wrong character nor the token's length shows in the response time.
 */
final class BearerToken {

  private static final String SCHEME = "Bearer ";

  private final byte[] digest;

  BearerToken(String token) {
    if (token == null || token.isBlank()) {
      throw new IllegalArgumentException("the token is empty");
    }
    this.digest = sha256(token);
  }

  /** Whether an {@code Authorization} header value carries this token. */
  boolean matches(String authorization) {
    boolean bearer = authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length());
    String presented = bearer ? authorization.substring(SCHEME.length()).strip() : "";
    return MessageDigest.isEqual(digest, sha256(presented)) & bearer;
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
