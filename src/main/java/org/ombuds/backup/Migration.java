package org.ombuds.backup;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.ombuds.app.DataDir;
import org.ombuds.app.Office;
import org.ombuds.app.OfficeException;
import org.ombuds.app.ServerLock;
import org.ombuds.audit.IntegrityCheck;
import org.ombuds.audit.Verification;
import org.ombuds.store.Database;
import org.ombuds.store.DbConfig;
import org.ombuds.store.StoreException;
import org.ombuds.store.TableCopier;

/**
 * Moves an office to another database (SQLite to PostgreSQL, or back): the schema is made on the
 * target by the migrations, every table is copied in one transaction of the target, the copy's row
 * counts and audit log are checked, and only then do the office's settings name the new database.
 * The old SQLite file is kept, renamed, until the operator deletes it.
 *
 * <h2>Interruptions</h2>
 *
 * The copy commits at once or not at all, so an interrupted copy leaves the target's tables as the
 * migrations made them; the next run empties them and copies again. If the copy committed but the
 * settings were not switched, the next run finds the target equal to the source (same counts and
 * the same last audit entry) and just switches. A target holding another office is refused.
 */
public final class Migration {
  private Migration() {}

  /** What a migration did. */
  public record Moved(long rows, int tables, Optional<Path> oldSqliteFile, boolean alreadyCopied) {}

  /**
   * Moves the office in {@code dir} to {@code toUrl}.
   *
   * @throws BackupFailure if refused or failed; the office still uses its old database then
   */
  public static Moved migrate(
      DataDir dir,
      String toUrl,
      Clock clock,
      TableCopier.Progress progress,
      TableCopier.AfterTable afterTable) {
    if (!Files.isDirectory(dir.root())) {
      throw new BackupFailure(BackupFailure.Kind.BAD_INPUT, "There is no office at " + dir.root());
    }
    DbConfig source = dir.database(Optional.empty());
    DbConfig target;
    try {
      target = DbConfig.fromUrl(toUrl);
    } catch (IllegalArgumentException e) {
      throw new BackupFailure(BackupFailure.Kind.BAD_INPUT, e.getMessage());
    }
    if (target.jdbcUrl().equals(source.jdbcUrl())) {
      throw new BackupFailure(
          BackupFailure.Kind.BAD_INPUT, "The office already uses " + target.redactedUrl() + ".");
    }
    ServerLock lock =
        ServerLock.tryAcquire(dir)
            .orElseThrow(
                () ->
                    new BackupFailure(
                        BackupFailure.Kind.BAD_INPUT,
                        "A server (or another ombuds command) is using "
                            + dir.root()
                            + ": stop it first (its writes during the move would be lost)."));
    try {
      dir.removeLeftovers();
      target
          .sqliteFile()
          .ifPresent(
              f -> {
                try {
                  DataDir.createOwnerOnlyFile(f); // SQLite gives its WAL and SHM the same mode
                } catch (IOException e) {
                  throw new BackupFailure(BackupFailure.Kind.BAD_INPUT, "Cannot create " + f + ".");
                }
              });
      Moved moved = migrateLocked(dir, source, target, clock, progress, afterTable);
      dir.secure();
      return moved;
    } catch (StoreException e) {
      throw new BackupFailure(
          BackupFailure.Kind.FAULT,
          e.getMessage() + " The office still uses its old database; run the command again.");
    } finally {
      lock.close();
    }
  }

  private static Moved migrateLocked(
      DataDir dir,
      DbConfig source,
      DbConfig target,
      Clock clock,
      TableCopier.Progress progress,
      TableCopier.AfterTable afterTable) {
    Database.migrateSchema(source, Optional.empty());
    Database.migrateSchema(target, Optional.empty());
    TableCopier.Manifest manifest;
    boolean alreadyCopied;
    try (Connection from = TableCopier.connect(source);
        Connection to = TableCopier.connect(target)) {
      TableCopier.Manifest before = TableCopier.manifestOf(to);
      long offices =
          before.tables().stream()
              .filter(t -> t.table().equals("office"))
              .mapToLong(TableCopier.TableCount::rows)
              .sum();
      TableCopier.Manifest sourceManifest = TableCopier.manifestOf(from);
      if (offices > 0) {
        if (!before.equals(sourceManifest)
            || !TableCopier.lastAuditHash(from).equals(TableCopier.lastAuditHash(to))) {
          throw new BackupFailure(
              BackupFailure.Kind.BAD_INPUT,
              "The target database already holds another office (or other data): use a new,"
                  + " empty database.");
        }
        manifest = sourceManifest;
        alreadyCopied = true;
      } else {
        from.rollback();
        manifest = TableCopier.copy(from, to, progress, afterTable);
        alreadyCopied = false;
      }
      from.rollback();
      Optional<String> mismatch = TableCopier.compareCounts(to, manifest);
      if (mismatch.isPresent()) {
        throw new BackupFailure(
            BackupFailure.Kind.FAULT, "The copy does not match the source: " + mismatch.get());
      }
      to.rollback();
    } catch (SQLException e) {
      throw new BackupFailure(
          BackupFailure.Kind.FAULT, "The database connection failed; run the command again.");
    }
    verifyAudit(dir, target, clock);
    switchSettings(dir, target);
    Optional<Path> old = source.sqliteFile().map(f -> keepRenamed(f, clock));
    return new Moved(manifest.totalRows(), manifest.tables().size(), old, alreadyCopied);
  }

  private static void verifyAudit(DataDir dir, DbConfig target, Clock clock) {
    try (Office office = Office.open(dir, Optional.of(target.jdbcUrl()), clock)) {
      IntegrityCheck.Report report = IntegrityCheck.verifyAll(office.integrityChecks());
      if (!report.intact()) {
        IntegrityCheck.Outcome bad = report.outcomes().getLast();
        throw new BackupFailure(
            BackupFailure.Kind.FAULT,
            "The copied "
                + bad.what()
                + " do not verify ("
                + switch (bad.result()) {
                  case Verification.Tampered t -> "first bad entry #" + t.firstBadSeq();
                  case Verification.TamperedRow t -> t.table() + " row " + t.key();
                  case Verification.Intact i -> "intact";
                }
                + "); the office still uses its old database.");
      }
    } catch (OfficeException e) {
      throw new BackupFailure(
          BackupFailure.Kind.FAULT,
          "The copy cannot be opened: " + e.getMessage() + " The office still uses its old one.");
    }
  }

  /** Rewrites the settings atomically with the new database (none for the office's own file). */
  private static void switchSettings(DataDir dir, DbConfig target) {
    Properties p = dir.settings();
    boolean ownFile =
        target
            .sqliteFile()
            .map(f -> f.equals(DbConfig.sqlite(dir.root()).sqliteFile().orElseThrow()))
            .orElse(false);
    if (ownFile) {
      p.remove("db.url");
    } else {
      p.setProperty("db.url", target.jdbcUrl());
    }
    Path file = dir.root().resolve(DataDir.CONFIG);
    Path tmp = dir.root().resolve("." + DataDir.CONFIG + ".new");
    try {
      StringWriter w = new StringWriter();
      p.store(w, "ombuds office settings");
      Files.deleteIfExists(tmp);
      Fs.writeOwnerOnly(tmp, w.toString().getBytes(StandardCharsets.ISO_8859_1));
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      Fs.forceDirectory(dir.root());
    } catch (IOException e) {
      Fs.deleteQuietly(tmp);
      throw new BackupFailure(
          BackupFailure.Kind.FAULT,
          "The copy is complete but the settings could not be switched; run the command again.");
    }
  }

  /** Renames the old SQLite file (and its WAL files) so no one keeps using it by mistake. */
  private static Path keepRenamed(Path sqlite, Clock clock) {
    String stamp =
        DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(ZoneOffset.UTC)
            .format(clock.instant());
    Path renamed = sqlite.resolveSibling(sqlite.getFileName() + ".migrated-" + stamp);
    List<String> suffixes = List.of("", "-wal", "-shm");
    try {
      for (String s : suffixes) {
        Path f = sqlite.resolveSibling(sqlite.getFileName() + s);
        if (Files.exists(f)) {
          Files.move(f, sqlite.resolveSibling(renamed.getFileName() + s));
        }
      }
    } catch (IOException e) {
      throw new BackupFailure(
          BackupFailure.Kind.FAULT,
          "The office now uses the new database, but the old file "
              + sqlite
              + " could not be renamed: delete it yourself.");
    }
    return renamed;
  }
}
