package org.ombuds.backup;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.ombuds.app.DataDir;
import org.ombuds.store.DbConfig;
import org.ombuds.store.StoreException;
import org.ombuds.store.TableCopier;
import org.ombuds.vault.BackupEnvelope;
import org.ombuds.vault.BackupKeyRing;

/**
 * Makes an encrypted backup of an office while its server runs.
 *
 * <p>Order matters for the audit log: the head file is read first, then the database snapshot is
 * taken. The head only ever names a committed entry, so the snapshot holds at least the entry it
 * names, and the restored log verifies (a head behind the log is accepted, see {@code AuditLog}).
 */
public final class Backups {
  private Backups() {}

  /** What a backup made. */
  public record Made(Path file, long bytes, long rows, int tables, int keysDestroyed) {}

  /**
   * Backs up the office in {@code dir} to the new file {@code out}.
   *
   * @param withAuditKey also put the audit key file in the backup (off by default: whoever holds
   *     the key and the database can rewrite the audit log undetected)
   * @throws BackupFailure if {@code out} exists, the office cannot be read, or writing fails; no
   *     file is left at {@code out} then
   */
  public static Made backup(
      DataDir dir,
      Optional<String> dbOverride,
      BackupKeyRing ring,
      Path out,
      boolean withAuditKey,
      Clock clock,
      TableCopier.Progress progress) {
    Path target = out.toAbsolutePath().normalize();
    if (!Files.isDirectory(dir.root())) {
      throw new BackupFailure(BackupFailure.Kind.BAD_INPUT, "There is no office at " + dir.root());
    }
    if (Files.exists(target)) {
      throw new BackupFailure(
          BackupFailure.Kind.BAD_INPUT, target + " exists already: choose a new file name.");
    }
    Path parent = target.getParent();
    if (parent == null || !Files.isDirectory(parent)) {
      throw new BackupFailure(
          BackupFailure.Kind.BAD_INPUT, "The directory of " + target + " does not exist.");
    }
    DbConfig db;
    try {
      db = dir.database(dbOverride);
    } catch (IllegalArgumentException e) {
      throw new BackupFailure(BackupFailure.Kind.BAD_INPUT, e.getMessage());
    }
    db.sqliteFile()
        .filter(f -> !Files.isRegularFile(f))
        .ifPresent(
            f -> {
              throw new BackupFailure(
                  BackupFailure.Kind.BAD_INPUT, "There is no office database at " + f);
            });
    Instant now = clock.instant();
    int destroyed = ring.rotate(now);
    Path partial = parent.resolve("." + target.getFileName() + ".partial");
    boolean done = false;
    try {
      Map<String, byte[]> files = smallFiles(dir, withAuditKey);
      TableCopier.Manifest manifest;
      try (FileChannel ch = Fs.createOwnerOnly(partial)) {
        OutputStream file = Channels.newOutputStream(ch);
        CountingOutputStream counted = new CountingOutputStream(file);
        try (DataOutputStream plain =
            new DataOutputStream(
                new BufferedOutputStream(BackupEnvelope.encrypt(ring, now, counted), 1 << 16))) {
          Content.writeFiles(plain, now.toEpochMilli(), files);
          manifest = TableCopier.dump(db, plain, progress);
        }
        ch.force(true);
        Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
        Fs.forceDirectory(parent);
        done = true;
        return new Made(
            target, counted.count(), manifest.totalRows(), manifest.tables().size(), destroyed);
      }
    } catch (FileAlreadyExistsException e) {
      throw new BackupFailure(
          BackupFailure.Kind.BAD_INPUT,
          "A backup to this file is already under way (or was interrupted): remove "
              + partial
              + " if no backup runs.");
    } catch (StoreException e) {
      throw new BackupFailure(BackupFailure.Kind.FAULT, e.getMessage());
    } catch (IOException | UncheckedIOException e) {
      throw new BackupFailure(
          BackupFailure.Kind.FAULT,
          "The backup could not be written to " + target + ": " + e.getClass().getSimpleName());
    } finally {
      if (!done) {
        Fs.deleteQuietly(partial);
      }
    }
  }

  /** The data directory's small files: the head first (see the class comment). */
  private static Map<String, byte[]> smallFiles(DataDir dir, boolean withAuditKey)
      throws IOException {
    Map<String, byte[]> files = new LinkedHashMap<>();
    readIfPresent(dir.auditHead()).ifPresent(b -> files.put(Content.HEAD, b));
    readIfPresent(dir.root().resolve(DataDir.CONFIG))
        .ifPresent(b -> files.put(Content.PROPERTIES, b));
    if (withAuditKey) {
      files.put(
          Content.AUDIT_KEY,
          readIfPresent(dir.auditKey())
              .orElseThrow(
                  () ->
                      new BackupFailure(
                          BackupFailure.Kind.BAD_INPUT,
                          "There is no audit key file at " + dir.auditKey())));
    }
    return files;
  }

  private static Optional<byte[]> readIfPresent(Path p) throws IOException {
    try {
      return Optional.of(Files.readAllBytes(p));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
  }

  /** Counts the bytes written through it. */
  private static final class CountingOutputStream extends java.io.FilterOutputStream {
    private long count;

    CountingOutputStream(OutputStream out) {
      super(out);
    }

    @Override
    public void write(int b) throws IOException {
      out.write(b);
      count++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
      count += len;
    }

    long count() {
      return count;
    }

    /** Flushes only: the file's channel is forced and closed by its owner. */
    @Override
    public void close() throws IOException {
      out.flush();
    }
  }
}
