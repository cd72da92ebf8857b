package org.ombuds.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.strings;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CaseCipherTest {
  private static final Vault VAULT = new Vault();
  private static final Vault.NewOffice OFFICE = VAULT.createOffice();
  private static final byte[] WRAPPED_A = VAULT.newCaseKey(OFFICE.keys(), "case-a");
  private static final byte[] WRAPPED_B = VAULT.newCaseKey(OFFICE.keys(), "case-b");
  private static final CaseCipher CASE_A = VAULT.openCase(OFFICE.keys(), "case-a", WRAPPED_A);
  private static final CaseCipher CASE_B = VAULT.openCase(OFFICE.keys(), "case-b", WRAPPED_B);
  private static final FieldRef NOTE = FieldRef.inCase("case-a", "notes", "body", "1");

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "a", "Visitor said: «je ne veux pas être nommée» 🙊", "x\u0000y"})
  void encryptString_thenDecryptString_givesTheText(String text) {
    assertThat(CASE_A.decryptString(NOTE, CASE_A.encryptString(NOTE, text))).isEqualTo(text);
  }

  @Test
  void encrypt_thenDecrypt_givesTheBytes_forAnyText() {
    qt().withFixedSeed(20251125L)
        .withExamples(200)
        .forAll(strings().allPossible().ofLengthBetween(0, 300))
        .checkAssert(
            text ->
                assertThat(CASE_A.decrypt(NOTE, CASE_A.encrypt(NOTE, utf8(text))))
                    .isEqualTo(utf8(text)));
  }

  @Test
  void encrypt_isRandomised_andHidesThePlaintext() {
    byte[] first = CASE_A.encryptString(NOTE, "the same secret");
    byte[] second = CASE_A.encryptString(NOTE, "the same secret");
    assertThat(first).isNotEqualTo(second);
    assertThat(new String(first, StandardCharsets.ISO_8859_1)).doesNotContain("secret");
  }

  @Test
  void openCase_thenDecrypt_worksAcrossCipherInstances() {
    byte[] ciphertext = CASE_A.encryptString(NOTE, "kept");
    CaseCipher reopened = VAULT.openCase(OFFICE.keys(), "case-a", WRAPPED_A);
    assertThat(reopened.decryptString(NOTE, ciphertext)).isEqualTo("kept");
    assertThat(reopened.caseId()).isEqualTo("case-a");
  }

  @Test
  void decrypt_withOtherCasesKey_fails() {
    byte[] ciphertext = CASE_A.encryptString(NOTE, "only for case a");
    FieldRef sameFieldInB = FieldRef.inCase("case-b", "notes", "body", "1");
    assertThatThrownBy(() -> CASE_B.decrypt(sameFieldInB, ciphertext))
        .isInstanceOf(VaultException.class)
        .hasNoCause();
  }

  @Test
  void openCase_withOtherCasesWrappedKey_fails() {
    assertThatThrownBy(() -> VAULT.openCase(OFFICE.keys(), "case-a", WRAPPED_B))
        .isInstanceOf(VaultException.class)
        .hasMessageContaining("case key")
        .hasNoCause();
  }

  @Test
  void openCase_withOtherOfficeKeys_fails() {
    OfficeKeys otherOffice = VAULT.createOffice().keys();
    assertThatThrownBy(() -> VAULT.openCase(otherOffice, "case-a", WRAPPED_A))
        .isInstanceOf(VaultException.class);
  }

  @Test
  void openCase_withDamagedWrappedKey_fails() {
    assertThatThrownBy(
            () ->
                VAULT.openCase(
                    OFFICE.keys(),
                    "case-a",
                    Ciphertexts.flipBit(WRAPPED_A, WRAPPED_A.length - 3, 1)))
        .isInstanceOf(VaultException.class);
    assertThatThrownBy(() -> VAULT.openCase(OFFICE.keys(), "case-a", new byte[0]))
        .isInstanceOf(VaultException.class);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "case-a|notes|body|2",
        "case-a|notes|title|1",
        "case-a|visits|body|1",
      })
  void decrypt_ofCiphertextMovedToAnotherField_fails(String target) {
    String[] parts = target.split("\\|", -1);
    FieldRef moved = FieldRef.inCase(parts[0], parts[1], parts[2], parts[3]);
    byte[] ciphertext = CASE_A.encryptString(NOTE, "belongs to row 1 body");
    assertThatThrownBy(() -> CASE_A.decrypt(moved, ciphertext))
        .isInstanceOf(VaultException.class)
        .hasMessageContaining("moved")
        .hasNoCause();
  }

  @Test
  void decrypt_withAnySingleFlippedBit_fails() {
    qt().withFixedSeed(42L)
        .withExamples(300)
        .forAll(
            strings().basicLatinAlphabet().ofLengthBetween(0, 64),
            integers().between(0, Integer.MAX_VALUE - 1),
            integers().between(0, 7))
        .checkAssert(
            (text, position, bit) -> {
              byte[] ciphertext = CASE_A.encryptString(NOTE, text);
              byte[] damaged = Ciphertexts.flipBit(ciphertext, position % ciphertext.length, bit);
              assertThatThrownBy(() -> CASE_A.decrypt(NOTE, damaged))
                  .isInstanceOf(VaultException.class);
            });
  }

  @Test
  void decrypt_truncatedToAnyShorterLength_fails() {
    byte[] ciphertext = CASE_A.encryptString(NOTE, "a note that will be cut short");
    for (int length = 0; length < ciphertext.length; length++) {
      byte[] truncated = Ciphertexts.truncate(ciphertext, length);
      assertThatThrownBy(() -> CASE_A.decrypt(NOTE, truncated))
          .as("length %d", length)
          .isInstanceOf(VaultException.class);
    }
  }

  @Test
  void decrypt_ofEmptyCiphertext_fails() {
    assertThatThrownBy(() -> CASE_A.decrypt(NOTE, new byte[0]))
        .isInstanceOf(VaultException.class)
        .hasNoCause();
  }

  @Test
  void decryptString_ofNonUtf8Plaintext_fails() {
    byte[] ciphertext = CASE_A.encrypt(NOTE, new byte[] {(byte) 0xc3, (byte) 0x28});
    assertThatThrownBy(() -> CASE_A.decryptString(NOTE, ciphertext))
        .isInstanceOf(VaultException.class);
  }

  @Test
  void encryptAndDecrypt_refuseAFieldOfAnotherCaseOrTheOffice() {
    FieldRef otherCase = FieldRef.inCase("case-b", "notes", "body", "1");
    FieldRef office = FieldRef.office("notes", "body", "1");
    assertThatThrownBy(() -> CASE_A.encryptString(otherCase, "x"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CASE_A.encryptString(office, "x"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CASE_A.decrypt(otherCase, new byte[40]))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "a|b"})
  void newCaseKey_withBadCaseId_isRefused(String caseId) {
    assertThatThrownBy(() -> VAULT.newCaseKey(OFFICE.keys(), caseId))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void wrappedCaseKey_cannotBeReadAsAnOfficeField() {
    FieldRef posing = FieldRef.office("cases", "key", "case-a");
    assertThatThrownBy(() -> VAULT.decryptOffice(OFFICE.keys(), posing, WRAPPED_A))
        .isInstanceOf(VaultException.class);
  }

  @Test
  void toString_isRedacted() {
    assertThat(CASE_A.toString()).isEqualTo("[REDACTED]");
  }
}
