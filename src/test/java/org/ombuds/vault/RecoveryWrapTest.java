package org.ombuds.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class RecoveryWrapTest {
  private final Vault vault = new Vault();
  private final Vault.NewOffice office = vault.createOffice();

  @Test
  void unwrapWithRecovery_withThePrintedKey_givesTheOfficeKeys() {
    RecoveryKey typed = RecoveryKey.parse(office.recoveryKey().reveal().toLowerCase(Locale.ROOT));
    OfficeKeys keys = vault.unwrapWithRecovery(office.recoveryWrapped(), typed).orElseThrow();

    byte[] wrappedCaseKey = vault.newCaseKey(office.keys(), "c-1");
    FieldRef ref = FieldRef.inCase("c-1", "notes", "body", "1");
    byte[] ciphertext =
        vault.openCase(office.keys(), "c-1", wrappedCaseKey).encryptString(ref, "hi");
    assertThat(vault.openCase(keys, "c-1", wrappedCaseKey).decryptString(ref, ciphertext))
        .isEqualTo("hi");
    assertThat(keys.ownsPublicKeyset(office.publicKeyset())).isTrue();
  }

  @Test
  void unwrapWithRecovery_withAnotherOfficesKey_isEmpty() {
    RecoveryKey other = vault.createOffice().recoveryKey();
    assertThat(vault.unwrapWithRecovery(office.recoveryWrapped(), other)).isEmpty();
  }

  @Test
  void unwrapWithRecovery_withFlippedByte_isEmpty() {
    byte[] wrapped = office.recoveryWrapped();
    assertThat(
            vault.unwrapWithRecovery(
                Ciphertexts.flipBit(wrapped, wrapped.length - 1, 7), office.recoveryKey()))
        .isEmpty();
  }

  @Test
  void unwrapWithRecovery_ofAnAccountStyleOrEmptyBlob_failsClearly() {
    assertThatThrownBy(() -> vault.unwrapWithRecovery(new byte[0], office.recoveryKey()))
        .isInstanceOf(VaultException.class)
        .hasMessageContaining("unknown format");
  }

  @Test
  void recoveryWrapped_isBoundToTheRecoveryRole_notUsableAsAnAccountWrap() {
    // Same bytes, presented as if they were the ciphertext of an account wrap: different KEK and
    // associated data, so it fails as a wrong passphrase would.
    WrappedOfficeKey posing =
        new WrappedOfficeKey(new byte[16], KdfParams.DEFAULT, office.recoveryWrapped());
    try (Passphrase p = Passphrase.of(office.recoveryKey().reveal())) {
      assertThat(vault.unwrapForAccount(posing, "a", p)).isEmpty();
    }
  }

  @Test
  void createOffice_givesANewKeyAndPublicKeyEachTime() {
    Vault.NewOffice other = vault.createOffice();
    assertThat(other.recoveryKey().reveal()).isNotEqualTo(office.recoveryKey().reveal());
    assertThat(other.publicKeyset()).isNotEqualTo(office.publicKeyset());
    assertThat(office.keys().ownsPublicKeyset(other.publicKeyset())).isFalse();
    assertThat(office.keys().publicKeyset()).isEqualTo(office.publicKeyset());
  }
}
