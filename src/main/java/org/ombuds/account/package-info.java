/**
 * Ombuds accounts, logins and sessions: who may unlock the office's keys and for how long.
 *
 * <p>Lives here: usernames, the login policy (throttling, equal answers for unknown users and wrong
 * passphrases, optional TOTP), in-memory sessions whose tokens are kept only as hashes, and the key
 * ring that holds the unwrapped office keys while at least one session is open.
 *
 * <p>Must not live here: storage (behind {@link org.ombuds.account.AccountStore}), HTTP, or any
 * cryptographic primitive (the vault does those). No passphrase, token or key is ever logged,
 * audited or stored in clear.
 */
package org.ombuds.account;
