package org.ombuds.records;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** Where the report's inputs and the statistical records are kept (implemented by the store). */
public interface ReportStore {
  /**
   * One statistical record, or one segment of them, as stored: its id (bound into the ciphertext)
   * and encrypted data.
   */
  final class StatRow {
    private final String id;
    private final byte[] data;
    private final boolean segment;

    public StatRow(String id, byte[] data) {
      this(id, data, false);
    }

    public StatRow(String id, byte[] data, boolean segment) {
      this.id = id;
      this.data = data;
      this.segment = segment;
    }

    public String id() {
      return id;
    }

    /** The encrypted data (not copied: read it once). */
    @SuppressWarnings("EffectivelyPrivate")
    public byte[] data() {
      return data;
    }

    /** Whether this is a segment of records rather than one loose record. */
    public boolean segment() {
      return segment;
    }
  }

  /** The office's report settings, encrypted, if any were saved. */
  Optional<byte[]> settings();

  /** Replaces the office's report settings. */
  void saveSettings(byte[] encrypted);

  /**
   * Hands every loose statistical record (one row each, as closing a case writes it) over in
   * batches of at most {@code batchSize}, streaming.
   */
  void statRecords(int batchSize, Consumer<List<StatRow>> batch);

  /** How many loose statistical records there are. */
  int looseRecordCount();

  /**
   * Within a write transaction: waits for any other instance packing records (on PostgreSQL; on
   * SQLite the write transaction already excludes them), then returns up to {@code limit} loose
   * records.
   */
  List<StatRow> looseRecordsForPacking(int limit);

  /** Stores a segment and deletes the loose records it holds, in the caller's transaction. */
  void insertSegment(String segmentId, byte[] encrypted, List<String> packedRecordIds);

  /**
   * Hands every segment and every loose record over in batches (at most {@code batchSize} rows and
   * a few megabytes each), read by one statement: one snapshot, so a pack committed meanwhile
   * cannot move records between what is read as segments and what as loose rows.
   */
  void everyRecord(int batchSize, Consumer<List<StatRow>> batch);
}
