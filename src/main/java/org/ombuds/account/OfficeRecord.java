package org.ombuds.account;

import java.time.Instant;

/**
 * The office as stored: when it was made, its public key for visitors, the office keys wrapped
 * under the recovery key, and whether every Ombuds must use a second factor.
 */
@SuppressWarnings("ArrayRecordComponent") // carried between store and service, never compared
public record OfficeRecord(
    Instant createdAt, byte[] publicKeyset, byte[] recoveryWrapped, boolean requireTotp) {

  /** The same office with the second-factor rule changed. */
  public OfficeRecord withRequireTotp(boolean require) {
    return new OfficeRecord(createdAt, publicKeyset, recoveryWrapped, require);
  }
}
