package org.ombuds.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The backup file format: round trip, and every way a file can be wrong, refused. */
class BackupEnvelopeTest {
  private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
  private static final byte[] CONTENT = content(2_500_000); // spans three 1 MiB segments

  @TempDir static Path tmp;
  private static int rings;
  private static BackupKeyRing shared;
  private static byte[] sharedFile;
  private BackupKeyRing ring;

  private static byte[] content(int n) {
    byte[] b = new byte[n];
    new SplittableRandom(42).nextBytes(b);
    return b;
  }

  @BeforeAll
  static void sharedBackup() throws IOException {
    shared = BackupKeyRing.create(tmp.resolve("shared"), 90, 30);
    sharedFile = encrypt(shared, NOW, CONTENT);
  }

  @BeforeEach
  void newRing() {
    ring = BackupKeyRing.create(tmp.resolve("ring-" + ++rings), 90, 30);
  }

  private static byte[] encrypt(BackupKeyRing ring, Instant now, byte[] content)
      throws IOException {
    ring.rotate(now);
    ByteArrayOutputStream file = new ByteArrayOutputStream();
    try (OutputStream out = BackupEnvelope.encrypt(ring, now, file)) {
      out.write(content);
    }
    return file.toByteArray();
  }

  private static byte[] decrypt(BackupKeyRing ring, Instant now, byte[] file) throws IOException {
    BackupEnvelope.Opened opened =
        BackupEnvelope.decrypt(ring, now, new ByteArrayInputStream(file));
    try (InputStream in = opened.content()) {
      return in.readAllBytes();
    }
  }

  @Test
  void round_trip_gives_back_the_content_and_the_header() throws IOException {
    byte[] file = encrypt(ring, NOW, CONTENT);
    assertThat(decrypt(ring, NOW.plus(Duration.ofDays(10)), file)).isEqualTo(CONTENT);
    BackupEnvelope.Opened opened =
        BackupEnvelope.decrypt(ring, NOW, new ByteArrayInputStream(file));
    assertThat(opened.header().createdAt()).isEqualTo(NOW);
    assertThat(opened.header().version()).isEqualTo(BackupEnvelope.VERSION);
  }

  @Test
  void the_file_holds_no_stretch_of_the_content_in_clear() throws IOException {
    byte[] file = encrypt(ring, NOW, CONTENT);
    byte[] probe = Arrays.copyOfRange(CONTENT, 1000, 1016);
    assertThat(indexOf(file, probe)).isNegative();
  }

  private static int indexOf(byte[] hay, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= hay.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (hay[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  static Stream<Integer> cuts() {
    // Every header length, around each segment boundary, and spread over the whole file.
    return Stream.of(
            IntStream.rangeClosed(0, 40).boxed(),
            Stream.of(1 << 20, (1 << 20) + 26, (1 << 20) + 60, 2 << 20, (2 << 20) + 100),
            IntStream.range(1, 40).map(i -> i * 64_000).boxed())
        .flatMap(s -> s);
  }

  @ParameterizedTest
  @MethodSource("cuts")
  void a_truncated_file_is_refused(int length) throws IOException {
    byte[] file = sharedFile.clone();
    byte[] cut = Arrays.copyOf(file, Math.min(length, file.length - 1));
    BackupException e =
        catchThrowableOfType(BackupException.class, () -> decrypt(shared, NOW, cut));
    assertThat(e).as("cut at %d", length).isNotNull();
    if (length >= BackupEnvelope.HEADER_BYTES) {
      assertThat(e.reason()).isEqualTo(BackupException.Reason.DAMAGED);
      assertThat(e.getMessage()).contains("truncated or was altered");
    }
  }

  @Test
  void a_file_missing_only_its_last_byte_is_refused() throws IOException {
    byte[] file = encrypt(ring, NOW, CONTENT);
    assertThatThrownBy(() -> decrypt(ring, NOW, Arrays.copyOf(file, file.length - 1)))
        .isInstanceOf(BackupException.class);
  }

  static Stream<Integer> flips() {
    return Stream.concat(
        IntStream.range(0, 60).boxed(), new SplittableRandom(7).ints(60, 60, 2_500_000).boxed());
  }

  @ParameterizedTest
  @MethodSource("flips")
  void one_flipped_byte_anywhere_is_refused(int position) throws IOException {
    byte[] file = sharedFile.clone();
    file[position] ^= 0x01;
    assertThatThrownBy(() -> decrypt(shared, NOW, file))
        .as("byte %d flipped", position)
        .isInstanceOf(BackupException.class);
  }

  @Test
  void a_flipped_byte_in_the_body_is_reported_as_damage() throws IOException {
    byte[] file = encrypt(ring, NOW, CONTENT);
    file[file.length / 2] ^= 0x40;
    BackupException e = catchThrowableOfType(BackupException.class, () -> decrypt(ring, NOW, file));
    assertThat(e.reason()).isEqualTo(BackupException.Reason.DAMAGED);
  }

  @Test
  void another_key_ring_is_refused_as_another_key() throws IOException {
    byte[] file = encrypt(ring, NOW, CONTENT);
    BackupKeyRing other = BackupKeyRing.create(tmp.resolve("other-" + ++rings), 90, 30);
    other.rotate(NOW);
    BackupException e =
        catchThrowableOfType(BackupException.class, () -> decrypt(other, NOW, file));
    assertThat(e.reason()).isEqualTo(BackupException.Reason.OTHER_KEY);
  }

  @Test
  void a_backup_whose_key_was_destroyed_on_expiry_cannot_be_read_even_without_the_date_check()
      throws IOException {
    byte[] file = encrypt(ring, NOW, CONTENT);
    Instant later = NOW.plus(Duration.ofDays(30 + 90 + 1));
    assertThat(ring.prune(later)).isEqualTo(1);
    BackupKeyRing reloaded = BackupKeyRing.load(ring.file());
    assertThat(reloaded.liveKeys()).isZero();
    // Even at the time it was made, the key is gone.
    BackupException e =
        catchThrowableOfType(BackupException.class, () -> decrypt(reloaded, NOW, file));
    assertThat(e.reason()).isEqualTo(BackupException.Reason.EXPIRED);
    assertThat(e.getMessage()).contains("destroyed");
  }

  @Test
  void a_backup_older_than_the_retention_is_refused_while_its_key_still_lives() throws IOException {
    byte[] file = encrypt(ring, NOW, CONTENT);
    Instant justInside = NOW.plus(Duration.ofDays(90));
    assertThat(decrypt(ring, justInside, file)).isEqualTo(CONTENT);
    BackupException e =
        catchThrowableOfType(
            BackupException.class, () -> decrypt(ring, justInside.plusSeconds(1), file));
    assertThat(e.reason()).isEqualTo(BackupException.Reason.EXPIRED);
  }

  @Test
  void another_format_version_is_refused_before_anything_is_decrypted() throws IOException {
    byte[] file = encrypt(ring, NOW, CONTENT);
    file[MAGIC_LENGTH + 1] = 2; // version 2, big-endian
    BackupException e = catchThrowableOfType(BackupException.class, () -> decrypt(ring, NOW, file));
    assertThat(e.reason()).isEqualTo(BackupException.Reason.WRONG_VERSION);
    assertThat(e.getMessage()).contains("version 2");
  }

  private static final int MAGIC_LENGTH = BackupEnvelope.MAGIC.length;

  @Test
  void a_file_that_is_not_a_backup_is_refused() {
    BackupException e =
        catchThrowableOfType(
            BackupException.class,
            () ->
                decrypt(
                    ring,
                    NOW,
                    "SQLite format 3\0...".getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
    assertThat(e.reason()).isEqualTo(BackupException.Reason.NOT_A_BACKUP);
  }

  @Test
  void messages_carry_no_key_or_content() throws IOException {
    byte[] file = encrypt(ring, NOW, CONTENT);
    file[file.length - 5] ^= 1;
    BackupException e = catchThrowableOfType(BackupException.class, () -> decrypt(ring, NOW, file));
    assertThat(e.getCause()).isNull();
    assertThat(e.getMessage()).doesNotContainPattern("[0-9a-f]{16}");
  }
}
