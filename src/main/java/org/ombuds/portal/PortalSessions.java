package org.ombuds.portal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.ombuds.vault.PortalVault;

/**
 * Open visitor sessions, in memory only, keyed by the SHA-256 of their token (a memory dump gives
 * no usable token). A session unused for {@link #IDLE_LIMIT} ends; a restart ends them all. The
 * token space and hash prefix differ from the Ombuds' sessions, so neither kind of token is
 * accepted in the other's place.
 */
public final class PortalSessions {
  /** A visitor session unused for this long ends. */
  public static final Duration IDLE_LIMIT = Duration.ofMinutes(15);

  private static final SecureRandom RANDOM = new SecureRandom();
  private final Clock clock;
  private final Map<String, VisitorSession> byHash = new ConcurrentHashMap<>();
  private final Map<String, String> receiptToShow = new ConcurrentHashMap<>();

  public PortalSessions(Clock clock) {
    this.clock = clock;
  }

  /** Opens a session for the thread of {@code key}; returns the token to hand out once. */
  String open(PortalVault.ThreadKey key) {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    String hash = hash(token);
    byHash.put(hash, new VisitorSession(hash, key, clock.instant()));
    return token;
  }

  /** The live session of a presented token, marked used now; empty if none or expired. */
  public Optional<VisitorSession> use(String token) {
    expireIdle();
    if (token == null || token.isEmpty()) {
      return Optional.empty();
    }
    return Optional.ofNullable(
        byHash.computeIfPresent(hash(token), (h, s) -> s.touchedAt(clock.instant())));
  }

  /** Ends a session. */
  public void close(String token) {
    if (token != null) {
      String h = hash(token);
      byHash.remove(h);
      receiptToShow.remove(h);
    }
  }

  /** Ends the sessions unused for longer than {@link #IDLE_LIMIT}. */
  public void expireIdle() {
    Instant limit = clock.instant().minus(IDLE_LIMIT);
    byHash
        .values()
        .removeIf(
            s -> {
              boolean old = s.lastSeenAt().isBefore(limit);
              if (old) {
                receiptToShow.remove(s.tokenHash());
              }
              return old;
            });
  }

  /** Keeps a new receipt for the session's one showing of it (the page after the contact form). */
  void keepReceiptToShow(String token, String receipt) {
    receiptToShow.put(hash(token), receipt);
  }

  /** The receipt kept for showing, removed by this call: it is shown once. */
  public Optional<String> takeReceiptToShow(VisitorSession s) {
    return Optional.ofNullable(receiptToShow.remove(s.tokenHash()));
  }

  /** The anti-forgery token of a page session: derived from its token, stored nowhere. */
  public static String csrfToken(String token) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(sha256("portal-csrf:" + token));
  }

  /** How many sessions are open. */
  public int count() {
    return byHash.size();
  }

  private static String hash(String token) {
    return HexFormat.of().formatHex(sha256("portal-session:" + token));
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
    }
  }
}
