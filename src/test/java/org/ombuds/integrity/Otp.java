package org.ombuds.integrity;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import java.io.ByteArrayOutputStream;
import java.security.InvalidKeyException;
import java.time.Instant;
import java.util.Locale;
import javax.crypto.spec.SecretKeySpec;

/**
 * The code an authenticator app would show, computed independently of the product's code (as
 * org.ombuds.web.Otp, which is not visible from this package).
 */
final class Otp {
  private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

  private Otp() {}

  static String code(String base32Secret, Instant at) {
    try {
      return new TimeBasedOneTimePasswordGenerator()
          .generateOneTimePasswordString(new SecretKeySpec(base32(base32Secret), "HmacSHA1"), at);
    } catch (InvalidKeyException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] base32(String s) {
    String clean = s.replace("=", "").replace(" ", "").toUpperCase(Locale.ROOT);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int buffer = 0;
    int bits = 0;
    for (int i = 0; i < clean.length(); i++) {
      int v = ALPHABET.indexOf(clean.charAt(i));
      if (v < 0) {
        throw new IllegalArgumentException("not base32");
      }
      buffer = (buffer << 5) | v;
      bits += 5;
      if (bits >= 8) {
        out.write((buffer >> (bits - 8)) & 0xff);
        bits -= 8;
      }
    }
    return out.toByteArray();
  }
}
