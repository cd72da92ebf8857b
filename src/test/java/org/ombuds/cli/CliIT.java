package org.ombuds.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ombuds.testing.Proc;

/** The command line as an administrator uses it: the real jar in a real process. */
class CliIT {
  private static final Map<String, String> PASS =
      Map.of("OMBUDS_PASSPHRASE", "a long test passphrase");

  @TempDir Path tmp;

  private Path initOffice() {
    Path dir = tmp.resolve("office");
    Proc.Result r = Proc.ombuds(PASS, "init", "--data", dir.toString(), "--username", "jo");
    assertThat(r.exit()).as(r.err()).isZero();
    return dir;
  }

  @Test
  void help_and_version_exit_zero() {
    Proc.Result help = Proc.ombuds(Map.of(), "--help");
    assertThat(help.exit()).isZero();
    assertThat(help.out()).contains("init").contains("serve").contains("demo").contains("audit");
    Proc.Result version = Proc.ombuds(Map.of(), "--version");
    assertThat(version.exit()).isZero();
    assertThat(version.out()).startsWith("ombuds ");
  }

  @Test
  void init_creates_the_office_and_prints_the_recovery_key_once() {
    Path dir = tmp.resolve("office");
    Proc.Result r = Proc.ombuds(PASS, "init", "--data", dir.toString(), "--username", "jo");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("RECOVERY KEY");
    assertThat(Files.exists(dir.resolve("ombuds.db"))).isTrue();
    assertThat(Files.exists(dir.resolve("audit.key"))).isTrue();
    Proc.Result list = Proc.ombuds(Map.of(), "user", "list", "--data", dir.toString());
    assertThat(list.exit()).isZero();
    assertThat(list.out()).contains("jo");
  }

  @Test
  void init_refuses_bad_input_with_exit_2_and_leaves_nothing_behind() {
    Path dir = tmp.resolve("office");
    Proc.Result badName =
        Proc.ombuds(PASS, "init", "--data", dir.toString(), "--username", "Bad Name!");
    assertThat(badName.exit()).isEqualTo(2);
    assertThat(badName.err()).contains("username");
    Proc.Result weak =
        Proc.ombuds(
            Map.of("OMBUDS_PASSPHRASE", "short"),
            "init",
            "--data",
            dir.toString(),
            "--username",
            "jo");
    assertThat(weak.exit()).isEqualTo(2);
    assertThat(weak.err()).contains("too short");
    assertThat(Files.exists(dir)).as("no partial office").isFalse();
    Proc.Result noPass =
        Proc.ombuds(Map.of(), "init", "--data", dir.toString(), "--username", "jo");
    assertThat(noPass.exit()).isEqualTo(2);
    assertThat(noPass.err()).contains("OMBUDS_PASSPHRASE");
    Proc.Result missingArg = Proc.ombuds(PASS, "init", "--data", dir.toString());
    assertThat(missingArg.exit()).isEqualTo(2);
  }

  @Test
  void init_into_a_non_empty_directory_is_refused() throws IOException {
    Path dir = initOffice();
    Proc.Result again = Proc.ombuds(PASS, "init", "--data", dir.toString(), "--username", "jo");
    assertThat(again.exit()).isEqualTo(2);
    assertThat(again.err()).contains("not empty");
    Path other = tmp.resolve("other");
    Files.createDirectories(other);
    Files.writeString(other.resolve("keep.txt"), "mine");
    assertThat(Proc.ombuds(PASS, "init", "--data", other.toString(), "--username", "jo").exit())
        .isEqualTo(2);
    assertThat(Files.readString(other.resolve("keep.txt"))).isEqualTo("mine");
  }

  @Test
  void init_into_an_unwritable_place_fails_cleanly() throws IOException {
    Path locked = tmp.resolve("locked");
    Files.createDirectories(locked);
    Files.writeString(tmp.resolve("a-file"), "x");
    Proc.Result r =
        Proc.ombuds(
            PASS,
            "init",
            "--data",
            tmp.resolve("a-file").resolve("sub").toString(),
            "--username",
            "jo");
    assertThat(r.exit()).isIn(1, 2);
    assertThat(r.err())
        .startsWith("ombuds: ")
        .doesNotContain("Exception in thread")
        .doesNotContain("\tat ");
  }

  @Test
  void audit_verify_passes_on_an_intact_log_and_names_the_first_entry_edited_in_the_sqlite_file()
      throws SQLException {
    Path dir = initOffice();
    Proc.Result ok = Proc.ombuds(Map.of(), "audit", "verify", "--data", dir.toString());
    assertThat(ok.exit()).as(ok.err()).isZero();
    assertThat(ok.out()).contains("intact");

    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("ombuds.db"));
        Statement s = c.createStatement()) {
      s.executeUpdate("UPDATE audit_log SET actor = 'someone-else' WHERE seq = 2");
    }
    Proc.Result bad = Proc.ombuds(Map.of(), "audit", "verify", "--data", dir.toString());
    assertThat(bad.exit()).isEqualTo(3);
    assertThat(bad.err()).contains("#2");
  }

  @Test
  void audit_verify_catches_a_dropped_tail() throws SQLException {
    Path dir = initOffice();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("ombuds.db"));
        Statement s = c.createStatement()) {
      s.executeUpdate("DELETE FROM audit_log WHERE seq = (SELECT MAX(seq) FROM audit_log)");
    }
    Proc.Result bad = Proc.ombuds(Map.of(), "audit", "verify", "--data", dir.toString());
    assertThat(bad.exit()).isEqualTo(3);
  }

  @Test
  void a_missing_or_wrong_audit_key_gives_a_clear_message() throws IOException {
    Path dir = initOffice();
    Path key = dir.resolve("audit.key");
    byte[] original = Files.readAllBytes(key);
    Files.delete(key);
    Proc.Result missing = Proc.ombuds(Map.of(), "audit", "verify", "--data", dir.toString());
    assertThat(missing.exit()).isEqualTo(1);
    assertThat(missing.err()).contains("audit key");
    Files.writeString(key, "garbage");
    Proc.Result garbage = Proc.ombuds(Map.of(), "audit", "verify", "--data", dir.toString());
    assertThat(garbage.exit()).isEqualTo(1);
    assertThat(garbage.err()).contains("audit key").doesNotContain("\tat ");
    Path other = tmp.resolve("other-office");
    assertThat(Proc.ombuds(PASS, "init", "--data", other.toString(), "--username", "jo").exit())
        .isZero();
    Files.copy(other.resolve("audit.key"), key, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    assertThat(Proc.ombuds(Map.of(), "audit", "verify", "--data", dir.toString()).exit())
        .as("another office's key")
        .isEqualTo(3);
    Files.write(key, original);
    assertThat(Proc.ombuds(Map.of(), "audit", "verify", "--data", dir.toString()).exit()).isZero();
  }

  @Test
  void serve_answers_healthz_and_user_add_works_against_the_same_office() throws Exception {
    Path dir = initOffice();
    Proc.Result added =
        Proc.ombuds(
            Map.of(
                "OMBUDS_PASSPHRASE",
                "a long test passphrase",
                "OMBUDS_NEW_PASSPHRASE",
                "second long passphrase"),
            "user",
            "add",
            "--data",
            dir.toString(),
            "--username",
            "sam",
            "--as",
            "jo");
    assertThat(added.exit()).as(added.err()).isZero();
    Proc.Result wrong =
        Proc.ombuds(
            Map.of(
                "OMBUDS_PASSPHRASE",
                "not the right one at all",
                "OMBUDS_NEW_PASSPHRASE",
                "second long passphrase"),
            "user",
            "add",
            "--data",
            dir.toString(),
            "--username",
            "kim",
            "--as",
            "jo");
    assertThat(wrong.exit()).isEqualTo(2);

    int port = freePort();
    Path log = tmp.resolve("serve.log");
    Process p =
        Proc.start(
            Map.of(), log, "serve", "--data", dir.toString(), "--port", Integer.toString(port));
    try {
      HttpClient client = HttpClient.newHttpClient();
      int status = 0;
      for (int i = 0; i < 200 && status != 200; i++) {
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
      String login = "{\"username\":\"sam\",\"passphrase\":\"second long passphrase\"}";
      HttpResponse<String> r =
          client.send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/session"))
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString(login))
                  .timeout(Duration.ofSeconds(20))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).isEqualTo(200);
    } finally {
      p.destroy();
      p.waitFor();
    }
    assertThat(Files.readString(log))
        .contains("serving on http://127.0.0.1:" + port)
        .doesNotContain("second long passphrase");
    assertThat(Proc.ombuds(Map.of(), "audit", "verify", "--data", dir.toString()).exit()).isZero();
  }

  @Test
  void the_demo_serves_the_login_page_and_prints_its_account() throws Exception {
    int port = freePort();
    Path log = tmp.resolve("demo.log");
    Process p = Proc.start(Map.of(), log, "demo", "--port", Integer.toString(port));
    try {
      HttpClient client = HttpClient.newHttpClient();
      HttpResponse<String> page = null;
      for (int i = 0; i < 300 && (page == null || page.statusCode() != 200); i++) {
        try {
          page =
              client.send(
                  HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login")).build(),
                  HttpResponse.BodyHandlers.ofString());
        } catch (IOException notYet) {
          Thread.sleep(100);
        }
      }
      assertThat(page).isNotNull();
      assertThat(page.statusCode()).isEqualTo(200);
      assertThat(page.body()).contains("Log in");
      String out = Files.readString(log);
      Matcher m = Pattern.compile("passphrase '([^']+)'").matcher(out);
      assertThat(m.find()).as(out).isTrue();
      String body = "{\"username\":\"demo\",\"passphrase\":\"" + m.group(1) + "\"}";
      HttpResponse<String> session =
          client.send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/session"))
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString(body))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      String token = session.body().replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
      HttpResponse<String> cases =
          client.send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/cases"))
                  .header("Authorization", "Bearer " + token)
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(cases.body()).contains("Safety concerns in a small operations group");
    } finally {
      p.destroy();
      p.waitFor();
    }
  }

  private static int freePort() throws IOException {
    try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
