package org.ombuds.vault;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every type that holds a secret prints [REDACTED], and nothing of the secret. */
class RedactionTest {
  @TempDir Path dir;

  @Test
  void everySecretHoldingType_printsRedacted() {
    Vault vault = new Vault();
    Vault.NewOffice office = vault.createOffice();
    TotpSecret totp = Totp.newSecret(new SecureRandom());
    try (Passphrase passphrase = Passphrase.of("correct horse battery staple")) {
      List<Object> secrets =
          List.of(
              passphrase,
              office.recoveryKey(),
              office.keys(),
              office,
              totp,
              AuditKey.generate(dir.resolve("audit.key")),
              vault.openCase(office.keys(), "c-1", vault.newCaseKey(office.keys(), "c-1")));
      for (Object secret : secrets) {
        assertThat(secret.toString()).as(secret.getClass().getSimpleName()).isEqualTo("[REDACTED]");
        assertThat(String.valueOf(secret)).isEqualTo("[REDACTED]");
      }
      assertThat(List.of(office.recoveryKey(), totp).toString())
          .doesNotContain(office.recoveryKey().reveal())
          .doesNotContain(totp.base32());
    }
  }
}
