package org.ombuds.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class OfficeFieldTest {
  private static final Vault VAULT = new Vault();
  private static final OfficeKeys KEYS = VAULT.createOffice().keys();
  private static final FieldRef TOTP = FieldRef.office("accounts", "totp_secret", "7");
  private static final byte[] PLAINTEXT = "office data".getBytes(StandardCharsets.UTF_8);

  @Test
  void encryptOffice_thenDecryptOffice_givesThePlaintext() {
    assertThat(VAULT.decryptOffice(KEYS, TOTP, VAULT.encryptOffice(KEYS, TOTP, PLAINTEXT)))
        .isEqualTo(PLAINTEXT);
    assertThat(VAULT.decryptOffice(KEYS, TOTP, VAULT.encryptOffice(KEYS, TOTP, new byte[0])))
        .isEmpty();
  }

  @Test
  void decryptOffice_withOtherFieldRef_fails() {
    byte[] ciphertext = VAULT.encryptOffice(KEYS, TOTP, PLAINTEXT);
    FieldRef otherRow = FieldRef.office("accounts", "totp_secret", "8");
    assertThatThrownBy(() -> VAULT.decryptOffice(KEYS, otherRow, ciphertext))
        .isInstanceOf(VaultException.class)
        .hasMessageContaining("office field")
        .hasNoCause();
  }

  @Test
  void decryptOffice_withOtherOfficeKeys_fails() {
    byte[] ciphertext = VAULT.encryptOffice(KEYS, TOTP, PLAINTEXT);
    OfficeKeys other = VAULT.createOffice().keys();
    assertThatThrownBy(() -> VAULT.decryptOffice(other, TOTP, ciphertext))
        .isInstanceOf(VaultException.class);
  }

  @Test
  void decryptOffice_withAnySingleFlippedBit_fails() {
    byte[] ciphertext = VAULT.encryptOffice(KEYS, TOTP, PLAINTEXT);
    qt().withFixedSeed(7L)
        .withExamples(200)
        .forAll(integers().between(0, ciphertext.length - 1), integers().between(0, 7))
        .checkAssert(
            (position, bit) ->
                assertThatThrownBy(
                        () ->
                            VAULT.decryptOffice(
                                KEYS, TOTP, Ciphertexts.flipBit(ciphertext, position, bit)))
                    .isInstanceOf(VaultException.class));
  }

  @Test
  void decryptOffice_ofTruncatedOrEmptyCiphertext_fails() {
    byte[] ciphertext = VAULT.encryptOffice(KEYS, TOTP, PLAINTEXT);
    for (int length = 0; length < ciphertext.length; length++) {
      byte[] truncated = Ciphertexts.truncate(ciphertext, length);
      assertThatThrownBy(() -> VAULT.decryptOffice(KEYS, TOTP, truncated))
          .isInstanceOf(VaultException.class);
    }
  }

  @Test
  void officeFunctions_refuseACaseField() {
    FieldRef caseField = FieldRef.inCase("c-1", "accounts", "totp_secret", "7");
    assertThatThrownBy(() -> VAULT.encryptOffice(KEYS, caseField, PLAINTEXT))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> VAULT.decryptOffice(KEYS, caseField, new byte[40]))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void failureMessage_carriesNoCiphertextOrPlaintext() {
    byte[] ciphertext = VAULT.encryptOffice(KEYS, TOTP, PLAINTEXT);
    FieldRef other = FieldRef.office("accounts", "totp_secret", "9");
    assertThatThrownBy(() -> VAULT.decryptOffice(KEYS, other, ciphertext))
        .isInstanceOf(VaultException.class)
        .hasNoCause()
        .satisfies(
            e -> {
              assertThat(e.getMessage()).doesNotContain("office data");
              assertThat(e.getMessage()).doesNotContainPattern("[0-9a-fA-F]{16}");
              assertThat(e.getMessage()).doesNotContainPattern("[A-Za-z0-9+/]{20}");
              assertThat(e.getSuppressed()).isEmpty();
            });
  }
}
