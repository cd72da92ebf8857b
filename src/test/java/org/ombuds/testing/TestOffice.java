package org.ombuds.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.ombuds.account.Username;
import org.ombuds.app.DataDir;
import org.ombuds.app.Office;
import org.ombuds.vault.Passphrase;
import org.ombuds.vault.RecoveryKey;
import org.ombuds.web.WebServer;

/** A real office in a temporary directory, optionally served on a free port. */
public final class TestOffice implements AutoCloseable {
  public static final String USERNAME = "ombuds";
  public static final String PASSPHRASE = "correct horse battery staple";

  /** A second Ombuds of the office, for recusal and hand-over tests ({@link #addColleague}). */
  public static final String COLLEAGUE = "bea";

  public static final String COLLEAGUE_PASSPHRASE = "bea's long passphrase";

  public final Path dir;
  public final Office office;
  public final RecoveryKey recoveryKey;
  private WebServer server;

  private TestOffice(Path dir, Office office, RecoveryKey recoveryKey) {
    this.dir = dir;
    this.office = office;
    this.recoveryKey = recoveryKey;
  }

  /** A new office on SQLite in a fresh temporary directory. */
  public static TestOffice create() {
    return create(Optional.empty(), Clock.systemUTC());
  }

  /** A new office on the given database (SQLite when empty). */
  public static TestOffice create(Optional<String> dbUrl, Clock clock) {
    try {
      Path dir = Files.createTempDirectory("ombuds-test-");
      try (Passphrase p = Passphrase.of(PASSPHRASE)) {
        Office.Created c = Office.init(new DataDir(dir), dbUrl, new Username(USERNAME), p, clock);
        return new TestOffice(dir, c.office(), c.created().recoveryKey());
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Adds {@link #COLLEAGUE} through {@code ombuds}'s session; returns the new account's id. */
  public static String addColleague(Http ombuds) {
    Http.Response r =
        ombuds.post(
            "/api/v1/accounts",
            java.util.Map.of("username", COLLEAGUE, "passphrase", COLLEAGUE_PASSPHRASE));
    if (r.status() != 201) {
      throw new AssertionError("adding the colleague answered " + r.status() + ": " + r.body());
    }
    return r.json().get("id").stringValue();
  }

  /**
   * Adds an account through {@code creator}'s session and, when it waits for a second Ombuds,
   * confirms it as {@code confirmer} (another active Ombuds); returns the new account's id.
   */
  public static String addConfirmed(
      Http creator, Http confirmer, String username, String passphrase) {
    Http.Response r =
        creator.post(
            "/api/v1/accounts", java.util.Map.of("username", username, "passphrase", passphrase));
    if (r.status() != 201) {
      throw new AssertionError("adding " + username + " answered " + r.status() + ": " + r.body());
    }
    if (r.json().has("pending")) {
      confirm(confirmer, r.json().get("pending").stringValue());
    }
    return r.json().get("id").stringValue();
  }

  /** Confirms a pending change as {@code confirmer}; fails unless it was applied. */
  public static void confirm(Http confirmer, String changeId) {
    Http.Response c = confirmer.post("/api/v1/office/changes/" + changeId + "/confirm", Map.of());
    if (c.status() != 200) {
      throw new AssertionError("confirming answered " + c.status() + ": " + c.body());
    }
  }

  /** The Ombuds who confirms accounts that {@link #addOmbuds} adds once the office has two. */
  public static final String CONFIRMER = "confirmer";

  public static final String CONFIRMER_PASSPHRASE = "the confirmer's long passphrase";

  /**
   * Adds an active Ombuds account through {@link #USERNAME}'s session (the office must be served);
   * returns its id. Once the office has more than one Ombuds a new account needs a second Ombuds'
   * confirmation: {@link #CONFIRMER}, added first for that, gives it.
   */
  public String addOmbuds(String username, String passphrase) {
    Http api = http().login(USERNAME, PASSPHRASE);
    if (!username.equals(CONFIRMER)
        && office.accounts().accounts().stream()
            .noneMatch(a -> a.username().value().equals(CONFIRMER))) {
      addOmbuds(CONFIRMER, CONFIRMER_PASSPHRASE);
    }
    Http.Response r =
        api.post(
            "/api/v1/accounts", java.util.Map.of("username", username, "passphrase", passphrase));
    if (r.status() != 201) {
      throw new AssertionError("adding " + username + " answered " + r.status() + ": " + r.body());
    }
    if (r.json().has("pending")) {
      Http confirmer = http().login(CONFIRMER, CONFIRMER_PASSPHRASE);
      Http.Response c =
          confirmer.post(
              "/api/v1/office/changes/" + r.json().get("pending").stringValue() + "/confirm",
              java.util.Map.of());
      if (c.status() != 200) {
        throw new AssertionError(
            "confirming " + username + " answered " + c.status() + ": " + c.body());
      }
    }
    return r.json().get("id").stringValue();
  }

  /** Serves the office on 127.0.0.1 and a free port. */
  public TestOffice serve() {
    server = new WebServer(office, WebServer.Options.plain()).start("127.0.0.1", 0);
    return this;
  }

  public WebServer server() {
    return server;
  }

  /** A client of the served office. */
  public Http http() {
    return new Http("http://127.0.0.1:" + server.port());
  }

  @Override
  public void close() {
    if (server != null) {
      server.stop();
    }
    office.close();
    Files2.deleteTree(dir);
  }
}
