package org.ombuds.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import org.ombuds.account.LoginResult;
import org.ombuds.account.Username;
import org.ombuds.app.DataDir;
import org.ombuds.app.Office;
import org.ombuds.testing.Files2;
import org.ombuds.vault.Passphrase;

/**
 * What the benchmarks share: a 2 KB note, scratch directories and a real office with a logged-in
 * Ombuds.
 *
 * <p>Scratch directories are made under {@code java.io.tmpdir}: put it on the disk the office would
 * live on (pass {@code -jvmArgsAppend -Djava.io.tmpdir=...} to JMH), since every durable write here
 * is dominated by fsync and a tmpfs would make it free.
 */
final class BenchSupport {
  static final String USERNAME = "bench";
  static final String PASSPHRASE = "bench passphrase 123";

  /** The size of the note the benchmarks write. */
  static final int NOTE_BYTES = 2048;

  private BenchSupport() {}

  /** A 2 KB ASCII note (so 2048 UTF-8 bytes): plausible prose, the same on every run. */
  static String noteText() {
    String sentence =
        "The visitor described a recurring conflict with a supervisor over shift assignments"
            + " and asked how to raise it informally before any formal step is taken. ";
    StringBuilder b = new StringBuilder(NOTE_BYTES);
    while (b.length() < NOTE_BYTES) {
      b.append(sentence);
    }
    b.setLength(NOTE_BYTES);
    String text = b.toString();
    if (text.getBytes(StandardCharsets.UTF_8).length != NOTE_BYTES) {
      throw new IllegalStateException("the note is not " + NOTE_BYTES + " bytes");
    }
    return text;
  }

  static Path tempDir(String prefix) {
    try {
      return Files.createTempDirectory("ombuds-bench-" + prefix + "-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void delete(Path dir) {
    if (dir != null) {
      Files2.deleteTree(dir);
    }
  }

  /** A new office on SQLite in {@code dir} (which must not exist or be empty). */
  static Office newOffice(Path dir) {
    try (Passphrase p = Passphrase.of(PASSPHRASE)) {
      return Office.init(
              new DataDir(dir), Optional.empty(), new Username(USERNAME), p, Clock.systemUTC())
          .office();
    }
  }

  /** Logs the office's Ombuds in (which unlocks the office); returns the account id. */
  static String login(Office office) {
    try (Passphrase p = Passphrase.of(PASSPHRASE)) {
      LoginResult r = office.accounts().login(USERNAME, p, Optional.empty());
      if (!(r instanceof LoginResult.LoggedIn in)) {
        throw new IllegalStateException("the bench Ombuds could not log in: " + r);
      }
      return in.account().id();
    }
  }
}
