package org.ombuds.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FileAuditAnchorTest {

  private static final String HASH_HEX = "00112233445566778899aabbccddeeff".repeat(2);
  private static final String VALID =
      "ombuds-audit-head v1\nseq=42\nhash=" + HASH_HEX + "\nmac=abcd\n";

  @TempDir Path dir;

  private static AuditAnchor.Head head(long seq, int fill) {
    byte[] hash = new byte[32];
    java.util.Arrays.fill(hash, (byte) fill);
    return new AuditAnchor.Head(seq, hash, new byte[] {(byte) fill, 1, 2});
  }

  @Test
  void readsEmptyWhenTheFileDoesNotExist() {
    assertThat(new FileAuditAnchor(dir.resolve("audit.head")).read()).isEmpty();
  }

  @Test
  void readsBackWhatItWrote() {
    FileAuditAnchor anchor = new FileAuditAnchor(dir.resolve("audit.head"));

    anchor.write(head(7, 0x5a));

    assertThat(anchor.read()).contains(head(7, 0x5a));
  }

  @Test
  void aSecondWriteReplacesTheFirst() {
    FileAuditAnchor anchor = new FileAuditAnchor(dir.resolve("audit.head"));

    anchor.write(head(7, 1));
    anchor.write(head(8, 2));

    assertThat(anchor.read()).contains(head(8, 2));
    assertThat(new FileAuditAnchor(dir.resolve("audit.head")).read()).contains(head(8, 2));
  }

  @Test
  void writesTheDocumentedTextFormat() throws IOException {
    Path file = dir.resolve("audit.head");

    new FileAuditAnchor(file)
        .write(
            new AuditAnchor.Head(
                42,
                java.util.HexFormat.of().parseHex(HASH_HEX),
                new byte[] {(byte) 0xab, (byte) 0xcd}));

    assertThat(Files.readString(file)).isEqualTo(VALID);
  }

  @Test
  void leavesNoTemporaryFileBehind() throws IOException {
    FileAuditAnchor anchor = new FileAuditAnchor(dir.resolve("audit.head"));

    for (int i = 1; i <= 5; i++) {
      anchor.write(head(i, i));
    }

    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files).containsExactly(dir.resolve("audit.head"));
    }
  }

  @Test
  void theFileIsReadableByItsOwnerOnly() throws IOException {
    Path file = dir.resolve("audit.head");
    assumeTrue(file.getFileSystem().supportedFileAttributeViews().contains("posix"));

    new FileAuditAnchor(file).write(head(1, 1));

    assertThat(Files.getPosixFilePermissions(file))
        .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
  }

  @Test
  void reportsAWriteIntoAMissingDirectory() {
    FileAuditAnchor anchor = new FileAuditAnchor(dir.resolve("missing").resolve("audit.head"));

    assertThatThrownBy(() -> anchor.write(head(1, 1)))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining("cannot write");
  }

  static Stream<Arguments> malformedFiles() {
    return Stream.of(
        Arguments.of("empty file", ""),
        Arguments.of("garbage", "hello\n"),
        Arguments.of("no trailing newline", VALID.strip()),
        Arguments.of("wrong version", VALID.replace("v1", "v2")),
        Arguments.of("missing mac line", VALID.substring(0, VALID.indexOf("mac="))),
        Arguments.of("extra line", VALID + "more=1\n"),
        Arguments.of(
            "lines reordered",
            VALID.replace("seq=42\nhash=" + HASH_HEX, "hash=" + HASH_HEX + "\nseq=42")),
        Arguments.of("seq zero", VALID.replace("seq=42", "seq=0")),
        Arguments.of("seq negative", VALID.replace("seq=42", "seq=-42")),
        Arguments.of("seq with sign", VALID.replace("seq=42", "seq=+42")),
        Arguments.of("seq with leading zero", VALID.replace("seq=42", "seq=042")),
        Arguments.of("seq not a number", VALID.replace("seq=42", "seq=4x")),
        Arguments.of("seq too large", VALID.replace("seq=42", "seq=99999999999999999999")),
        Arguments.of("hash too short", VALID.replace(HASH_HEX, HASH_HEX.substring(2))),
        Arguments.of("hash odd length", VALID.replace(HASH_HEX, HASH_HEX.substring(1))),
        Arguments.of(
            "hash upper case",
            VALID.replace(HASH_HEX, HASH_HEX.toUpperCase(java.util.Locale.ROOT))),
        Arguments.of("mac empty", VALID.replace("mac=abcd", "mac=")),
        Arguments.of("mac not hex", VALID.replace("mac=abcd", "mac=zz")),
        Arguments.of("windows line ends", VALID.replace("\n", "\r\n")),
        Arguments.of("space after value", VALID.replace("seq=42", "seq=42 ")),
        Arguments.of("non-ascii", VALID.replace("mac=abcd", "mac=ab\u00e9")),
        Arguments.of("too large", VALID + "x".repeat(2000)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformedFiles")
  void reportsAMalformedFileInsteadOfIgnoringIt(String description, String content)
      throws IOException {
    Path file = dir.resolve("audit.head");
    Files.writeString(file, content, StandardCharsets.UTF_8);

    assertThatThrownBy(() -> new FileAuditAnchor(file).read())
        .isInstanceOf(MalformedAnchorException.class)
        .hasMessageStartingWith("the audit head file is malformed");
  }

  @Test
  void acceptsTheWellFormedVersionOfThoseFiles() throws IOException {
    Path file = dir.resolve("audit.head");
    Files.writeString(file, VALID, StandardCharsets.US_ASCII);

    assertThat(new FileAuditAnchor(file).read())
        .hasValueSatisfying(h -> assertThat(h.seq()).isEqualTo(42));
  }
}
