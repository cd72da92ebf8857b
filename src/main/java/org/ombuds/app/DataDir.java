package org.ombuds.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;
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
 * </pre>
 */
public record DataDir(Path root) {
  public static final String CONFIG = "ombuds.properties";
  public static final String AUDIT_KEY = "audit.key";
  public static final String AUDIT_HEAD = "audit.head";

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

  /** Writes the settings file. */
  public void writeSettings(Properties p) {
    try (OutputStream out = Files.newOutputStream(root.resolve(CONFIG))) {
      p.store(out, "ombuds office settings");
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + root.resolve(CONFIG), e);
    }
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

  /** The audit head file: beside the key file. */
  public Path auditHead() {
    Path key = auditKey().toAbsolutePath();
    return key.resolveSibling(AUDIT_HEAD);
  }
}
