package org.ombuds.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The receipt round trip and its negatives; each derivation costs one real Argon2id run. */
class PortalVaultTest {
  private static final PortalVault VAULT = new PortalVault();
  private static final byte[] SALT = VAULT.newSalt();
  private static Receipt receipt;
  private static PortalVault.ReceiptProof proof;
  private static PortalVault.ThreadRecord thread;

  @BeforeAll
  static void newThread() {
    receipt = VAULT.newReceipt();
    proof = VAULT.derive(receipt, SALT);
    thread = VAULT.newThread(proof, "thread-1");
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void sameReceipt_derivesTheSameLookup_andOpensTheThread() {
    PortalVault.ReceiptProof again = VAULT.derive(Receipt.parse(receipt.reveal()), SALT);
    assertThat(again.lookup()).isEqualTo(thread.lookup()).hasSize(32);
    PortalVault.ThreadKey key =
        VAULT.open(again, "thread-1", thread.verifier(), thread.wrappedPrivate()).orElseThrow();
    byte[] sealed = VAULT.sealToThread(thread.publicKeyset(), utf8("reply"), utf8("msg|1"));
    assertThat(VAULT.openFromThread(key, sealed, utf8("msg|1"))).isEqualTo(utf8("reply"));
    assertThat(key.toString()).isEqualTo("[REDACTED]");
    assertThat(again.toString()).isEqualTo("[REDACTED]");
  }

  @Test
  void otherReceipt_orOtherSalt_derivesAnotherLookup_andCannotOpen() {
    PortalVault.ReceiptProof other = VAULT.derive(VAULT.newReceipt(), SALT);
    assertThat(other.lookup()).isNotEqualTo(thread.lookup());
    assertThat(VAULT.open(other, "thread-1", thread.verifier(), thread.wrappedPrivate())).isEmpty();
    PortalVault.ReceiptProof salted = VAULT.derive(receipt, VAULT.newSalt());
    assertThat(salted.lookup()).isNotEqualTo(thread.lookup());
  }

  @Test
  void rightVerifier_butKeyMovedToAnotherThread_doesNotOpen() {
    assertThat(VAULT.open(proof, "thread-2", thread.verifier(), thread.wrappedPrivate())).isEmpty();
  }

  @Test
  void tamperedVerifierOrWrappedKey_doesNotOpen() {
    byte[] v = thread.verifier();
    v[3] ^= 1;
    assertThat(VAULT.open(proof, "thread-1", v, thread.wrappedPrivate())).isEmpty();
    byte[] w = thread.wrappedPrivate();
    w[w.length - 1] ^= 1;
    assertThat(VAULT.open(proof, "thread-1", thread.verifier(), w)).isEmpty();
  }

  @Test
  void sealedMessage_withOtherContext_orTampered_doesNotOpen() {
    PortalVault.ThreadKey key =
        VAULT.open(proof, "thread-1", thread.verifier(), thread.wrappedPrivate()).orElseThrow();
    byte[] sealed = VAULT.sealToThread(thread.publicKeyset(), utf8("reply"), utf8("msg|1"));
    assertThatThrownBy(() -> VAULT.openFromThread(key, sealed, utf8("msg|2")))
        .isInstanceOf(VaultException.class);
    sealed[sealed.length - 1] ^= 1;
    assertThatThrownBy(() -> VAULT.openFromThread(key, sealed, utf8("msg|1")))
        .isInstanceOf(VaultException.class);
  }

  @Test
  void storedRecord_holdsNeitherReceiptNorPrivateKeyInClear() {
    String shown = receipt.reveal().replace("-", "");
    for (byte[] stored : new byte[][] {thread.verifier(), thread.wrappedPrivate()}) {
      assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain(shown);
    }
    assertThat(thread.lookup()).doesNotContain(shown.toLowerCase(java.util.Locale.ROOT));
  }

  @Test
  void hint_isTwentyFourKeyedBits_ofTheReceipt_carriedByTheProofAndTheThread() {
    String hint = VAULT.hint(receipt, SALT);
    assertThat(hint).matches("[0-9a-f]{6}");
    assertThat(VAULT.hint(Receipt.parse(receipt.reveal().toLowerCase(java.util.Locale.ROOT)), SALT))
        .as("same receipt however typed")
        .isEqualTo(hint);
    assertThat(proof.hint()).isEqualTo(hint);
    assertThat(thread.hint()).isEqualTo(hint);
    assertThat(thread.lookup()).as("the hint is not a piece of the lookup").doesNotContain(hint);
  }

  @Test
  void hint_dependsOnTheOfficeSalt_andOnTheReceipt() {
    // 24 bits: two different inputs collide once in 2^24, so a handful of draws cannot all collide.
    java.util.Set<String> others = new java.util.HashSet<>();
    java.util.Set<String> salts = new java.util.HashSet<>();
    for (int i = 0; i < 8; i++) {
      others.add(VAULT.hint(VAULT.newReceipt(), SALT));
      salts.add(VAULT.hint(receipt, VAULT.newSalt()));
    }
    assertThat(others).hasSizeGreaterThan(1);
    assertThat(salts).hasSizeGreaterThan(1);
    assertThatThrownBy(() -> VAULT.hint(receipt, new byte[3]))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aDecisionSignedWithTheReceipt_verifiesUnderTheThreadsPublicKey_andNothingElseDoes() {
    PortalVault.ThreadKey key =
        VAULT.open(proof, "thread-1", thread.verifier(), thread.wrappedPrivate()).orElseThrow();
    assertThat(key.decisionPublicKey()).isEqualTo(thread.decisionKey()).hasSize(32);
    byte[] grant = utf8("grant|request-1|v2");
    byte[] signature = key.signDecision(grant);
    assertThat(PortalVault.verifyDecision(thread.decisionKey(), grant, signature)).isTrue();

    assertThat(
            PortalVault.verifyDecision(thread.decisionKey(), utf8("grant|request-1|v3"), signature))
        .as("another decision")
        .isFalse();
    byte[] flipped = signature.clone();
    flipped[5] ^= 1;
    assertThat(PortalVault.verifyDecision(thread.decisionKey(), grant, flipped)).isFalse();
    PortalVault.ThreadRecord other = VAULT.newThread(proof, "thread-2");
    assertThat(other.decisionKey()).as("one key per thread").isNotEqualTo(thread.decisionKey());
    assertThat(PortalVault.verifyDecision(other.decisionKey(), grant, signature))
        .as("another thread's key")
        .isFalse();
    assertThat(PortalVault.verifyDecision(thread.decisionKey(), grant, new byte[3])).isFalse();
    assertThat(PortalVault.verifyDecision(new byte[5], grant, signature)).isFalse();
    assertThat(PortalVault.verifyDecision(null, grant, signature)).isFalse();
    assertThat(PortalVault.verifyDecision(thread.decisionKey(), grant, null)).isFalse();
  }
}
