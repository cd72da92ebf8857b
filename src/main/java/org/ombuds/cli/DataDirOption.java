package org.ombuds.cli;

import java.nio.file.Path;
import java.util.Optional;
import org.ombuds.app.DataDir;
import picocli.CommandLine.Option;

/** The {@code --data} and {@code --db} options shared by commands that open an office. */
final class DataDirOption {
  @Option(
      names = "--data",
      required = true,
      paramLabel = "DIR",
      description = "The office's data directory.")
  Path data;

  @Option(
      names = "--db",
      paramLabel = "JDBC_URL",
      description =
          "The database, when not the SQLite file in DIR: jdbc:postgresql://host:5432/db?user=...")
  String db;

  DataDir dir() {
    return new DataDir(data);
  }

  Optional<String> dbUrl() {
    return Optional.ofNullable(db).filter(s -> !s.isBlank());
  }
}
