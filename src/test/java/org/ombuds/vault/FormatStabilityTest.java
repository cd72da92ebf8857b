package org.ombuds.vault;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Data written by the first version of the vault (format 1) must stay readable: a change to the
 * passphrase encoding, Argon2id call, associated data or envelope layout would lock every office
 * out of its data. These values were produced once by the vault and are frozen here.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FormatStabilityTest {
  private static final String PASSPHRASE = "golden passphrase for format tests";
  private static final String ACCOUNT = "account-golden";
  private static final String SALT = "vRT83bnZOv1d4wiVjlk/7A==";
  private static final String WRAP =
      "AUgknCkCFfe46Rrr8d15dvB99DUPYEGUQC8GVhvrCRBoGwVqMaTB5ROC8NVmy8EWcE9bY1aN/yNtq73udnJI6xdCvRn"
          + "ouX1mRVipyKxaSum/e1HhXACsb/0Q9yAtrOU9+yaI8KqzK0RB5MbN7kdHOEnDKp1bZFDQnteJHgsVsnW7qP5c"
          + "5ko72PJQBbBXsdxEgRK6UvJyh+ciT5j88DgGFsdiNpmed1/ohQ4zn2wqdn2D9P41c9lXU2RT770kFepd3JIjS"
          + "r3y2X+KeVOfkiYeXj4ueDQN07X/5mlOrq3JHF7V8uYXM8kkFUdkHPiojXj/C5fE3gttY4XC0+cyv6niLwzBKf"
          + "137Hr9hKRy9FKo0Cb0LgfvFTxkYw6cWdXHNA+PI+ak457RSakzkckfAet7yyg=";
  private static final String RECOVERY_KEY = "0P6D-JDRZ-N10B-TB8Z-30PC-PCFR-0FSW-WPXZ-40CG";
  private static final String RECOVERY_WRAP =
      "AdxnyFsLXiRcoT5RXEmxrg+lQaqg34eTggk7sDR/5h18JBw3PM/285I1tFwMZ25puzG2+XSa61vUfbP4GL79ZFgWRiK"
          + "xGL9Am/OqNFfDx7rFvU7C6BjI2uJdelJbf9McsQuky0JlKStX58G3SMH5Fj1EEsXXXN588BTdPyUNgQc2VuGu"
          + "b1VRukz0KKv47WaR+sWlGaMtWDfrxsou390tq1obUrVdjFGDSYNBSR9JcbzWxCDbmE7oZCLIsXPbGUOPMKkw2"
          + "9evXSOn/ZeR5wVtfAq5V/z9mkohlt+1mDPEbbVC/th53epdxoSK/frGXnjglnc3xCI602ob+KWEpYNm3L2/jy"
          + "z9ir3zd0ofnf6DAZihI77UlEL7bBb+O7uBLHtF95EAa6mxb/rCSFDtRWTu1bU=";
  private static final String PUBLIC_KEYSET =
      "CLWEnI4DEnAKZAo0dHlwZS5nb29nbGVhcGlzLmNvbS9nb29nbGUuY3J5cHRvLnRpbmsuSHBrZVB1YmxpY0tleRIqEgY"
          + "IARABGAIaIFSVAe5xhUsKLjJ5yNvBRejQc/rtCA8X79LwiAF5Zy4GGAMQARi1hJyOAyAB";
  private static final String CASE_KEY =
      "Eo0BAWulFdML2NTSl6NyOCyNtMTu/lGIp0qFRclP/hojfZTX16HmaUD9k7qtDwVaKEdawv4/r2qS35AFpnyMDcZwbTE"
          + "uNc01IJZ/yRw81FLw+f72I8dBQrevlM7fwS+qr+K7anPjgJebjUs2mkqknDvbXkdeFIic38sq0HWX9Q2CRen5"
          + "KDes0y4bbnYSz6mB";
  private static final String CASE_FIELD =
      "AdtefVrbO76s4NqvA/ww775I4v/jF4kTZa5itlzKJh6eqFIUvWd9XwVUm+iNs7YA2w==";
  private static final String OFFICE_FIELD =
      "AWulFdOkAQiaCzqlhv+rB2c3Fgyv9y5Zn7yj/cGiftHpL4yiG+B29+yEtZe+TKpLnxAAxw==";
  private static final String SEALED =
      "ATHHAjXmT0GHUyaZb6rK6R8XI6xJ0s/Ug6Nyl/2Qa6Y09bqLMzGVbRDLdDarOLSN8Cmby+f+VDgP09a2Pm63HjG/";

  private final Vault vault = new Vault();
  private OfficeKeys keys;

  private static byte[] b64(String s) {
    return Base64.getDecoder().decode(s);
  }

  @BeforeAll
  void unwrapTheFrozenAccountWrap() {
    WrappedOfficeKey wrapped = new WrappedOfficeKey(b64(SALT), KdfParams.DEFAULT, b64(WRAP));
    try (Passphrase p = Passphrase.of(PASSPHRASE)) {
      keys = vault.unwrapForAccount(wrapped, ACCOUNT, p).orElseThrow();
    }
  }

  @Test
  void frozenAccountWrap_stillUnwraps_toTheOfficeOfTheFrozenPublicKey() {
    assertThat(keys.ownsPublicKeyset(b64(PUBLIC_KEYSET))).isTrue();
  }

  @Test
  void frozenRecoveryWrap_stillUnwraps() {
    OfficeKeys recovered =
        vault.unwrapWithRecovery(b64(RECOVERY_WRAP), RecoveryKey.parse(RECOVERY_KEY)).orElseThrow();
    assertThat(recovered.ownsPublicKeyset(b64(PUBLIC_KEYSET))).isTrue();
  }

  @Test
  void frozenCaseKeyAndField_stillDecrypt() {
    CaseCipher cipher = vault.openCase(keys, "case-golden", b64(CASE_KEY));
    assertThat(
            cipher.decryptString(
                FieldRef.inCase("case-golden", "notes", "body", "1"), b64(CASE_FIELD)))
        .isEqualTo("golden case note");
  }

  @Test
  void frozenOfficeField_stillDecrypts() {
    assertThat(
            vault.decryptOffice(keys, FieldRef.office("accounts", "totp", "1"), b64(OFFICE_FIELD)))
        .isEqualTo("golden office value".getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void frozenSealedMessage_stillOpens() {
    assertThat(
            vault.openSealed(keys, b64(SEALED), "golden-context".getBytes(StandardCharsets.UTF_8)))
        .isEqualTo("golden sealed".getBytes(StandardCharsets.UTF_8));
  }
}
