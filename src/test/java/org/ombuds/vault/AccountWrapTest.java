package org.ombuds.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Each Argon2id run costs 64 MiB and a few hundred milliseconds: this class does about eight. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccountWrapTest {
  private static final String ACCOUNT = "account-7";
  private static final String PASSPHRASE = "correct horse battery staple";
  private static final FieldRef REF = FieldRef.office("accounts", "note", "7");

  private final Vault vault = new Vault(new SecureRandom(), KdfParams.DEFAULT);
  private Vault.NewOffice office;
  private WrappedOfficeKey wrapped;
  private byte[] fieldCiphertext;

  @BeforeAll
  void wrapOnce() {
    office = vault.createOffice();
    try (Passphrase p = Passphrase.of(PASSPHRASE)) {
      wrapped = vault.wrapForAccount(office.keys(), ACCOUNT, p);
    }
    fieldCiphertext =
        vault.encryptOffice(office.keys(), REF, "hello".getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void wrapForAccount_recordsDefaultParamsAndA16ByteSalt() {
    assertThat(wrapped.params()).isEqualTo(KdfParams.DEFAULT);
    assertThat(wrapped.salt()).hasSize(16);
    assertThat(vault.needsRewrap(wrapped)).isFalse();
  }

  @Test
  void unwrapForAccount_withRightPassphrase_givesTheOfficeKeys() {
    try (Passphrase p = Passphrase.of(PASSPHRASE)) {
      OfficeKeys keys = vault.unwrapForAccount(wrapped, ACCOUNT, p).orElseThrow();
      assertThat(vault.decryptOffice(keys, REF, fieldCiphertext))
          .isEqualTo("hello".getBytes(StandardCharsets.UTF_8));
      assertThat(keys.ownsPublicKeyset(office.publicKeyset())).isTrue();
    }
  }

  @Test
  void unwrapForAccount_withWrongPassphrase_isEmpty() {
    try (Passphrase p = Passphrase.of("correct horse battery stapler")) {
      assertThat(vault.unwrapForAccount(wrapped, ACCOUNT, p)).isEmpty();
    }
  }

  @Test
  void unwrapForAccount_withOtherAccountId_isEmpty() {
    try (Passphrase p = Passphrase.of(PASSPHRASE)) {
      assertThat(vault.unwrapForAccount(wrapped, "account-8", p)).isEmpty();
    }
  }

  @Test
  void unwrapForAccount_withFlippedCiphertextByte_isEmpty() {
    byte[] ciphertext = wrapped.ciphertext();
    WrappedOfficeKey tampered =
        new WrappedOfficeKey(
            wrapped.salt(),
            wrapped.params(),
            Ciphertexts.flipBit(ciphertext, ciphertext.length / 2, 0));
    try (Passphrase p = Passphrase.of(PASSPHRASE)) {
      assertThat(vault.unwrapForAccount(tampered, ACCOUNT, p)).isEmpty();
    }
  }

  @Test
  void unwrapForAccount_withEditedParams_isEmpty() {
    WrappedOfficeKey edited =
        new WrappedOfficeKey(wrapped.salt(), new KdfParams(65536, 1, 1), wrapped.ciphertext());
    try (Passphrase p = Passphrase.of(PASSPHRASE)) {
      assertThat(vault.unwrapForAccount(edited, ACCOUNT, p)).isEmpty();
    }
  }

  @Test
  void unwrapForAccount_withUnknownFormat_failsBeforeAnyArgon2Work() {
    byte[] ciphertext = wrapped.ciphertext();
    ciphertext[0] = 9;
    WrappedOfficeKey future = new WrappedOfficeKey(wrapped.salt(), wrapped.params(), ciphertext);
    try (Passphrase p = Passphrase.of(PASSPHRASE)) {
      assertThatThrownBy(() -> vault.unwrapForAccount(future, ACCOUNT, p))
          .isInstanceOf(VaultException.class)
          .hasMessageContaining("unknown format")
          .hasNoCause();
    }
  }

  @Test
  void burnUnwrapCost_doesComparableWorkToAFailedUnwrap() {
    try (Passphrase p = Passphrase.of("whatever was typed")) {
      long start = System.nanoTime();
      vault.burnUnwrapCost(p);
      long burn = System.nanoTime() - start;
      start = System.nanoTime();
      assertThat(vault.unwrapForAccount(wrapped, ACCOUNT, p)).isEmpty();
      long unwrap = System.nanoTime() - start;
      // Loose bounds: a burn that skipped Argon2id would be thousands of times faster.
      assertThat(burn).isGreaterThan(unwrap / 5);
    }
  }

  @Test
  void wrapForAccount_withEmptyPassphrase_isRefused() {
    try (Passphrase p = Passphrase.of("")) {
      assertThatThrownBy(() -> vault.wrapForAccount(office.keys(), ACCOUNT, p))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void wrapForAccount_withBlankAccountId_isRefused() {
    try (Passphrase p = Passphrase.of(PASSPHRASE)) {
      assertThatThrownBy(() -> vault.wrapForAccount(office.keys(), " ", p))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void wrapForAccount_withClosedPassphrase_isRefused() {
    Passphrase p = Passphrase.of(PASSPHRASE);
    p.close();
    assertThatThrownBy(() -> vault.wrapForAccount(office.keys(), ACCOUNT, p))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void needsRewrap_whenTheVaultUsesOtherParams() {
    Vault stronger = new Vault(new SecureRandom(), new KdfParams(131072, 3, 1));
    assertThat(stronger.needsRewrap(wrapped)).isTrue();
  }

  @Test
  void wrappedOfficeKey_copiesItsArrays() {
    byte[] salt = wrapped.salt();
    salt[0] ^= 1;
    assertThat(wrapped.salt()).isNotEqualTo(salt);
    assertThat(new WrappedOfficeKey(wrapped.salt(), wrapped.params(), wrapped.ciphertext()))
        .isEqualTo(wrapped)
        .hasSameHashCodeAs(wrapped);
    assertThat(wrapped.toString()).contains("16 bytes");
  }

  @Test
  void wrappedOfficeKey_refusesShortSaltAndEmptyCiphertext() {
    assertThatThrownBy(() -> new WrappedOfficeKey(new byte[15], KdfParams.DEFAULT, new byte[1]))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new WrappedOfficeKey(new byte[16], KdfParams.DEFAULT, new byte[0]))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
