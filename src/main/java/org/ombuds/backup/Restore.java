package org.ombuds.backup;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;
import org.ombuds.app.DataDir;
import org.ombuds.app.Office;
import org.ombuds.app.OfficeException;
import org.ombuds.audit.IntegrityCheck;
import org.ombuds.audit.Verification;
import org.ombuds.store.Database;
import org.ombuds.store.DbConfig;
import org.ombuds.store.StoreException;
import org.ombuds.store.TableCopier;
import org.ombuds.vault.BackupEnvelope;
import org.ombuds.vault.BackupException;
import org.ombuds.vault.BackupKeyRing;

/**
 * Rebuilds a data directory (with the embedded SQLite database) from a backup.
 *
 * <p>Everything happens in a new owner-only directory beside the target: the small files are
 * written, the schema is made up to the backup's version, the rows are loaded in one transaction,
 * the stream is read to its authenticated end, every table's row count is compared with the
 * backup's manifest, the remaining migrations run, and the audit log is verified with the audit
 * key. Only then is the directory renamed to the target, in one atomic step. Any refusal or failure
 * removes the temporary directory: nothing is left half-restored.
 *
 * <p>The restored office always uses the SQLite file in the new directory and the audit key copied
 * into it ({@code db.url} and {@code audit.key} are dropped from its settings). To put it back on
 * PostgreSQL, restore, then {@code ombuds migrate}.
 */
public final class Restore {
  private Restore() {}

  /** What a restore rebuilt. */
  public record Restored(Path dir, long rows, int tables, long auditEntries, Instant madeAt) {}

  /**
   * Restores {@code backup} into {@code newDir}, which must not exist or be an empty directory.
   *
   * @param auditKey the office's audit key file, when the backup does not hold one
   * @throws BackupFailure if refused (see the kinds); nothing exists at {@code newDir} afterwards
   *     unless it was an empty directory before
   */
  public static Restored restore(
      Path backup,
      BackupKeyRing ring,
      Path newDir,
      Optional<Path> auditKey,
      Clock clock,
      TableCopier.Progress progress) {
    Path target = newDir.toAbsolutePath().normalize();
    checkTarget(target);
    Path parent = target.getParent();
    Path tmp = null;
    FileChannel runLock = null;
    try (InputStream file = Files.newInputStream(backup)) {
      BackupEnvelope.Opened opened;
      try {
        opened = BackupEnvelope.decrypt(ring, clock.instant(), new BufferedInputStream(file));
      } catch (BackupException e) {
        throw refused(e);
      }
      Files.createDirectories(parent);
      String prefix = "." + target.getFileName() + ".restoring-";
      removeStaleRestores(parent, prefix);
      tmp = Fs.createOwnerOnlyDirectory(parent, prefix);
      // Held until this run ends, also across the final rename: a directory whose lock no one
      // holds is a killed run's, which the next restore to the same target removes.
      runLock = lockRun(tmp);
      DataInputStream in = new DataInputStream(new BufferedInputStream(opened.content(), 1 << 16));
      Map<String, byte[]> files = Content.readFiles(in, opened.header().createdAt().toEpochMilli());
      writeSmallFiles(tmp, files, auditKey);
      TableCopier.Manifest manifest = TableCopier.readManifest(in);
      DbConfig db = DbConfig.sqlite(tmp);
      DataDir.createOwnerOnlyFile(db.sqliteFile().orElseThrow()); // WAL and SHM get its mode
      Database.migrateSchema(db, Optional.of(manifest.schemaVersion()));
      try (Connection c = TableCopier.connect(db)) {
        TableCopier.Manifest empty = TableCopier.manifestOf(c);
        if (!empty.schemaVersion().equals(manifest.schemaVersion())) {
          throw new BackupFailure(
              BackupFailure.Kind.BAD_INPUT,
              "This backup was made by a newer ombuds (schema "
                  + manifest.schemaVersion()
                  + "); restore it with that version or later.");
        }
        TableCopier.load(in, manifest, c, progress);
        BackupEnvelope.requireEnd(in);
        c.commit();
        Optional<String> mismatch = TableCopier.compareCounts(c, manifest);
        if (mismatch.isPresent()) {
          throw new BackupFailure(
              BackupFailure.Kind.DAMAGED,
              "The restored database does not match the backup's counts: " + mismatch.get());
        }
      }
      long entries = verifyAudit(tmp, clock);
      new DataDir(tmp).secure();
      Fs.deleteQuietly(target); // an empty directory, checked above
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
      Fs.forceDirectory(parent);
      tmp = null;
      Fs.deleteQuietly(target.resolve(RUN_LOCK));
      return new Restored(
          target,
          manifest.totalRows(),
          manifest.tables().size(),
          entries,
          opened.header().createdAt());
    } catch (BackupException e) {
      throw refused(e);
    } catch (NoSuchFileException e) {
      throw new BackupFailure(
          BackupFailure.Kind.BAD_INPUT, "There is no file " + e.getFile() + ".");
    } catch (StoreException e) {
      throw new BackupFailure(
          BackupFailure.Kind.DAMAGED, e.getMessage() + " Nothing was restored.");
    } catch (IOException | UncheckedIOException | SQLException e) {
      throw new BackupFailure(
          BackupFailure.Kind.FAULT,
          "The restore failed (" + e.getClass().getSimpleName() + "); nothing was restored.");
    } finally {
      if (tmp != null) {
        Fs.deleteTree(tmp);
      }
      if (runLock != null) {
        try {
          runLock.close();
        } catch (IOException e) {
          // Released when the process ends anyway.
        }
      }
    }
  }

  private static final String RUN_LOCK = ".restore.lock";

  private static FileChannel lockRun(Path tmp) throws IOException {
    FileChannel ch = Fs.createOwnerOnly(tmp.resolve(RUN_LOCK));
    try {
      if (ch.tryLock() == null) {
        throw new IOException("cannot lock a new file");
      }
    } catch (IOException | RuntimeException e) {
      ch.close();
      throw e;
    }
    return ch;
  }

  /**
   * Removes what killed restores to the same target left beside it ({@code .NAME.restoring-*},
   * holding a copy of the audit key): every such directory whose run lock no process holds.
   */
  private static void removeStaleRestores(Path parent, String prefix) {
    List<Path> candidates;
    try (Stream<Path> s = Files.list(parent)) {
      candidates =
          s.filter(p -> p.getFileName().toString().startsWith(prefix))
              .filter(p -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS))
              .toList();
    } catch (IOException e) {
      return;
    }
    for (Path dir : candidates) {
      Path lockFile = dir.resolve(RUN_LOCK);
      if (!Files.exists(lockFile)) {
        Fs.deleteTree(dir); // killed before it could lock (or an older version's)
        continue;
      }
      try (FileChannel ch = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
        FileLock lock;
        try {
          lock = ch.tryLock();
        } catch (OverlappingFileLockException e) {
          continue; // a restore running in this process
        }
        if (lock != null) {
          Fs.deleteTree(dir);
          lock.release();
        }
      } catch (IOException e) {
        // Best effort: the directory is owner-only.
      }
    }
  }

  private static void checkTarget(Path target) {
    if (target.getParent() == null) {
      throw new BackupFailure(BackupFailure.Kind.BAD_INPUT, "Choose a directory to restore into.");
    }
    try {
      if (Files.exists(target) && (!Files.isDirectory(target) || !Fs.isEmptyDirectory(target))) {
        throw new BackupFailure(
            BackupFailure.Kind.BAD_INPUT,
            target + " is not empty: restore into a new or empty directory.");
      }
    } catch (IOException e) {
      throw new BackupFailure(BackupFailure.Kind.FAULT, "Cannot read " + target + ".");
    }
  }

  private static BackupFailure refused(BackupException e) {
    BackupFailure.Kind kind =
        e.reason() == BackupException.Reason.DAMAGED
            ? BackupFailure.Kind.DAMAGED
            : BackupFailure.Kind.BAD_INPUT;
    return new BackupFailure(kind, e.getMessage());
  }

  private static void writeSmallFiles(Path dir, Map<String, byte[]> files, Optional<Path> auditKey)
      throws IOException {
    byte[] key;
    if (auditKey.isPresent()) {
      try {
        key = Files.readAllBytes(auditKey.get());
      } catch (NoSuchFileException e) {
        throw new BackupFailure(
            BackupFailure.Kind.BAD_INPUT, "There is no audit key file at " + auditKey.get() + ".");
      }
    } else if (files.containsKey(Content.AUDIT_KEY)) {
      key = files.get(Content.AUDIT_KEY);
    } else {
      throw new BackupFailure(
          BackupFailure.Kind.BAD_INPUT,
          "This backup does not hold the audit key (it is kept apart by default): give the"
              + " office's audit key file with --audit-key.");
    }
    Fs.writeOwnerOnly(dir.resolve(DataDir.AUDIT_KEY), key);
    if (files.containsKey(Content.HEAD)) {
      Fs.writeOwnerOnly(dir.resolve(DataDir.AUDIT_HEAD), files.get(Content.HEAD));
    }
    if (files.containsKey(Content.PROPERTIES)) {
      Properties p = new Properties();
      p.load(
          new StringReader(new String(files.get(Content.PROPERTIES), StandardCharsets.ISO_8859_1)));
      p.remove("db.url");
      p.remove("audit.key");
      if (!p.isEmpty()) {
        StringWriter w = new StringWriter();
        p.store(w, "ombuds office settings (restored)");
        Fs.writeOwnerOnly(
            dir.resolve(DataDir.CONFIG), w.toString().getBytes(StandardCharsets.ISO_8859_1));
      }
    }
  }

  /** Opens the rebuilt office (running the remaining migrations) and verifies its audit log. */
  private static long verifyAudit(Path dir, Clock clock) {
    try (Office office = Office.open(new DataDir(dir), Optional.empty(), clock)) {
      long entries = 0;
      for (IntegrityCheck.Outcome o :
          IntegrityCheck.verifyAll(office.integrityChecks()).outcomes()) {
        entries +=
            switch (o.result()) {
              case Verification.Intact ok -> ok.entries();
              case Verification.Tampered bad ->
                  throw new BackupFailure(
                      BackupFailure.Kind.DAMAGED,
                      "The restored audit log does not verify with this audit key (first bad entry #"
                          + bad.firstBadSeq()
                          + ": "
                          + bad.reason()
                          + "). Is it the office's audit key? Nothing was restored.");
              case Verification.TamperedRow bad ->
                  throw new BackupFailure(
                      BackupFailure.Kind.DAMAGED,
                      "The restored "
                          + bad.table()
                          + " row "
                          + bad.key()
                          + " does not verify with this audit key: "
                          + bad.reason()
                          + ". Is it the office's audit key? Nothing was restored.");
            };
      }
      return entries;
    } catch (OfficeException e) {
      throw new BackupFailure(
          BackupFailure.Kind.BAD_INPUT,
          "The restored office cannot be opened: " + e.getMessage() + " Nothing was restored.");
    }
  }
}
