package org.ombuds.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerKeyTest {
  private static final String SECRET = "smtp password";

  @TempDir Path dir;

  private boolean posix() {
    return dir.getFileSystem().supportedFileAttributeViews().contains("posix");
  }

  @Test
  void sealed_opens_with_the_same_key_file_for_the_same_place() {
    Path file = dir.resolve("server.key");
    byte[] sealed = ServerKey.loadOrCreate(file).seal("smtp-password", SECRET);
    assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain(SECRET);
    assertThat(ServerKey.loadOrCreate(file).open("smtp-password", sealed)).isEqualTo(SECRET);
  }

  @Test
  void the_file_is_created_owner_only_and_never_replaced() throws Exception {
    assumeTrue(posix());
    Path file = dir.resolve("server.key");
    ServerKey.loadOrCreate(file);
    byte[] first = Files.readAllBytes(file);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    ServerKey.loadOrCreate(file);
    assertThat(Files.readAllBytes(file)).isEqualTo(first);
  }

  @Test
  void another_place_another_key_or_a_changed_byte_does_not_open() {
    byte[] sealed = ServerKey.loadOrCreate(dir.resolve("a.key")).seal("smtp-password", SECRET);
    ServerKey a = ServerKey.loadOrCreate(dir.resolve("a.key"));
    assertThatThrownBy(() -> a.open("other-place", sealed)).isInstanceOf(VaultException.class);
    ServerKey b = ServerKey.loadOrCreate(dir.resolve("b.key"));
    assertThatThrownBy(() -> b.open("smtp-password", sealed)).isInstanceOf(VaultException.class);
    for (int i = 0; i < sealed.length; i++) {
      byte[] tampered = sealed.clone();
      tampered[i] ^= 1;
      assertThatThrownBy(() -> a.open("smtp-password", tampered))
          .isInstanceOf(VaultException.class);
    }
  }

  @Test
  void a_file_other_users_may_read_or_a_malformed_file_is_refused() throws Exception {
    Path malformed = dir.resolve("bad.key");
    Files.writeString(malformed, "ombuds-server-key-v1 not-base64!\n");
    if (posix()) {
      Files.setPosixFilePermissions(malformed, PosixFilePermissions.fromString("rw-------"));
    }
    assertThatThrownBy(() -> ServerKey.loadOrCreate(malformed))
        .isInstanceOf(VaultException.class)
        .hasMessageContaining("malformed");
    assumeTrue(posix());
    Path open = dir.resolve("open.key");
    ServerKey.loadOrCreate(open);
    Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rw-r--r--"));
    assertThatThrownBy(() -> ServerKey.loadOrCreate(open))
        .isInstanceOf(VaultException.class)
        .hasMessageContaining("chmod 600");
  }

  @Test
  void it_prints_redacted() {
    assertThat(ServerKey.loadOrCreate(dir.resolve("server.key")).toString())
        .isEqualTo("[REDACTED]");
  }
}
