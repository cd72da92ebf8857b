package org.ombuds.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ombuds.testing.Postgres;
import org.ombuds.testing.Proc;

/**
 * The data directory against a careless umask, crashes and overlapping runs: the real jar, run
 * under {@code umask 000}.
 */
class DataDirSafetyIT {
  private static final Map<String, String> PASS =
      Map.of("OMBUDS_PASSPHRASE", "a long test passphrase");

  @TempDir Path tmp;

  /** {@code ombuds args...} in a shell whose umask lets everyone read and write everything. */
  private static Proc.Result permissive(Map<String, String> env, String... args) {
    return Proc.run(shell(List.of(), args), env, Map.of());
  }

  private static List<String> shell(List<String> jvmOptions, String... args) {
    List<String> java = new ArrayList<>(List.of(Proc.java().toString()));
    java.addAll(jvmOptions);
    java.addAll(List.of("-jar", Proc.jar().toString()));
    java.addAll(List.of(args));
    StringBuilder line = new StringBuilder("umask 000 && exec");
    for (String a : java) {
      line.append(" '").append(a.replace("'", "'\\''")).append('\'');
    }
    return List.of("sh", "-c", line.toString());
  }

  private static Process startPermissive(Path log, String... args) throws IOException {
    return new ProcessBuilder(shell(List.of(), args))
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .start();
  }

  private static String mode(Path p) throws IOException {
    return PosixFilePermissions.toString(
        Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS));
  }

  /** The directory is rwx------ and every file in it rw-------. */
  private static void assertOwnerOnly(Path dir) throws IOException {
    assertThat(mode(dir)).as(dir.toString()).isEqualTo("rwx------");
    try (Stream<Path> s = Files.list(dir)) {
      for (Path f : s.toList()) {
        assertThat(mode(f))
            .as(f.toString())
            .isEqualTo(Files.isDirectory(f) ? "rwx------" : "rw-------");
      }
    }
  }

  private Path init(String name) {
    Path dir = tmp.resolve(name);
    Proc.Result r = permissive(PASS, "init", "--data", dir.toString(), "--username", "jo");
    assertThat(r.exit()).as(r.err()).isZero();
    return dir;
  }

  @Test
  void init_restore_and_migrate_make_owner_only_directories_and_files_whatever_the_umask()
      throws IOException {
    Path dir = init("office");
    assertOwnerOnly(dir);
    assertThat(dir.resolve("ombuds.db")).exists();

    String pg = Postgres.newDatabase();
    Path onPg = tmp.resolve("on-pg");
    Proc.Result r =
        permissive(PASS, "init", "--data", onPg.toString(), "--db", pg, "--username", "jo");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(onPg.resolve("ombuds.properties")).exists();
    assertOwnerOnly(onPg);

    Path ring = tmp.resolve("ring");
    assertThat(permissive(Map.of(), "backup-key", "new", "--out", ring.toString()).exit()).isZero();
    Path backup = tmp.resolve("office.backup");
    Proc.Result b =
        permissive(
            Map.of(),
            "backup",
            "--data",
            dir.toString(),
            "--out",
            backup.toString(),
            "--key",
            ring.toString(),
            "--with-audit-key");
    assertThat(b.exit()).as(b.err()).isZero();
    assertThat(mode(backup)).isEqualTo("rw-------");
    Path restored = tmp.resolve("restored");
    Proc.Result rs =
        permissive(
            Map.of(),
            "restore",
            "--from",
            backup.toString(),
            "--data",
            restored.toString(),
            "--key",
            ring.toString());
    assertThat(rs.exit()).as(rs.err()).isZero();
    assertOwnerOnly(restored);

    Proc.Result m =
        permissive(
            Map.of(), "migrate", "--data", restored.toString(), "--to", Postgres.newDatabase());
    assertThat(m.exit()).as(m.err()).isZero();
    assertOwnerOnly(restored);
  }

  @Test
  void serve_secures_the_directory_clears_leftovers_and_a_second_server_or_migrate_is_refused()
      throws Exception {
    Path dir = init("office");
    // As a careless administrator or an older version left them:
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.setPosixFilePermissions(
        dir.resolve("ombuds.db"), PosixFilePermissions.fromString("rw-r--r--"));
    Path leftover = dir.resolve(".audit.head.12345.tmp");
    Files.writeString(leftover, "crashed");

    int port = freePort();
    Path log = tmp.resolve("serve.log");
    Process server =
        startPermissive(log, "serve", "--data", dir.toString(), "--port", Integer.toString(port));
    try {
      awaitHealthy(port);
      assertThat(leftover).doesNotExist();
      assertThat(dir.resolve("ombuds.db-wal")).exists();
      assertOwnerOnly(dir);

      Proc.Result second =
          permissive(
              Map.of(), "serve", "--data", dir.toString(), "--port", Integer.toString(freePort()));
      assertThat(second.exit()).as(second.out() + second.err()).isEqualTo(2);
      assertThat(second.err()).contains("in use").contains("stop it first");

      Proc.Result migrate =
          permissive(Map.of(), "migrate", "--data", dir.toString(), "--to", Postgres.newDatabase());
      assertThat(migrate.exit()).isEqualTo(2);
      assertThat(migrate.err()).contains("stop it first");
    } finally {
      server.destroy();
      server.waitFor();
    }
    assertThat(Files.readString(log)).contains("serving on");
  }

  @Test
  void an_interrupted_init_is_named_by_serve_and_cleared_by_the_next_init() throws Exception {
    Path dir = tmp.resolve("office");
    // What 'init' leaves when killed after it began writing: its marker, a key, part of a database.
    Files.createDirectories(dir);
    Files.createFile(dir.resolve(".init-incomplete"));
    Files.writeString(dir.resolve("audit.key"), "half a key");
    Files.writeString(dir.resolve("ombuds.db"), "");

    Proc.Result serve = permissive(Map.of(), "serve", "--data", dir.toString(), "--port", "0");
    assertThat(serve.exit()).isEqualTo(2);
    assertThat(serve.err()).contains("was interrupted").contains("ombuds init --data " + dir);
    Proc.Result verify = permissive(Map.of(), "audit", "verify", "--data", dir.toString());
    assertThat(verify.exit()).isEqualTo(2);

    Proc.Result init = permissive(PASS, "init", "--data", dir.toString(), "--username", "jo");
    assertThat(init.exit()).as(init.err()).isZero();
    assertThat(dir.resolve(".init-incomplete")).doesNotExist();
    assertOwnerOnly(dir);
    assertThat(permissive(Map.of(), "audit", "verify", "--data", dir.toString()).exit()).isZero();
  }

  @Test
  void init_killed_mid_way_leaves_something_the_next_init_clears() throws Exception {
    Path dir = tmp.resolve("office");
    Path log = tmp.resolve("init.log");
    ProcessBuilder pb =
        new ProcessBuilder(shell(List.of(), "init", "--data", dir.toString(), "--username", "jo"))
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    pb.environment().putAll(PASS);
    Process p = pb.start();
    // Kill it as soon as it has begun writing (the audit key is among its first files).
    while (p.isAlive() && !Files.exists(dir.resolve("audit.key"))) {
      Thread.onSpinWait();
    }
    p.destroyForcibly();
    p.waitFor(60, TimeUnit.SECONDS);
    if (!Files.exists(dir.resolve(".init-incomplete"))) {
      // The kill came after the end: a complete office, which verifies.
      assertThat(permissive(Map.of(), "audit", "verify", "--data", dir.toString()).exit()).isZero();
      return;
    }
    {
      Proc.Result serve = permissive(Map.of(), "serve", "--data", dir.toString(), "--port", "0");
      assertThat(serve.exit()).isEqualTo(2);
      assertThat(serve.err()).contains("was interrupted");
    }
    Proc.Result init = permissive(PASS, "init", "--data", dir.toString(), "--username", "jo");
    assertThat(init.exit()).as(init.err()).isZero();
    assertThat(permissive(Map.of(), "audit", "verify", "--data", dir.toString()).exit()).isZero();
  }

  @Test
  void two_backups_to_one_file_at_once_one_succeeds_and_restores_the_other_fails_clearly()
      throws Exception {
    Path dir = init("office");
    Path ring = tmp.resolve("ring");
    assertThat(permissive(Map.of(), "backup-key", "new", "--out", ring.toString()).exit()).isZero();
    Path out = tmp.resolve("b.backup");
    // A stale partial file of a killed run (no one holds its lock): removed by the next run.
    Path stale = tmp.resolve(".b.backup.partial-stale");
    Files.writeString(stale, "killed");

    Path release = tmp.resolve("release");
    Path log = tmp.resolve("first.log");
    Process first =
        new ProcessBuilder(
                shell(
                    List.of("-D" + BackupCommand.HOLD_BEFORE_PUBLISH + "=" + release),
                    "backup",
                    "--data",
                    dir.toString(),
                    "--out",
                    out.toString(),
                    "--key",
                    ring.toString(),
                    "--with-audit-key"))
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    try {
      Path waiting = Path.of(release + ".waiting");
      while (first.isAlive() && !Files.exists(waiting)) {
        Thread.onSpinWait();
      }
      assertThat(waiting).as(Files.readString(log)).exists();
      assertThat(stale).as("the killed run's partial file").doesNotExist();
      // The first run's complete backup waits in its partial file; a second run meanwhile:
      Proc.Result second =
          permissive(
              Map.of(),
              "backup",
              "--data",
              dir.toString(),
              "--out",
              out.toString(),
              "--key",
              ring.toString(),
              "--with-audit-key");
      assertThat(second.exit()).as(second.err()).isZero();
      Files.createFile(release);
      assertThat(first.waitFor(120, TimeUnit.SECONDS)).isTrue();
      assertThat(first.exitValue()).as(Files.readString(log)).isEqualTo(2);
      assertThat(Files.readString(log))
          .contains("was created by someone else")
          .doesNotContain("Backup written");
    } finally {
      first.destroyForcibly();
    }
    try (Stream<Path> s = Files.list(tmp)) {
      assertThat(s.map(p -> p.getFileName().toString()).filter(n -> n.contains(".partial")))
          .as("no partial file left")
          .isEmpty();
    }
    Path restored = tmp.resolve("restored");
    Proc.Result r =
        permissive(
            Map.of(),
            "restore",
            "--from",
            out.toString(),
            "--data",
            restored.toString(),
            "--key",
            ring.toString());
    assertThat(r.exit()).as(r.err()).isZero();
  }

  @Test
  void a_killed_restores_leftover_directory_is_removed_by_the_next_restore() throws Exception {
    Path dir = init("office");
    Path ring = tmp.resolve("ring");
    assertThat(permissive(Map.of(), "backup-key", "new", "--out", ring.toString()).exit()).isZero();
    Path backup = tmp.resolve("o.backup");
    assertThat(
            permissive(
                    Map.of(),
                    "backup",
                    "--data",
                    dir.toString(),
                    "--out",
                    backup.toString(),
                    "--key",
                    ring.toString(),
                    "--with-audit-key")
                .exit())
        .isZero();
    Path target = tmp.resolve("restored");
    // What a restore killed mid-way leaves: its hidden directory with a copy of the audit key.
    Path leftover = tmp.resolve(".restored.restoring-12345");
    Files.createDirectories(leftover);
    Files.copy(dir.resolve("audit.key"), leftover.resolve("audit.key"));
    Files.createFile(leftover.resolve(".restore.lock"));
    Path older = tmp.resolve(".restored.restoring-999");
    Files.createDirectories(older);
    Files.copy(dir.resolve("audit.key"), older.resolve("audit.key"));

    Proc.Result r =
        permissive(
            Map.of(),
            "restore",
            "--from",
            backup.toString(),
            "--data",
            target.toString(),
            "--key",
            ring.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(leftover).doesNotExist();
    assertThat(older).doesNotExist();
    assertThat(target.resolve(".restore.lock")).doesNotExist();
    assertOwnerOnly(target);
  }

  private static void awaitHealthy(int port) throws Exception {
    HttpClient client = HttpClient.newHttpClient();
    int status = 0;
    for (int i = 0; i < 300 && status != 200; i++) {
      try {
        status =
            client
                .send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/healthz"))
                        .build(),
                    HttpResponse.BodyHandlers.ofString())
                .statusCode();
      } catch (IOException notYet) {
        Thread.sleep(100);
      }
    }
    assertThat(status).isEqualTo(200);
  }

  private static int freePort() throws IOException {
    try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
