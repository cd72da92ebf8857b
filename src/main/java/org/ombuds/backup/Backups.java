package org.ombuds.backup;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.ombuds.app.DataDir;
import org.ombuds.common.Ids;
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
    return backup(dir, dbOverride, ring, out, withAuditKey, clock, progress, () -> {});
  }

  /**
   * As above; {@code beforePublish} runs once the backup is complete in its partial file, just
   * before it is put in place (a test hook, to make two backups overlap).
   *
   * <p>Each run writes its own uniquely named, owner-only partial file beside {@code out} ({@code
   * .NAME.partial-RANDOM}, created new and exclusively locked while the run lasts), and puts it in
   * place with a hard link, which fails rather than replace a file that another run put there
   * meanwhile: two runs to one file can neither remove nor publish each other's work, and a run
   * reports success only for its own complete file. Partial files whose run died (no lock held) are
   * removed when the next backup to the same file starts.
   */
  public static Made backup(
      DataDir dir,
      Optional<String> dbOverride,
      BackupKeyRing ring,
      Path out,
      boolean withAuditKey,
      Clock clock,
      TableCopier.Progress progress,
      Runnable beforePublish) {
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
    String partialPrefix = "." + target.getFileName() + ".partial";
    removeStalePartials(parent, partialPrefix);
    Instant now = clock.instant();
    int destroyed = ring.rotate(now);
    Path partial = null;
    try {
      Map<String, byte[]> files = smallFiles(dir, withAuditKey);
      TableCopier.Manifest manifest;
      FileChannel ch = null;
      for (int attempt = 0; ch == null; attempt++) {
        partial = parent.resolve(partialPrefix + "-" + Ids.newId());
        try {
          ch = Fs.createOwnerOnly(partial);
        } catch (FileAlreadyExistsException e) {
          if (attempt > 10) {
            throw e;
          }
        }
      }
      try (FileChannel channel = ch) {
        // Held until the channel closes: tells other runs this partial file is not stale.
        FileLock unused = channel.lock();
        OutputStream file = Channels.newOutputStream(channel);
        CountingOutputStream counted = new CountingOutputStream(file);
        try (DataOutputStream plain =
            new DataOutputStream(
                new BufferedOutputStream(BackupEnvelope.encrypt(ring, now, counted), 1 << 16))) {
          Content.writeFiles(plain, now.toEpochMilli(), files);
          manifest = TableCopier.dump(db, plain, progress);
        }
        channel.force(true);
        beforePublish.run();
        publish(partial, target);
        Fs.forceDirectory(parent);
        return new Made(
            target, counted.count(), manifest.totalRows(), manifest.tables().size(), destroyed);
      }
    } catch (FileAlreadyExistsException e) {
      throw new BackupFailure(
          BackupFailure.Kind.BAD_INPUT,
          target
              + " was created by someone else (another backup?) while this one ran: this backup"
              + " was not kept; choose a new file name.");
    } catch (NoSuchFileException e) {
      throw new BackupFailure(
          BackupFailure.Kind.FAULT,
          "This backup's partial file was removed while it ran: nothing was written to "
              + target
              + "; run it again.");
    } catch (StoreException e) {
      throw new BackupFailure(BackupFailure.Kind.FAULT, e.getMessage());
    } catch (IOException | UncheckedIOException e) {
      throw new BackupFailure(
          BackupFailure.Kind.FAULT,
          "The backup could not be written to " + target + ": " + e.getClass().getSimpleName());
    } finally {
      if (partial != null) {
        Fs.deleteQuietly(partial); // after a publish, only the name: the target keeps the file
      }
    }
  }

  /**
   * Puts {@code partial} in place as {@code target}, refusing to replace a file that exists there:
   * a hard link is atomic and fails on an existing name (a rename would silently replace it).
   */
  private static void publish(Path partial, Path target) throws IOException {
    try {
      Files.createLink(target, partial);
    } catch (UnsupportedOperationException | java.nio.file.FileSystemException e) {
      if (e instanceof FileAlreadyExistsException || e instanceof NoSuchFileException) {
        throw (IOException) e;
      }
      // No hard links here: a move without REPLACE_EXISTING (checks, then renames).
      Files.move(partial, target);
    }
  }

  /**
   * Removes the partial files of backups to the same file whose run is over (killed): those whose
   * lock no process holds. A running backup's partial file is left alone.
   */
  private static void removeStalePartials(Path parent, String prefix) {
    List<Path> candidates;
    try (Stream<Path> s = Files.list(parent)) {
      candidates =
          s.filter(p -> p.getFileName().toString().startsWith(prefix))
              .filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
              .toList();
    } catch (IOException e) {
      return; // Best effort: a stale partial file is untidy, not harmful (owner-only, encrypted).
    }
    for (Path p : candidates) {
      try (FileChannel ch = FileChannel.open(p, StandardOpenOption.WRITE)) {
        FileLock lock;
        try {
          lock = ch.tryLock();
        } catch (OverlappingFileLockException e) {
          continue; // this process's own running backup
        }
        if (lock != null) {
          try {
            Files.deleteIfExists(p);
          } finally {
            lock.release();
          }
        }
      } catch (IOException e) {
        // Best effort, see above.
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
