package org.ombuds.safeguards;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A change to the office's safeguards waiting for (or decided by) a second Ombuds. It holds ids and
 * setting values only, never case content.
 *
 * @param subject the account the change is about (hand-over: the one leaving; new account: the new
 *     one), or empty
 * @param target the account receiving the cases of a hand-over, or empty
 * @param settings for {@link ChangeKind#SETTINGS}: setting name to the value asked for (see {@link
 *     Setting})
 */
public record PendingChange(
    String id,
    ChangeKind kind,
    String requestedBy,
    Instant requestedAt,
    Optional<String> subject,
    Optional<String> target,
    Map<Setting, String> settings,
    ChangeStatus status,
    Optional<String> decidedBy,
    Optional<Instant> decidedAt) {

  public PendingChange {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(requestedBy, "requestedBy");
    Objects.requireNonNull(requestedAt, "requestedAt");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(target, "target");
    settings = Map.copyOf(settings);
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(decidedBy, "decidedBy");
    Objects.requireNonNull(decidedAt, "decidedAt");
  }

  public boolean isPending() {
    return status == ChangeStatus.PENDING;
  }

  /** The settings a {@link ChangeKind#SETTINGS} change can hold, with their stored names. */
  public enum Setting {
    /** "false": the imminent-harm exception no longer needs a second Ombuds. */
    EXCEPTION_NEEDS_SECOND_OMBUDS("exceptionNeedsSecondOmbuds"),
    /** "false": the second factor is no longer compulsory. */
    REQUIRE_TOTP("requireTotp"),
    /** A number of days, longer than the current grace period. */
    GRACE_DAYS("graceDays"),
    /** A number, lower than the report's current suppression threshold. */
    REPORT_THRESHOLD("reportThreshold"),
    /** Five numbers separated by commas (high, medium, small unit, repeated, soon-after days). */
    ANONYMITY_THRESHOLDS("anonymityThresholds");

    private final String key;

    Setting(String key) {
      this.key = key;
    }

    /** The name used in the API and the store. */
    public String key() {
      return key;
    }

    public static Optional<Setting> byKey(String key) {
      for (Setting s : values()) {
        if (s.key.equals(key)) {
          return Optional.of(s);
        }
      }
      return Optional.empty();
    }
  }
}
