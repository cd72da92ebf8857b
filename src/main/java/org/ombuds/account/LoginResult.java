package org.ombuds.account;

import java.time.Duration;

/** What a login attempt came to. Unknown user and wrong passphrase are the same {@link Refused}. */
public sealed interface LoginResult {

  /** Logged in; {@code restricted} when a second factor must be set up first. */
  record LoggedIn(SessionToken token, Account account, boolean restricted) implements LoginResult {}

  /** Wrong username, passphrase or one-time code: deliberately indistinguishable. */
  record Refused() implements LoginResult {}

  /** The passphrase was right and the account needs its one-time code too. */
  record OtpRequired() implements LoginResult {}

  /** Too many failures for this username: try again after {@code retryAfter}. */
  record Throttled(Duration retryAfter) implements LoginResult {}
}
