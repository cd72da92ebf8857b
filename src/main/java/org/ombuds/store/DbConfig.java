package org.ombuds.store;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * Where the office's database is: the embedded SQLite file in the data directory, or a PostgreSQL
 * server named by a JDBC URL.
 */
public record DbConfig(Vendor vendor, String jdbcUrl, Optional<Path> sqliteFile) {

  /** The two databases the office runs on. */
  public enum Vendor {
    SQLITE,
    POSTGRES
  }

  /** The name of the SQLite file inside a data directory. */
  public static final String SQLITE_FILE = "ombuds.db";

  public DbConfig {
    if (vendor == Vendor.SQLITE && sqliteFile.isEmpty()) {
      throw new IllegalArgumentException("SQLite needs a file");
    }
  }

  /** The embedded database: one SQLite file in {@code dataDir}. */
  public static DbConfig sqlite(Path dataDir) {
    Path file = dataDir.resolve(SQLITE_FILE).toAbsolutePath();
    return new DbConfig(Vendor.SQLITE, "jdbc:sqlite:" + file, Optional.of(file));
  }

  /**
   * A configuration from a JDBC URL given by the operator.
   *
   * @throws IllegalArgumentException when the URL is neither PostgreSQL nor SQLite
   */
  public static DbConfig fromUrl(String jdbcUrl) {
    String lower = jdbcUrl.toLowerCase(Locale.ROOT);
    if (lower.startsWith("jdbc:postgresql:")) {
      return new DbConfig(Vendor.POSTGRES, jdbcUrl, Optional.empty());
    }
    if (lower.startsWith("jdbc:sqlite:")) {
      Path file = Path.of(jdbcUrl.substring("jdbc:sqlite:".length())).toAbsolutePath();
      return new DbConfig(Vendor.SQLITE, "jdbc:sqlite:" + file, Optional.of(file));
    }
    throw new IllegalArgumentException(
        "Unsupported database URL: use jdbc:postgresql://host/db or jdbc:sqlite:/path/file.db");
  }

  /** The URL without any password it may carry, for messages. */
  public String redactedUrl() {
    return jdbcUrl.replaceAll("(?i)(password=)[^&;]*", "$1***").replaceAll("//[^/@]*@", "//***@");
  }
}
