package org.ombuds.vault;

import java.util.Arrays;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/** Argon2id (version 1.3) from Bouncy Castle: passphrase to 32-byte key-encryption key. */
final class Argon2Kdf {
  static final int SALT_BYTES = 16;
  static final int KEY_BYTES = 32;

  private Argon2Kdf() {}

  /** Returns a fresh 32-byte key the caller must wipe. */
  static byte[] derive(Passphrase passphrase, byte[] salt, KdfParams params) {
    byte[] password = passphrase.utf8();
    Argon2Parameters argon =
        new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
            .withVersion(Argon2Parameters.ARGON2_VERSION_13)
            .withSalt(salt)
            .withMemoryAsKB(params.memoryKib())
            .withIterations(params.iterations())
            .withParallelism(params.parallelism())
            .build();
    try {
      Argon2BytesGenerator generator = new Argon2BytesGenerator();
      generator.init(argon);
      byte[] key = new byte[KEY_BYTES];
      generator.generateBytes(password, key);
      return key;
    } finally {
      Arrays.fill(password, (byte) 0);
      argon.clear();
    }
  }
}
