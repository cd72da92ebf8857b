package org.ombuds.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.ombuds.testing.Http;
import org.ombuds.testing.TestOffice;

/**
 * Writes known strings through the real server, then reads every byte of every file in the data
 * directory: none of the strings may be there in clear, in any common encoding.
 */
class DataDirScanIT {
  private static final List<String> KNOWN =
      List.of(
          "Quokkafjord Nightingale",
          "Zyxwvut the supervisor shouted in lab 4",
          "Operations Unit Tarragon",
          "She fears retaliation from Brannigan");

  @Test
  void no_known_string_is_found_in_clear_anywhere_in_the_data_dir() throws IOException {
    TestOffice t = TestOffice.create().serve();
    List<String> secrets = new ArrayList<>(KNOWN);
    secrets.add(TestOffice.PASSPHRASE);
    secrets.add(t.recoveryKey.reveal());
    try {
      Http http = t.http().login(TestOffice.USERNAME, TestOffice.PASSPHRASE);
      String id =
          http.post(
                  "/api/v1/cases",
                  Map.of(
                      "title",
                      KNOWN.get(0),
                      "categories",
                      List.of("2b"),
                      "workUnit",
                      Map.of("name", KNOWN.get(2), "size", 7)))
              .json()
              .get("id")
              .stringValue();
      http.post("/api/v1/cases/" + id + "/notes", Map.of("text", KNOWN.get(1)));
      http.post("/api/v1/cases/" + id + "/notes", Map.of("text", KNOWN.get(3)));
      secrets.add(http.token());
      assertThat(http.get("/api/v1/cases/" + id).body()).contains(KNOWN.get(1));
      assertNoneInClear(t.dir, secrets);
    } finally {
      t.close();
    }
  }

  @Test
  void the_scan_would_find_a_string_written_in_clear() throws IOException {
    // The negative control: the same scan does see plaintext when it is there.
    try (TestOffice t = TestOffice.create()) {
      Files.writeString(t.dir.resolve("stray.txt"), "prefix " + KNOWN.get(0) + " suffix");
      assertThat(findings(t.dir, List.of(KNOWN.get(0)))).isNotEmpty();
    }
  }

  static void assertNoneInClear(Path dir, List<String> secrets) throws IOException {
    assertThat(findings(dir, secrets)).isEmpty();
  }

  static List<String> findingsFor(Path dir, List<String> secrets) {
    try {
      return findings(dir, secrets);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static List<String> findings(Path dir, List<String> secrets) throws IOException {
    List<String> found = new ArrayList<>();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        byte[] content;
        try {
          content = Files.readAllBytes(f);
        } catch (java.nio.file.NoSuchFileException gone) {
          // The audit head's temporary file, renamed away between listing and reading: its
          // content is the head file's, which the walk reads too (or the next head write).
          continue;
        }
        for (String s : secrets) {
          for (String variant :
              List.of(s, s.toLowerCase(Locale.ROOT), s.toUpperCase(Locale.ROOT))) {
            if (contains(content, variant.getBytes(StandardCharsets.UTF_8))
                || contains(content, variant.getBytes(StandardCharsets.UTF_16LE))
                || contains(content, variant.getBytes(StandardCharsets.UTF_16BE))) {
              found.add(f.getFileName() + " holds a known string");
            }
          }
        }
      }
    }
    return found;
  }

  private static boolean contains(byte[] hay, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= hay.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (hay[i + j] != needle[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }
}
