package org.ombuds.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ombuds.testing.Http;
import org.ombuds.testing.Proc;
import tools.jackson.databind.JsonNode;

/**
 * A crash at any moment loses no acknowledged write and leaves the audit log verifiable: the real
 * server is killed with SIGKILL in the middle of a stream of note writes.
 */
class CrashIT {
  /** Acknowledged writes before the kill: enough that the kill lands in a steady flow of them. */
  private static final int KILL_AFTER = 50;

  private static final Map<String, String> PASS =
      Map.of("OMBUDS_PASSPHRASE", "a long test passphrase");

  @TempDir Path tmp;

  @Test
  void sigkill_during_writes_loses_no_acknowledged_note_and_the_audit_log_verifies()
      throws Exception {
    Path dir = tmp.resolve("office");
    assertThat(Proc.ombuds(PASS, "init", "--data", dir.toString(), "--username", "jo").exit())
        .isZero();
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
    List<String> acknowledged = new ArrayList<>();
    String caseId;
    try {
      Http http = waitForServer(port).login("jo", "a long test passphrase");
      caseId =
          http.post(
                  "/api/v1/cases",
                  Map.of(
                      "title",
                      "Crash test",
                      "categories",
                      List.of(),
                      "workUnit",
                      Map.of("name", "U", "size", 5)))
              .json()
              .get("id")
              .stringValue();
      // The kill comes once writes are flowing (a condition, not a fixed delay): after the
      // KILL_AFTER-th acknowledgement, from another thread, while the next writes are in flight.
      java.util.concurrent.CountDownLatch flowing = new java.util.concurrent.CountDownLatch(1);
      Thread killer =
          new Thread(
              () -> {
                try {
                  flowing.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
                server.destroyForcibly();
              });
      killer.start();
      for (int i = 0; i < 100_000 && server.isAlive(); i++) {
        try {
          Http.Response r =
              http.post("/api/v1/cases/" + caseId + "/notes", Map.of("text", "note number " + i));
          if (r.status() == 201) {
            acknowledged.add(r.json().get("id").stringValue());
            if (acknowledged.size() == KILL_AFTER) {
              flowing.countDown();
            }
          }
        } catch (RuntimeException connectionLost) {
          break;
        }
      }
      killer.join();
    } finally {
      server.destroyForcibly();
      server.waitFor(10, TimeUnit.SECONDS);
    }
    assertThat(acknowledged).as("some writes were acknowledged before the kill").isNotEmpty();

    Proc.Result verify = Proc.ombuds(Map.of(), "audit", "verify", "--data", dir.toString());
    assertThat(verify.exit()).as(verify.out() + verify.err()).isZero();

    int port2 = freePort();
    Process again =
        Proc.start(
            Map.of(),
            tmp.resolve("serve2.log"),
            "serve",
            "--data",
            dir.toString(),
            "--port",
            Integer.toString(port2));
    try {
      Http http = waitForServer(port2).login("jo", "a long test passphrase");
      JsonNode notes = http.get("/api/v1/cases/" + caseId).json().get("notes");
      List<String> stored = new ArrayList<>();
      notes.values().forEach(n -> stored.add(n.get("id").stringValue()));
      assertThat(stored).containsAll(acknowledged);
    } finally {
      again.destroy();
      again.waitFor(10, TimeUnit.SECONDS);
    }
    assertThat(Proc.ombuds(Map.of(), "audit", "verify", "--data", dir.toString()).exit()).isZero();
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
