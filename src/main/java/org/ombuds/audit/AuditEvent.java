package org.ombuds.audit;

import java.util.Objects;

/**
 * One thing to record: a kind plus up to three identifiers.
 *
 * <p>{@code actor} (who, e.g. {@code user:42}), {@code subject} (what, e.g. {@code case:2024-017})
 * and {@code outcome} (e.g. {@code ok}, {@code bad-passphrase}) must be identifiers: at most
 * {@value #MAX_LENGTH} characters from {@code [A-Za-z0-9:._-]}; empty means "not applicable". This
 * is what keeps case content out of the log: names, notes or any free text contain spaces or other
 * characters and are refused here, before they can reach the store. The refusal's message names the
 * offending field but never echoes its value, so a mistaken call cannot leak content into a log
 * file or an error page either.
 *
 * @param kind what happened
 * @param actor who did it (an identifier, or empty)
 * @param subject what it was done to (an identifier, or empty)
 * @param outcome how it ended (an identifier, or empty)
 */
public record AuditEvent(AuditKind kind, String actor, String subject, String outcome) {

  /** The longest identifier accepted in {@code actor}, {@code subject} or {@code outcome}. */
  public static final int MAX_LENGTH = 100;

  /**
   * @throws NullPointerException if any component is null
   * @throws IllegalArgumentException if {@code actor}, {@code subject} or {@code outcome} is not an
   *     identifier; the message does not contain the refused value
   */
  public AuditEvent {
    Objects.requireNonNull(kind, "kind");
    requireIdentifier(actor, "actor");
    requireIdentifier(subject, "subject");
    requireIdentifier(outcome, "outcome");
  }

  /** An event with only an actor, e.g. a login or a logout. */
  public static AuditEvent of(AuditKind kind, String actor) {
    return new AuditEvent(kind, actor, "", "");
  }

  /** An event with an actor and a subject, e.g. a case opened by a user. */
  public static AuditEvent of(AuditKind kind, String actor, String subject) {
    return new AuditEvent(kind, actor, subject, "");
  }

  /** True when {@code value} may be stored as an actor, subject or outcome. */
  public static boolean isIdentifier(String value) {
    if (value == null || value.length() > MAX_LENGTH) {
      return false;
    }
    for (int i = 0; i < value.length(); i++) {
      if (!isIdentifierChar(value.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean isIdentifierChar(char c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || c == ':'
        || c == '.'
        || c == '_'
        || c == '-';
  }

  private static void requireIdentifier(String value, String field) {
    Objects.requireNonNull(value, field);
    if (!isIdentifier(value)) {
      // Deliberately does not include the value: it may be the very content we keep out.
      throw new IllegalArgumentException(
          field
              + " must be an identifier of at most "
              + MAX_LENGTH
              + " characters from [A-Za-z0-9:._-]; free text is not allowed in the audit log");
    }
  }
}
