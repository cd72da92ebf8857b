package org.ombuds.vault;

/**
 * A cryptographic operation of the vault failed: the root (and only) fault type of this package.
 *
 * <p>The message says in plain words what failed. It never carries a cause, key material,
 * plaintext, ciphertext or derived values, so it is safe to log and to show. Expected outcomes,
 * such as a wrong passphrase or recovery key, are not faults: the vault reports them as an empty
 * {@link java.util.Optional}. Misuse by the caller (a null, a blank id, a field of another case) is
 * reported with the usual {@link IllegalArgumentException} or {@link NullPointerException}.
 */
public class VaultException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  VaultException(String message) {
    super(message, null, false, true);
  }
}
