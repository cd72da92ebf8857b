package org.ombuds.account;

import java.time.Instant;

/**
 * An open Ombuds session as the server keeps it: whose it is and when it was last used. The token
 * itself is not here, only under its hash in {@link Sessions}.
 *
 * @param restricted true while the office requires a second factor that this account has not set up
 *     yet: such a session may only set one up or log out
 */
public record Session(
    String tokenHash,
    String accountId,
    Username username,
    Instant openedAt,
    Instant lastSeenAt,
    boolean restricted) {

  Session touchedAt(Instant now) {
    return new Session(tokenHash, accountId, username, openedAt, now, restricted);
  }

  Session unrestricted() {
    return new Session(tokenHash, accountId, username, openedAt, lastSeenAt, false);
  }
}
