package org.ombuds.audit;

import java.util.Optional;
import java.util.function.Consumer;

/**
 * Where entries are kept: a table in the application's database, implemented by the storage layer.
 *
 * <p>The store is not trusted: {@link AuditLog#verify} detects any change a database administrator
 * makes to it. It must however behave as follows when nobody tampers with it:
 *
 * <ul>
 *   <li>{@link #insert} writes in the caller's current transaction and fails if an entry with the
 *       same {@code seq} already exists (a unique key on {@code seq});
 *   <li>{@link #last} sees the entries inserted by the current transaction;
 *   <li>values come back exactly as inserted, including {@code at} to the millisecond.
 * </ul>
 *
 * <p>{@link AuditLog} serializes appends within one JVM, but an entry inserted by one transaction
 * is invisible to others until it commits, so writing transactions must also be serialized by the
 * database, and should take its write lock when they begin (SQLite {@code BEGIN IMMEDIATE}, a lock
 * on the audit table in PostgreSQL): then no transaction waits for the database while inside {@code
 * append}, and two transactions can neither pick the same {@code seq} nor deadlock on the append
 * lock.
 */
public interface AuditStore {

  /** The entry with the highest {@code seq}, or empty when the log is empty. */
  Optional<AuditEntry> last();

  /** Inserts {@code entry} in the current transaction. */
  void insert(AuditEntry entry);

  /**
   * Hands every entry to {@code consumer} in ascending {@code seq} order, streaming (without
   * loading the whole log into memory).
   */
  void forEachInOrder(Consumer<AuditEntry> consumer);

  /**
   * Hands every row to {@code consumer} as the database holds it, in ascending {@code seq} order
   * (rows whose {@code seq} is not a number wherever the database sorts them), streaming. Unlike
   * {@link #forEachInOrder}, a row that cannot be read as an entry is handed over too, so that
   * {@link AuditLog#verify} reports it as tampering. A store that cannot hold malformed rows may
   * keep this default.
   */
  default void forEachRowInOrder(Consumer<AuditRow> consumer) {
    forEachInOrder(e -> consumer.accept(AuditRow.of(e)));
  }

  /** The number of entries. */
  long count();
}
