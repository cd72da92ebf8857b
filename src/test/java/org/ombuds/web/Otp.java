package org.ombuds.web;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import java.security.InvalidKeyException;
import java.time.Instant;
import javax.crypto.spec.SecretKeySpec;

/** Computes the code an authenticator app would show, independently of the product's code. */
final class Otp {
  private Otp() {}

  static String code(String base32Secret, Instant at) {
    try {
      TimeBasedOneTimePasswordGenerator g = new TimeBasedOneTimePasswordGenerator();
      return g.generateOneTimePasswordString(
          new SecretKeySpec(base32(base32Secret), "HmacSHA1"), at);
    } catch (InvalidKeyException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] base32(String s) {
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    String clean = s.replace("=", "").replace(" ", "").toUpperCase(java.util.Locale.ROOT);
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    int buffer = 0;
    int bits = 0;
    for (int i = 0; i < clean.length(); i++) {
      char c = clean.charAt(i);
      int v = alphabet.indexOf(c);
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
