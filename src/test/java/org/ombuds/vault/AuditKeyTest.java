package org.ombuds.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AuditKeyTest {
  private static final byte[] ENTRY =
      "2025-11-25|alice|opened case c-1".getBytes(StandardCharsets.UTF_8);

  @TempDir Path dir;

  private boolean posix() {
    return dir.getFileSystem().supportedFileAttributeViews().contains("posix");
  }

  @Test
  void generate_thenLoad_givesAKeyWithTheSameTags() {
    Path file = dir.resolve("audit.key");
    AuditKey generated = AuditKey.generate(file);
    AuditKey loaded = AuditKey.load(file);
    assertThat(loaded.tag(ENTRY)).isEqualTo(generated.tag(ENTRY)).hasSize(32);
    assertThat(loaded.verify(ENTRY, generated.tag(ENTRY))).isTrue();
  }

  @Test
  void tag_isPlainHmacSha256_soStandardToolsCanCheckIt() throws Exception {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    Path file = dir.resolve("audit.key");
    Files.writeString(
        file, "ombuds-audit-key-v1 " + Base64.getEncoder().encodeToString(key) + "\n");
    restrictToOwner(file);
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(key, "HmacSHA256"));
    assertThat(AuditKey.load(file).tag(ENTRY)).isEqualTo(mac.doFinal(ENTRY));
  }

  @Test
  void generate_createsAFileOnlyItsOwnerCanReadOrWrite() throws IOException {
    assumeTrue(posix());
    Path file = dir.resolve("audit.key");
    AuditKey.generate(file);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
  }

  @Test
  void generate_refusesToOverwriteAnExistingFile() throws IOException {
    Path file = dir.resolve("audit.key");
    AuditKey first = AuditKey.generate(file);
    byte[] before = Files.readAllBytes(file);
    assertThatThrownBy(() -> AuditKey.generate(file))
        .isInstanceOf(VaultException.class)
        .hasMessageContaining("already exists")
        .hasNoCause();
    assertThat(Files.readAllBytes(file)).isEqualTo(before);
    assertThat(AuditKey.load(file).verify(ENTRY, first.tag(ENTRY))).isTrue();
  }

  @Test
  void generate_intoAMissingDirectory_failsClearly() {
    Path file = dir.resolve("no-such-dir").resolve("audit.key");
    assertThatThrownBy(() -> AuditKey.generate(file))
        .isInstanceOf(VaultException.class)
        .hasMessageContaining("could not be created");
  }

  @Test
  void verify_withAnotherKeysTag_isFalse() {
    AuditKey mine = AuditKey.generate(dir.resolve("a.key"));
    AuditKey other = AuditKey.generate(dir.resolve("b.key"));
    assertThat(mine.verify(ENTRY, other.tag(ENTRY))).isFalse();
  }

  @Test
  void verify_ofAlteredDataOrTag_isFalse() {
    AuditKey key = AuditKey.generate(dir.resolve("a.key"));
    byte[] tag = key.tag(ENTRY);
    byte[] altered = ENTRY.clone();
    altered[0] ^= 1;
    assertThat(key.verify(altered, tag)).isFalse();
    assertThat(key.verify(ENTRY, Ciphertexts.flipBit(tag, 31, 0))).isFalse();
    assertThat(key.verify(ENTRY, Ciphertexts.truncate(tag, 16))).isFalse();
    assertThat(key.verify(ENTRY, new byte[0])).isFalse();
  }

  @Test
  void load_ofMissingFile_saysItDoesNotExist() {
    Path file = dir.resolve("missing.key");
    assertThatThrownBy(() -> AuditKey.load(file))
        .isInstanceOf(VaultException.class)
        .hasMessageContaining("does not exist")
        .hasMessageContaining("missing.key")
        .hasNoCause();
  }

  @Test
  void load_ofADirectory_saysItCannotBeRead() {
    assertThatThrownBy(() -> AuditKey.load(dir))
        .isInstanceOf(VaultException.class)
        .hasMessageContaining("cannot be read");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "\n",
        "ombuds-audit-key-v1 ",
        "ombuds-audit-key-v1 AAAA\n",
        "ombuds-audit-key-v1 not base64 at all!!!!!!!!!!!!!!!!!!!!!!!!!!\n",
        "ombuds-audit-key-v2 AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n",
        "ombuds-audit-key-v1 AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\nsecond line\n",
        "ombuds-audit-key-v1 AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA==\n",
      })
  void load_ofMalformedFile_saysItIsMalformed(String content) throws IOException {
    Path file = dir.resolve("bad.key");
    Files.writeString(file, content);
    restrictToOwner(file);
    assertThatThrownBy(() -> AuditKey.load(file))
        .isInstanceOf(VaultException.class)
        .hasMessageContaining("malformed")
        .hasNoCause();
  }

  @Test
  void load_ofAHugeFile_saysItIsMalformed() throws IOException {
    Path file = dir.resolve("huge.key");
    Files.write(file, new byte[1 << 20]);
    restrictToOwner(file);
    assertThatThrownBy(() -> AuditKey.load(file))
        .isInstanceOf(VaultException.class)
        .hasMessageContaining("malformed");
  }

  @Test
  void load_ofAFileOthersCanRead_isRefused() throws IOException {
    assumeTrue(posix());
    Path file = dir.resolve("audit.key");
    AuditKey.generate(file);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    assertThatThrownBy(() -> AuditKey.load(file))
        .isInstanceOf(VaultException.class)
        .hasMessageContaining("chmod 600");
  }

  @Test
  void load_acceptsCrLfLineEnding() throws IOException {
    Path file = dir.resolve("audit.key");
    AuditKey generated = AuditKey.generate(file);
    String content = Files.readString(file).replace("\n", "\r\n");
    Files.writeString(file, content);
    assertThat(AuditKey.load(file).verify(ENTRY, generated.tag(ENTRY))).isTrue();
  }

  @Test
  void toString_isRedacted() {
    assertThat(AuditKey.generate(dir.resolve("a.key")).toString()).isEqualTo("[REDACTED]");
  }

  private void restrictToOwner(Path file) throws IOException {
    if (posix()) {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    }
  }
}
