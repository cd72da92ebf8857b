package org.ombuds.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TotpTest {
  private static final TotpSecret RFC_SECRET =
      TotpSecret.fromBytes("12345678901234567890".getBytes(StandardCharsets.US_ASCII));
  private static final Totp TOTP = new Totp();
  private static final Instant NOW = Instant.parse("2025-11-25T10:00:15Z");

  /** RFC 6238 appendix B, HMAC-SHA1 rows. */
  @ParameterizedTest
  @CsvSource({
    "59, 94287082",
    "1111111109, 07081804",
    "1111111111, 14050471",
    "1234567890, 89005924",
    "2000000000, 69279037",
    "20000000000, 65353130",
  })
  void codeAt_matchesRfc6238Sha1Vectors(long seconds, String expected) {
    Totp eightDigits = new Totp(8);
    Instant at = Instant.ofEpochSecond(seconds);
    assertThat(eightDigits.codeAt(RFC_SECRET, at)).isEqualTo(expected);
    assertThat(eightDigits.verify(RFC_SECRET, expected, at)).isTrue();
  }

  @Test
  void verify_acceptsTheCurrentPreviousAndNextStep() {
    TotpSecret secret = Totp.newSecret(new SecureRandom());
    assertThat(TOTP.verify(secret, TOTP.codeAt(secret, NOW), NOW)).isTrue();
    assertThat(TOTP.verify(secret, TOTP.codeAt(secret, NOW.minusSeconds(30)), NOW)).isTrue();
    assertThat(TOTP.verify(secret, TOTP.codeAt(secret, NOW.plusSeconds(30)), NOW)).isTrue();
  }

  @Test
  void verify_refusesCodesTwoStepsAway() {
    TotpSecret secret = RFC_SECRET;
    String old = TOTP.codeAt(secret, NOW.minusSeconds(60));
    String future = TOTP.codeAt(secret, NOW.plusSeconds(60));
    // Guard against the (1 in a million) chance that a far code equals a near one.
    assertThat(old).isNotIn(nearCodes(secret));
    assertThat(future).isNotIn(nearCodes(secret));
    assertThat(TOTP.verify(secret, old, NOW)).isFalse();
    assertThat(TOTP.verify(secret, future, NOW)).isFalse();
  }

  private static java.util.List<String> nearCodes(TotpSecret secret) {
    return java.util.List.of(
        TOTP.codeAt(secret, NOW.minusSeconds(30)),
        TOTP.codeAt(secret, NOW),
        TOTP.codeAt(secret, NOW.plusSeconds(30)));
  }

  @Test
  void verify_refusesAWrongCode() {
    String right = TOTP.codeAt(RFC_SECRET, NOW);
    String wrong = String.format("%06d", (Integer.parseInt(right) + 1) % 1_000_000);
    assertThat(wrong).isNotIn(nearCodes(RFC_SECRET));
    assertThat(TOTP.verify(RFC_SECRET, wrong, NOW)).isFalse();
  }

  @Test
  void verify_refusesTheRightCodeForAnotherSecret() {
    TotpSecret other = Totp.newSecret(new SecureRandom());
    String code = TOTP.codeAt(RFC_SECRET, NOW);
    org.junit.jupiter.api.Assumptions.assumeFalse(nearCodes(other).contains(code));
    assertThat(TOTP.verify(other, code, NOW)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "12345", "1234567", "12a456", "１２３４５６", "-12345", "+12345"})
  void verify_refusesMalformedCodes(String code) {
    assertThat(TOTP.verify(RFC_SECRET, code, NOW)).isFalse();
  }

  @Test
  void verify_ignoresSpacesInTheCode() {
    String code = TOTP.codeAt(RFC_SECRET, NOW);
    assertThat(TOTP.verify(RFC_SECRET, code.substring(0, 3) + " " + code.substring(3), NOW))
        .isTrue();
  }

  @Test
  void matchingStep_tellsWhichStepMatched_forReplayProtection() {
    long current = NOW.getEpochSecond() / 30;
    assertThat(TOTP.matchingStep(RFC_SECRET, TOTP.codeAt(RFC_SECRET, NOW.minusSeconds(30)), NOW))
        .hasValue(current - 1);
    assertThat(TOTP.matchingStep(RFC_SECRET, "abcdef", NOW)).isEmpty();
  }

  @Test
  void newSecret_has160Bits_andBase32ForManualEntry() {
    TotpSecret secret = Totp.newSecret(new SecureRandom());
    assertThat(secret.bytes()).hasSize(20);
    assertThat(secret.base32()).matches("[A-Z2-7]{32}");
    assertThat(RFC_SECRET.base32()).isEqualTo("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
  }

  @Test
  void fromBytes_ofBytes_restoresTheSameSecret() {
    TotpSecret secret = Totp.newSecret(new SecureRandom());
    TotpSecret restored = TotpSecret.fromBytes(secret.bytes());
    assertThat(TOTP.codeAt(restored, NOW)).isEqualTo(TOTP.codeAt(secret, NOW));
  }

  @Test
  void fromBytes_refusesSecretsShorterThan128Bits() {
    assertThatThrownBy(() -> TotpSecret.fromBytes(new byte[15]))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void otpauthUri_namesIssuerAccountAndParameters() {
    assertThat(TOTP.otpauthUri(RFC_SECRET, "Ombuds Office", "alice@example.org"))
        .isEqualTo(
            "otpauth://totp/Ombuds%20Office:alice%40example.org"
                + "?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Ombuds%20Office"
                + "&algorithm=SHA1&digits=6&period=30");
  }

  @Test
  void otpauthUri_refusesColonsAndBlankNames() {
    assertThatThrownBy(() -> TOTP.otpauthUri(RFC_SECRET, "A:B", "alice"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> TOTP.otpauthUri(RFC_SECRET, "Ombuds", " "))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void toString_isRedacted_andNeverContainsTheSecret() {
    assertThat(RFC_SECRET.toString())
        .isEqualTo("[REDACTED]")
        .doesNotContain("GEZDGNBV")
        .doesNotContain("1234567890");
  }
}
