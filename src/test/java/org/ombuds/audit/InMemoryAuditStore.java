package org.ombuds.audit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * A thread-safe store in a list, standing in for the database table. Streams in ascending seq order
 * like {@code ORDER BY seq} (stable for repeated seqs). The tampering methods play the database
 * administrator: they change rows behind the log's back.
 */
final class InMemoryAuditStore implements AuditStore {
  private final List<AuditEntry> rows = new ArrayList<>();

  @Override
  public synchronized Optional<AuditEntry> last() {
    return sorted().stream().reduce((a, b) -> b);
  }

  @Override
  public synchronized void insert(AuditEntry entry) {
    if (rows.stream().anyMatch(e -> e.seq() == entry.seq())) {
      throw new IllegalStateException("duplicate seq " + entry.seq());
    }
    rows.add(entry);
  }

  @Override
  public void forEachInOrder(Consumer<AuditEntry> consumer) {
    List<AuditEntry> snapshot;
    synchronized (this) {
      snapshot = sorted();
    }
    snapshot.forEach(consumer);
  }

  @Override
  public synchronized long count() {
    return rows.size();
  }

  synchronized List<AuditEntry> entries() {
    return sorted();
  }

  synchronized AuditEntry get(long seq) {
    return rows.stream().filter(e -> e.seq() == seq).findFirst().orElseThrow();
  }

  /** Replaces the row holding entry {@code seq} (a database UPDATE). */
  synchronized void update(long seq, UnaryOperator<AuditEntry> change) {
    int i = indexOf(seq);
    rows.set(i, change.apply(rows.get(i)));
  }

  /** Deletes the row holding entry {@code seq}. */
  synchronized void delete(long seq) {
    rows.remove(indexOf(seq));
  }

  /** Deletes the {@code count} entries with the highest seqs. */
  synchronized void dropTail(int count) {
    List<AuditEntry> s = sorted();
    for (AuditEntry e : s.subList(s.size() - count, s.size())) {
      rows.remove(indexOf(e.seq()));
    }
  }

  /** Exchanges everything but the seq between two entries: reorders them in the log. */
  synchronized void swap(long seqA, long seqB) {
    AuditEntry a = rows.get(indexOf(seqA));
    AuditEntry b = rows.get(indexOf(seqB));
    rows.set(indexOf(seqA), EntryEdits.withSeq(b, seqA));
    rows.set(indexOf(seqB), EntryEdits.withSeq(a, seqB));
  }

  /** Replaces the whole content with {@code entries}. */
  synchronized void replaceAll(List<AuditEntry> entries) {
    rows.clear();
    rows.addAll(entries);
  }

  private int indexOf(long seq) {
    for (int i = 0; i < rows.size(); i++) {
      if (rows.get(i).seq() == seq) {
        return i;
      }
    }
    throw new IllegalArgumentException("no entry " + seq);
  }

  private List<AuditEntry> sorted() {
    List<AuditEntry> copy = new ArrayList<>(rows);
    copy.sort(Comparator.comparingLong(AuditEntry::seq));
    return copy;
  }
}
