package org.ombuds.vault;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalLong;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-based one-time passwords (RFC 6238) as common authenticator apps use them: HMAC-SHA1, 6
 * digits, 30-second steps.
 *
 * <p>A code is accepted for the current step and one step either side (±30 s of clock drift). The
 * candidate codes are all computed and compared in constant time. To refuse a code used twice, keep
 * the step returned by {@link #matchingStep} for the account and refuse steps not after it.
 * Immutable and safe to share between threads.
 */
public final class Totp {
  static final Duration STEP = Duration.ofSeconds(30);
  static final int DEFAULT_DIGITS = 6;
  private static final int WINDOW = 1;

  private final int digits;
  private final TimeBasedOneTimePasswordGenerator generator;

  /** 6 digits, 30-second steps, HMAC-SHA1. */
  public Totp() {
    this(DEFAULT_DIGITS);
  }

  /** For the RFC 6238 test vectors, which have 8 digits. */
  Totp(int digits) {
    if (digits < 6 || digits > 8) {
      throw new IllegalArgumentException("TOTP codes have 6 to 8 digits, not " + digits);
    }
    this.digits = digits;
    this.generator =
        new TimeBasedOneTimePasswordGenerator(
            STEP, digits, TimeBasedOneTimePasswordGenerator.TOTP_ALGORITHM_HMAC_SHA1);
  }

  /** A new random 160-bit secret. */
  public static TotpSecret newSecret(SecureRandom random) {
    byte[] bytes = new byte[TotpSecret.BYTES];
    random.nextBytes(bytes);
    try {
      return TotpSecret.fromBytes(bytes);
    } finally {
      Arrays.fill(bytes, (byte) 0);
    }
  }

  /**
   * Whether the code is right at the given instant, or one step before or after. Spaces in the code
   * are ignored; anything but the right number of digits is refused.
   */
  public boolean verify(TotpSecret secret, String code, Instant at) {
    return matchingStep(secret, code, at).isPresent();
  }

  /**
   * The time step (seconds since the epoch divided by 30) whose code matches, if any within one
   * step of {@code at}.
   */
  public OptionalLong matchingStep(TotpSecret secret, String code, Instant at) {
    Objects.requireNonNull(secret, "secret");
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(at, "at");
    String typed = code.replace(" ", "");
    if (typed.length() != digits || !typed.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return OptionalLong.empty();
    }
    byte[] typedBytes = typed.getBytes(StandardCharsets.US_ASCII);
    long current = Math.floorDiv(at.getEpochSecond(), STEP.toSeconds());
    long matched = -1;
    for (long step = current - WINDOW; step <= current + WINDOW; step++) {
      if (step < 0) {
        continue;
      }
      boolean equal =
          MessageDigest.isEqual(
              codeAtStep(secret, step).getBytes(StandardCharsets.US_ASCII), typedBytes);
      matched = equal ? step : matched;
    }
    return matched < 0 ? OptionalLong.empty() : OptionalLong.of(matched);
  }

  /** The code for the step containing {@code at}. */
  String codeAt(TotpSecret secret, Instant at) {
    return codeAtStep(secret, Math.floorDiv(at.getEpochSecond(), STEP.toSeconds()));
  }

  private String codeAtStep(TotpSecret secret, long step) {
    SecretKeySpec key = new SecretKeySpec(secret.view(), generator.getAlgorithm());
    try {
      int code =
          generator.generateOneTimePassword(key, Instant.ofEpochSecond(step * STEP.toSeconds()));
      return String.format(Locale.ROOT, "%0" + digits + "d", code);
    } catch (InvalidKeyException e) {
      throw new VaultException("The TOTP secret is not a usable HMAC-SHA1 key");
    }
  }

  /**
   * The {@code otpauth://totp/} URI for an authenticator app (usually shown as a QR code). It
   * contains the secret: show it once, never log or store it.
   *
   * @throws IllegalArgumentException if the issuer or account is blank or contains {@code ':'}
   */
  public String otpauthUri(TotpSecret secret, String issuer, String account) {
    Objects.requireNonNull(secret, "secret");
    checkLabelPart("issuer", issuer);
    checkLabelPart("account", account);
    return "otpauth://totp/"
        + encode(issuer)
        + ":"
        + encode(account)
        + "?secret="
        + secret.base32()
        + "&issuer="
        + encode(issuer)
        + "&algorithm=SHA1&digits="
        + digits
        + "&period="
        + STEP.toSeconds();
  }

  private static void checkLabelPart(String name, String value) {
    Objects.requireNonNull(value, name);
    if (value.isBlank() || value.indexOf(':') >= 0) {
      throw new IllegalArgumentException(
          "The " + name + " of a TOTP URI must not be blank nor contain ':'");
    }
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
