package org.ombuds.web;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One-time tokens for the portal forms used before a session exists (contact, return). A token is
 * issued with the form and consumed by its submission, so a double submit creates nothing twice,
 * and a form not from this site is refused. In memory, bounded, expiring after {@link #LIFETIME}.
 */
final class FormNonces {
  static final Duration LIFETIME = Duration.ofHours(2);
  private static final int MAX = 20_000;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Clock clock;
  private final Map<String, Instant> issued = new ConcurrentHashMap<>();

  FormNonces(Clock clock) {
    this.clock = clock;
  }

  String issue() {
    Instant now = clock.instant();
    if (issued.size() >= MAX) {
      issued.values().removeIf(at -> at.plus(LIFETIME).isBefore(now));
      if (issued.size() >= MAX) {
        // Still full: forget the oldest half rather than refuse visitors a form.
        Instant median = issued.values().stream().sorted().skip(MAX / 2).findFirst().orElse(now);
        issued.values().removeIf(at -> at.isBefore(median));
      }
    }
    byte[] b = new byte[24];
    RANDOM.nextBytes(b);
    String nonce = Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    issued.put(nonce, now);
    return nonce;
  }

  /** Whether {@code nonce} was issued, unused and fresh; it cannot be used again. */
  boolean consume(String nonce) {
    if (nonce == null || nonce.isEmpty()) {
      return false;
    }
    Instant at = issued.remove(nonce);
    return at != null && !at.plus(LIFETIME).isBefore(clock.instant());
  }
}
