package org.ombuds.vault;

import java.util.Arrays;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.LongAdder;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/** Argon2id (version 1.3) from Bouncy Castle: passphrase to 32-byte key-encryption key. */
final class Argon2Kdf {
  static final int SALT_BYTES = 16;
  static final int KEY_BYTES = 32;

  /**
   * Each derivation fills {@code memoryKib} of heap. Derivations at once share a budget of the heap
   * less a reserve for everything else, so a burst of logins (or of anything else that derives)
   * waits its turn instead of exhausting the heap: with the launcher's 192 MB, two at a time.
   */
  private static final int BUDGET_KIB = budgetKib(Runtime.getRuntime().maxMemory());

  private static final Semaphore MEMORY = new Semaphore(BUDGET_KIB, true);

  private static final LongAdder DERIVATIONS = new LongAdder();

  private Argon2Kdf() {}

  static int budgetKib(long maxHeapBytes) {
    long reserveKib = 48L * 1024;
    long budget = maxHeapBytes / 1024 - reserveKib;
    return (int) Math.min(Integer.MAX_VALUE, Math.max(KdfParams.MIN_MEMORY_KIB, budget));
  }

  /** The memory a derivation with {@code params} holds from the budget: at most all of it. */
  static int permitsFor(KdfParams params, int budgetKib) {
    return Math.min(params.memoryKib(), budgetKib);
  }

  /** How many derivations this process has started. */
  static long derivations() {
    return DERIVATIONS.sum();
  }

  /** Returns a fresh 32-byte key the caller must wipe. */
  static byte[] derive(Passphrase passphrase, byte[] salt, KdfParams params) {
    int permits = permitsFor(params, BUDGET_KIB);
    MEMORY.acquireUninterruptibly(permits);
    try {
      DERIVATIONS.increment();
      return deriveNow(passphrase, salt, params);
    } finally {
      MEMORY.release(permits);
    }
  }

  private static byte[] deriveNow(Passphrase passphrase, byte[] salt, KdfParams params) {
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
