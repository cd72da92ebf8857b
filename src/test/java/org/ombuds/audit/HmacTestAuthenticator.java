package org.ombuds.audit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 with a fixed test key, standing in for the application's keyed authenticator. Uses
 * javax.crypto, which only the tests may.
 */
final class HmacTestAuthenticator implements EntryAuthenticator {
  private final SecretKeySpec key;

  HmacTestAuthenticator(String keyMaterial) {
    this.key = new SecretKeySpec(keyMaterial.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
  }

  static HmacTestAuthenticator officeKey() {
    return new HmacTestAuthenticator("the office key, kept in the key file");
  }

  static HmacTestAuthenticator otherKey() {
    return new HmacTestAuthenticator("some other key");
  }

  @Override
  public byte[] tag(byte[] data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return mac.doFinal(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public boolean verify(byte[] data, byte[] tag) {
    return MessageDigest.isEqual(tag(data), tag);
  }
}
