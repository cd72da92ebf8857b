package org.ombuds.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ombuds.testing.Http;
import org.ombuds.testing.Proc;
import tools.jackson.databind.JsonNode;

/** Backup and restore as an administrator runs them: the real jar, beside a running server. */
class BackupCliIT {
  private static final String PASSPHRASE = "a long test passphrase";
  private static final Map<String, String> PASS = Map.of("OMBUDS_PASSPHRASE", PASSPHRASE);

  @TempDir Path tmp;

  private Path initOffice() {
    Path dir = tmp.resolve("office");
    Proc.Result r = Proc.ombuds(PASS, "init", "--data", dir.toString(), "--username", "jo");
    assertThat(r.exit()).as(r.err()).isZero();
    return dir;
  }

  private Path newRing(String name) {
    Path ring = tmp.resolve(name);
    Proc.Result r = Proc.ombuds(Map.of(), "backup-key", "new", "--out", ring.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    return ring;
  }

  private Proc.Result backup(Path dir, Path ring, Path out) {
    return Proc.ombuds(
        Map.of(),
        "backup",
        "--data",
        dir.toString(),
        "--out",
        out.toString(),
        "--key",
        ring.toString());
  }

  private Proc.Result restore(Path from, Path ring, Path into, Path auditKey) {
    return Proc.ombuds(
        Map.of(),
        "restore",
        "--from",
        from.toString(),
        "--data",
        into.toString(),
        "--key",
        ring.toString(),
        "--audit-key",
        auditKey.toString());
  }

  @Test
  void a_backup_taken_while_notes_are_written_restores_into_an_office_that_serves_the_case()
      throws Exception {
    Path dir = initOffice();
    Path ring = newRing("ring.key");
    Path file = tmp.resolve("office.obk");
    int port = freePort();
    Process server =
        Proc.start(
            Map.of(),
            tmp.resolve("serve1.log"),
            "serve",
            "--data",
            dir.toString(),
            "--port",
            Integer.toString(port));
    String caseId;
    List<String> beforeBackup = new ArrayList<>();
    try {
      Http http = waitForServer(port).login("jo", PASSPHRASE);
      caseId =
          http.post(
                  "/api/v1/cases",
                  Map.of(
                      "title",
                      "Backup while serving",
                      "categories",
                      List.of(),
                      "workUnit",
                      Map.of("name", "Unit", "size", 12)))
              .json()
              .get("id")
              .stringValue();
      for (int i = 0; i < 20; i++) {
        beforeBackup.add(note(http, caseId, "before " + i));
      }
      AtomicBoolean writing = new AtomicBoolean(true);
      List<String> during = Collections.synchronizedList(new ArrayList<>());
      Thread writer =
          new Thread(
              () -> {
                int i = 0;
                while (writing.get()) {
                  during.add(note(http, caseId, "during " + i++));
                }
              });
      writer.start();
      Proc.Result b = backup(dir, ring, file);
      writing.set(false);
      writer.join();
      assertThat(b.exit()).as(b.err()).isZero();
      assertThat(b.out()).contains("Backup written");
      assertThat(b.err()).contains("backup: 100%");
      assertThat(during).as("notes were written during the backup").isNotEmpty();
    } finally {
      server.destroy();
      server.waitFor(20, TimeUnit.SECONDS);
    }
    assertThat(new String(Files.readAllBytes(file), 0, 8, UTF8)).isEqualTo("OMBDBKUP");
    assertThat(
            java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    try (Stream<Path> s = Files.list(dir)) {
      assertThat(s.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains("partial"));
    }

    Path restored = tmp.resolve("restored");
    Proc.Result r = restore(file, ring, restored, dir.resolve("audit.key"));
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("audit log intact");
    Proc.Result verify = Proc.ombuds(Map.of(), "audit", "verify", "--data", restored.toString());
    assertThat(verify.exit()).as(verify.err()).isZero();

    int port2 = freePort();
    Process again =
        Proc.start(
            Map.of(),
            tmp.resolve("serve2.log"),
            "serve",
            "--data",
            restored.toString(),
            "--port",
            Integer.toString(port2));
    try {
      Http http = waitForServer(port2).login("jo", PASSPHRASE);
      JsonNode c = http.get("/api/v1/cases/" + caseId).json();
      assertThat(c.get("title").stringValue()).isEqualTo("Backup while serving");
      List<String> stored = new ArrayList<>();
      c.get("notes").values().forEach(n -> stored.add(n.get("id").stringValue()));
      assertThat(stored).containsAll(beforeBackup);
      // The restored office works on: a new note is accepted and the log still verifies.
      note(http, caseId, "after the restore");
    } finally {
      again.destroy();
      again.waitFor(20, TimeUnit.SECONDS);
    }
    assertThat(Proc.ombuds(Map.of(), "audit", "verify", "--data", restored.toString()).exit())
        .isZero();
  }

  private static final java.nio.charset.Charset UTF8 = java.nio.charset.StandardCharsets.UTF_8;

  private static String note(Http http, String caseId, String text) {
    Http.Response r = http.post("/api/v1/cases/" + caseId + "/notes", Map.of("text", text));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json().get("id").stringValue();
  }

  @Test
  void damaged_other_key_and_misdirected_restores_are_refused_and_leave_nothing_behind()
      throws IOException {
    Path dir = initOffice();
    Path ring = newRing("ring.key");
    Path file = tmp.resolve("office.obk");
    assertThat(backup(dir, ring, file).exit()).isZero();
    assertThat(backup(dir, ring, file).exit()).as("never overwrites a backup").isEqualTo(2);
    byte[] good = Files.readAllBytes(file);
    Path key = dir.resolve("audit.key");
    Path target = tmp.resolve("restored");

    Path flipped = tmp.resolve("flipped.obk");
    byte[] bad = good.clone();
    bad[bad.length / 2] ^= 0x10;
    Files.write(flipped, bad);
    Proc.Result r1 = restore(flipped, ring, target, key);
    assertThat(r1.exit()).isEqualTo(3);
    assertThat(r1.err()).contains("truncated or was altered").doesNotContain("\tat ");
    assertNothingLeft(target);

    Path truncated = tmp.resolve("truncated.obk");
    Files.write(truncated, java.util.Arrays.copyOf(good, good.length - 100));
    Proc.Result r2 = restore(truncated, ring, target, key);
    assertThat(r2.exit()).isEqualTo(3);
    assertNothingLeft(target);

    Path otherRing = newRing("other.key");
    Proc.Result r3 = restore(file, otherRing, target, key);
    assertThat(r3.exit()).isEqualTo(2);
    assertThat(r3.err()).contains("key that is not in this backup key file");
    assertNothingLeft(target);

    Path otherOffice = tmp.resolve("other-office");
    assertThat(
            Proc.ombuds(PASS, "init", "--data", otherOffice.toString(), "--username", "jo").exit())
        .isZero();
    Proc.Result r4 = restore(file, ring, target, otherOffice.resolve("audit.key"));
    assertThat(r4.exit()).as("another office's audit key").isEqualTo(3);
    assertThat(r4.err()).contains("does not verify");
    assertNothingLeft(target);

    Files.createDirectories(target);
    Files.writeString(target.resolve("keep.txt"), "mine");
    Proc.Result r5 = restore(file, ring, target, key);
    assertThat(r5.exit()).isEqualTo(2);
    assertThat(r5.err()).contains("not empty");
    assertThat(Files.readString(target.resolve("keep.txt"))).isEqualTo("mine");
  }

  @Test
  void migrate_interrupted_by_the_test_hook_then_run_again_moves_the_office_to_postgres() {
    Path dir = initOffice();
    String pg = org.ombuds.testing.Postgres.newDatabase();
    List<String> cmd =
        new ArrayList<>(
            List.of(
                Proc.java().toString(),
                "-D" + MigrateCommand.FAIL_AFTER_TABLES + "=2",
                "-jar",
                Proc.jar().toString(),
                "migrate",
                "--data",
                dir.toString(),
                "--to",
                pg));
    Proc.Result interrupted = Proc.run(cmd, Map.of(), Map.of());
    assertThat(interrupted.exit()).isEqualTo(1);
    assertThat(interrupted.err()).contains("Stopped after 2 tables");
    assertThat(dir.resolve("ombuds.db")).exists();
    assertThat(Proc.ombuds(Map.of(), "audit", "verify", "--data", dir.toString()).exit()).isZero();

    Proc.Result done = Proc.ombuds(Map.of(), "migrate", "--data", dir.toString(), "--to", pg);
    assertThat(done.exit()).as(done.err()).isZero();
    assertThat(done.out()).contains("now uses the new database").contains("migrated-");
    assertThat(dir.resolve("ombuds.db")).doesNotExist();
    Proc.Result verify = Proc.ombuds(Map.of(), "audit", "verify", "--data", dir.toString());
    assertThat(verify.exit()).as(verify.err()).isZero();
    Proc.Result users = Proc.ombuds(Map.of(), "user", "list", "--data", dir.toString());
    assertThat(users.out()).contains("jo");

    Proc.Result again = Proc.ombuds(Map.of(), "migrate", "--data", dir.toString(), "--to", pg);
    assertThat(again.exit()).isEqualTo(2);
    assertThat(again.err()).contains("already uses");
  }

  private void assertNothingLeft(Path target) throws IOException {
    assertThat(target).doesNotExist();
    try (Stream<Path> s = Files.list(tmp)) {
      assertThat(s.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains("restoring"));
    }
  }

  private static Http waitForServer(int port) throws InterruptedException {
    Http http = new Http("http://127.0.0.1:" + port);
    for (int i = 0; i < 300; i++) {
      try {
        if (http.get("/healthz").status() == 200) {
          return http;
        }
      } catch (RuntimeException notYet) {
        // Not listening yet.
      }
      Thread.sleep(100);
    }
    throw new AssertionError("server did not start");
  }

  private static int freePort() throws IOException {
    try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
