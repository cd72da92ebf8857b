package org.ombuds.account;

import java.time.Instant;
import java.util.Optional;
import org.ombuds.vault.WrappedOfficeKey;

/**
 * An Ombuds account as stored: the office keys wrapped under the account's passphrase, and the
 * optional TOTP secret encrypted under the office key.
 */
public record Account(
    String id,
    Username username,
    WrappedOfficeKey wrappedOfficeKey,
    Optional<byte[]> encryptedTotpSecret,
    String language,
    boolean active,
    Instant createdAt) {

  /** This account with another wrapped office key (after a passphrase change). */
  public Account withWrappedOfficeKey(WrappedOfficeKey wrapped) {
    return new Account(id, username, wrapped, encryptedTotpSecret, language, active, createdAt);
  }

  /** True when the account logs in with a second factor. */
  public boolean hasTotp() {
    return encryptedTotpSecret.isPresent();
  }
}
