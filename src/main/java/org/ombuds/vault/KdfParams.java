package org.ombuds.vault;

/**
 * Argon2id cost parameters for deriving a key-encryption key from a passphrase.
 *
 * <p>{@link #DEFAULT} is 64 MiB of memory, 3 passes, 1 lane: the memory and pass count of the
 * second recommended option of RFC 9106 (section 4), with a single lane because Bouncy Castle
 * computes lanes one after the other, so more lanes would only slow the server, not an attacker. It
 * is well above the OWASP minimum for Argon2id (19 MiB with 2 passes). It costs a few hundred
 * milliseconds on a server core, acceptable once per login, while every guess of an offline
 * attacker who stole the database or a backup costs the same 64 MiB and time, which defeats cheap
 * GPU and ASIC guessing. Anything weaker than 64 MiB is refused.
 *
 * <p>Because the parameters are stored beside each wrapped key (where a database administrator can
 * edit them), they are also capped above: at most 4 GiB, 64 passes and 64 lanes, so a tampered row
 * cannot make a login exhaust the server.
 *
 * @param memoryKib memory in KiB, from 65536 (64 MiB) to 4194304 (4 GiB)
 * @param iterations passes over memory, from 1 to 64
 * @param parallelism lanes, from 1 to 64
 */
public record KdfParams(int memoryKib, int iterations, int parallelism) {
  /** The minimum memory cost, 64 MiB. */
  public static final int MIN_MEMORY_KIB = 64 * 1024;

  /** The maximum memory cost, 4 GiB. */
  public static final int MAX_MEMORY_KIB = 4 * 1024 * 1024;

  /** The maximum number of passes. */
  public static final int MAX_ITERATIONS = 64;

  /** The maximum number of lanes. */
  public static final int MAX_PARALLELISM = 64;

  /** 64 MiB, 3 passes, 1 lane. */
  public static final KdfParams DEFAULT = new KdfParams(MIN_MEMORY_KIB, 3, 1);

  /** Validates the bounds. */
  public KdfParams {
    if (memoryKib < MIN_MEMORY_KIB) {
      throw new IllegalArgumentException(
          "Argon2id memory must be at least "
              + MIN_MEMORY_KIB
              + " KiB (64 MiB), not "
              + memoryKib
              + " KiB");
    }
    if (memoryKib > MAX_MEMORY_KIB) {
      throw new IllegalArgumentException(
          "Argon2id memory must be at most " + MAX_MEMORY_KIB + " KiB (4 GiB), not " + memoryKib);
    }
    if (iterations < 1 || iterations > MAX_ITERATIONS) {
      throw new IllegalArgumentException(
          "Argon2id iterations must be between 1 and " + MAX_ITERATIONS + ", not " + iterations);
    }
    if (parallelism < 1 || parallelism > MAX_PARALLELISM) {
      throw new IllegalArgumentException(
          "Argon2id parallelism must be between 1 and " + MAX_PARALLELISM + ", not " + parallelism);
    }
  }
}
