package org.ombuds.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SealToOfficeTest {
  private static final Vault VAULT = new Vault();
  private static final Vault.NewOffice OFFICE = VAULT.createOffice();
  private static final byte[] CONTEXT = utf8("intake-form|submission-91");
  private static final byte[] MESSAGE = utf8("I want to report my manager");

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void sealToOffice_thenOpenSealed_givesTheMessage() {
    byte[] sealed = VAULT.sealToOffice(OFFICE.publicKeyset(), MESSAGE, CONTEXT);
    assertThat(VAULT.openSealed(OFFICE.keys(), sealed, CONTEXT)).isEqualTo(MESSAGE);
  }

  @Test
  void openSealed_withOtherContext_fails() {
    byte[] sealed = VAULT.sealToOffice(OFFICE.publicKeyset(), MESSAGE, CONTEXT);
    assertThatThrownBy(
            () -> VAULT.openSealed(OFFICE.keys(), sealed, utf8("intake-form|submission-92")))
        .isInstanceOf(VaultException.class)
        .hasMessageContaining("context")
        .hasNoCause();
  }

  @Test
  void openSealed_withOtherOfficeKeys_fails() {
    byte[] sealed = VAULT.sealToOffice(OFFICE.publicKeyset(), MESSAGE, CONTEXT);
    OfficeKeys other = VAULT.createOffice().keys();
    assertThatThrownBy(() -> VAULT.openSealed(other, sealed, CONTEXT))
        .isInstanceOf(VaultException.class);
  }

  @Test
  void openSealed_withAnySingleFlippedBit_fails() {
    byte[] sealed = VAULT.sealToOffice(OFFICE.publicKeyset(), MESSAGE, CONTEXT);
    qt().withFixedSeed(11L)
        .withExamples(150)
        .forAll(integers().between(0, sealed.length - 1), integers().between(0, 7))
        .checkAssert(
            (position, bit) ->
                assertThatThrownBy(
                        () ->
                            VAULT.openSealed(
                                OFFICE.keys(), Ciphertexts.flipBit(sealed, position, bit), CONTEXT))
                    .isInstanceOf(VaultException.class));
  }

  @Test
  void openSealed_ofTruncatedOrEmptyCiphertext_fails() {
    byte[] sealed = VAULT.sealToOffice(OFFICE.publicKeyset(), MESSAGE, CONTEXT);
    for (int length : new int[] {0, 1, 5, 37, sealed.length - 1}) {
      byte[] truncated = Ciphertexts.truncate(sealed, length);
      assertThatThrownBy(() -> VAULT.openSealed(OFFICE.keys(), truncated, CONTEXT))
          .isInstanceOf(VaultException.class);
    }
  }

  @Test
  void sealToOffice_withEmptyContext_isRefused() {
    assertThatThrownBy(() -> VAULT.sealToOffice(OFFICE.publicKeyset(), MESSAGE, new byte[0]))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void sealToOffice_withMalformedPublicKeyset_failsClearly() {
    assertThatThrownBy(() -> VAULT.sealToOffice(utf8("not a keyset"), MESSAGE, CONTEXT))
        .isInstanceOf(VaultException.class)
        .hasMessageContaining("public key")
        .hasNoCause();
  }

  @Test
  void publicKeyset_holdsNoSecretKeyMaterial() throws Exception {
    // parseKeysetWithoutSecret refuses any keyset that contains secret key material.
    assertThat(
            TinkProtoKeysetFormat.parseKeysetWithoutSecret(
                    OFFICE.publicKeyset(), RegistryConfiguration.get())
                .size())
        .isEqualTo(1);
  }

  @Test
  void sealToOffice_isRandomised() {
    assertThat(VAULT.sealToOffice(OFFICE.publicKeyset(), MESSAGE, CONTEXT))
        .isNotEqualTo(VAULT.sealToOffice(OFFICE.publicKeyset(), MESSAGE, CONTEXT));
  }
}
