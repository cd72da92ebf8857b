package org.ombuds.audit;

import java.util.Objects;

/** The outcome of {@link AuditLog#verify()}. */
public sealed interface Verification
    permits Verification.Intact, Verification.Tampered, Verification.TamperedRow {

  /** True for {@link Intact}. */
  default boolean isIntact() {
    return this instanceof Intact;
  }

  /**
   * Every check passed.
   *
   * @param entries how many entries the log holds
   */
  record Intact(long entries) implements Verification {
    public Intact {
      if (entries < 0) {
        throw new IllegalArgumentException("entries must not be negative");
      }
    }
  }

  /**
   * The log was changed outside the application, or its head is missing or damaged.
   *
   * @param firstBadSeq the first entry that cannot be trusted: the entry that fails a check, the
   *     first missing one when entries were removed, or 1 when the head outside the database is
   *     missing, malformed or unauthenticated (then nothing can be vouched for). Entries before it
   *     passed every check.
   * @param reason what is wrong, in plain words, for the person checking the log
   */
  record Tampered(long firstBadSeq, String reason) implements Verification {
    public Tampered {
      if (firstBadSeq < 1) {
        throw new IllegalArgumentException("firstBadSeq must be at least 1");
      }
      Objects.requireNonNull(reason, "reason");
    }
  }

  /**
   * A row of an authenticated table does not match its tag: it was edited, made up or copied.
   *
   * @param table the table, in plain words
   * @param key the first bad row's key (identifiers only)
   * @param reason what is wrong, in plain words
   */
  record TamperedRow(String table, String key, String reason) implements Verification {
    public TamperedRow {
      Objects.requireNonNull(table, "table");
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(reason, "reason");
    }
  }
}
