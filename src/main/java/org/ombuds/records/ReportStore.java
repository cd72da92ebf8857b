package org.ombuds.records;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** Where the report's inputs and the statistical records are kept (implemented by the store). */
public interface ReportStore {
  /** One statistical record as stored: its id (bound into the ciphertext) and encrypted data. */
  final class StatRow {
    private final String id;
    private final byte[] data;

    public StatRow(String id, byte[] data) {
      this.id = id;
      this.data = data;
    }

    public String id() {
      return id;
    }

    /** The encrypted data (not copied: read it once). */
    @SuppressWarnings("EffectivelyPrivate")
    public byte[] data() {
      return data;
    }
  }

  /** The office's report settings, encrypted, if any were saved. */
  Optional<byte[]> settings();

  /** Replaces the office's report settings. */
  void saveSettings(byte[] encrypted);

  /** Hands every statistical record over in batches of at most {@code batchSize}, streaming. */
  void statRecords(int batchSize, Consumer<List<StatRow>> batch);
}
