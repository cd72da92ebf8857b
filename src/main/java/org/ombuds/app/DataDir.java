package org.ombuds.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;
import org.ombuds.store.DbConfig;

/**
 * The layout of an office's data directory.
 *
 * <pre>
 * DIR/ombuds.properties  where the database is (db.url) and the audit key (audit.key), if not here
 * DIR/ombuds.db          the SQLite database (when no db.url is set)
 * DIR/audit.key          the audit log's MAC key: kept outside the database
 * DIR/audit.head         the last audit entry's hash, MAC'd: detects a dropped tail
 * DIR/server.key         the server's key for secrets it needs while locked (SMTP password)
 * DIR/serve.lock         held by a running server (and by init and migrate): one at a time
 * DIR/.init-incomplete   while 'init' runs: a directory holding it is an interrupted init's
 * </pre>
 *
 * <p>The directory is owner-only ({@code rwx------}) and every file in it owner-only ({@code
 * rw-------}), whatever the umask: {@link #secure} sets the modes, and the files the application
 * writes are created with them.
 */
public record DataDir(Path root) {
  public static final String CONFIG = "ombuds.properties";
  public static final String AUDIT_KEY = "audit.key";
  public static final String AUDIT_HEAD = "audit.head";
  public static final String INIT_MARKER = ".init-incomplete";

  /**
   * Present once every row the guarantees rest on carries its tag (written by {@code init}, and by
   * the first open of an office made before row tags): from then on, a row without a tag is one
   * made behind the application's back, never one to tag.
   */
  public static final String ROWS_TAGGED = "rows.tagged";

  private static final Set<PosixFilePermission> OWNER_FILE =
      EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
  private static final Set<PosixFilePermission> OWNER_DIR =
      EnumSet.of(
          PosixFilePermission.OWNER_READ,
          PosixFilePermission.OWNER_WRITE,
          PosixFilePermission.OWNER_EXECUTE);

  public DataDir {
    root = root.toAbsolutePath().normalize();
  }

  /** The settings file's values (empty when there is no file). */
  public Properties settings() {
    Properties p = new Properties();
    Path file = root.resolve(CONFIG);
    if (Files.isRegularFile(file)) {
      try (InputStream in = Files.newInputStream(file)) {
        p.load(in);
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read " + file, e);
      }
    }
    return p;
  }

  /** Writes the settings file, owner-only (it may hold the database's password). */
  public void writeSettings(Properties p) {
    Path file = root.resolve(CONFIG);
    try (FileChannel ch = openOwnerOnly(file);
        OutputStream out = Channels.newOutputStream(ch)) {
      p.store(out, "ombuds office settings");
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + file, e);
    }
  }

  /**
   * Opens {@code file} for writing from its start, creating it owner-only; an existing file is made
   * owner-only before anything is written to it.
   */
  public static FileChannel openOwnerOnly(Path file) throws IOException {
    FileChannel ch =
        isPosix(file)
            ? FileChannel.open(
                file,
                Set.of(
                    StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING),
                PosixFilePermissions.asFileAttribute(OWNER_FILE))
            : FileChannel.open(
                file,
                StandardOpenOption.CREATE,
                StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING);
    try {
      if (isPosix(file)) {
        Files.setPosixFilePermissions(file, OWNER_FILE);
      }
    } catch (IOException | RuntimeException e) {
      ch.close();
      throw e;
    }
    return ch;
  }

  /** Creates {@code file} empty and owner-only unless it exists (e.g. a database before SQLite). */
  public static void createOwnerOnlyFile(Path file) throws IOException {
    if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try {
      if (isPosix(file)) {
        Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_FILE));
        Files.setPosixFilePermissions(file, OWNER_FILE); // the umask may have taken bits away
      } else {
        Files.createFile(file);
      }
    } catch (FileAlreadyExistsException e) {
      // Made meanwhile: fine, secure() sets its mode.
    }
  }

  /** Makes {@code dir} owner-only ({@code rwx------}) where the file system has POSIX modes. */
  public static void ownerOnlyDirectory(Path dir) throws IOException {
    if (isPosix(dir)) {
      Files.setPosixFilePermissions(dir, OWNER_DIR);
    }
  }

  /**
   * Makes the directory owner-only and every regular file directly in it owner-only (the database
   * and its WAL and SHM files, settings, keys, head, lock, leftovers), whatever the umask was when
   * they were made. Best effort: a file that cannot be changed (another owner) is left as it is.
   */
  public void secure() {
    if (!Files.isDirectory(root, LinkOption.NOFOLLOW_LINKS) || !isPosix(root)) {
      return;
    }
    try {
      ownerOnlyDirectory(root);
    } catch (IOException e) {
      return; // Not ours: nothing in it is ours to change either.
    }
    try (Stream<Path> s = Files.list(root)) {
      s.filter(f -> Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS))
          .forEach(
              f -> {
                try {
                  Files.setPosixFilePermissions(f, OWNER_FILE);
                } catch (IOException ignored) {
                  // Best effort, see above.
                }
              });
    } catch (IOException ignored) {
      // Best effort, see above.
    }
  }

  /**
   * Removes what crashed runs left behind: the audit head's temporary files ({@code
   * .audit.head.*.tmp}). Call only while holding the {@link ServerLock}: a running server may be
   * writing one.
   *
   * @return how many files were removed
   */
  public int removeLeftovers() {
    Path headDir = auditHead().getParent();
    String prefix = "." + AUDIT_HEAD + ".";
    int removed = 0;
    try (Stream<Path> s = Files.list(headDir)) {
      for (Path f : s.toList()) {
        String name = f.getFileName().toString();
        if (name.startsWith(prefix)
            && name.endsWith(".tmp")
            && Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)
            && Files.deleteIfExists(f)) {
          removed++;
        }
      }
    } catch (IOException ignored) {
      // Best effort: leftovers are harmless, only untidy.
    }
    return removed;
  }

  /** Whether an {@code init} began here and did not finish. */
  public boolean initInterrupted() {
    return Files.exists(root.resolve(INIT_MARKER), LinkOption.NOFOLLOW_LINKS);
  }

  private static boolean isPosix(Path p) {
    return p.getFileSystem().supportedFileAttributeViews().contains("posix");
  }

  /** The database: {@code override}, else the settings file's db.url, else the SQLite file. */
  public DbConfig database(Optional<String> override) {
    Optional<String> url = override.or(() -> Optional.ofNullable(settings().getProperty("db.url")));
    return url.map(DbConfig::fromUrl).orElseGet(() -> DbConfig.sqlite(root));
  }

  /** The audit key file. */
  public Path auditKey() {
    return Optional.ofNullable(settings().getProperty("audit.key"))
        .map(Path::of)
        .orElse(root.resolve(AUDIT_KEY));
  }

  /** The server key file (sealed SMTP password): beside the audit key file. */
  public Path serverKey() {
    return auditKey().toAbsolutePath().resolveSibling("server.key");
  }

  /** The file saying the office's rows are tagged ({@link #ROWS_TAGGED}): beside the key file. */
  public Path rowsTagged() {
    return auditKey().toAbsolutePath().resolveSibling(ROWS_TAGGED);
  }

  /** The audit head file: beside the key file. */
  public Path auditHead() {
    Path key = auditKey().toAbsolutePath();
    return key.resolveSibling(AUDIT_HEAD);
  }
}
