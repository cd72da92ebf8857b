/**
 * The vault: the key hierarchy and all encryption of ombuds. This is the only package allowed to
 * touch key material or cryptographic libraries (Tink, Bouncy Castle, {@code javax.crypto},
 * java-otp); an ArchUnit test forbids them elsewhere.
 *
 * <h2>What lives here</h2>
 *
 * <ul>
 *   <li>{@link org.ombuds.vault.Vault}: the key hierarchy (office secrets, their wraps, case keys)
 *       and the encryption of fields and of messages sealed to the office.
 *   <li>{@link org.ombuds.vault.CaseCipher}: the fields of one case.
 *   <li>{@link org.ombuds.vault.AuditKey}: the HMAC key of the audit log, kept in a file.
 *   <li>{@link org.ombuds.vault.Totp}: second factor codes.
 *   <li>{@link org.ombuds.vault.BackupKeyRing} and {@link org.ombuds.vault.BackupEnvelope}: the
 *       backup key file (one streaming AEAD key per period, expired keys destroyed) and the
 *       encrypted backup format; refusals are {@link org.ombuds.vault.BackupException}s.
 *   <li>{@link org.ombuds.vault.PortalVault}: the visitor portal's keys: receipts (100 random bits,
 *       {@link org.ombuds.vault.Receipt}), their Argon2id hash (lookup id, verifier, and the key
 *       that unwraps a thread's HPKE private key), their fast keyed hint, and messages sealed to a
 *       thread.
 *   <li>Values: {@link org.ombuds.vault.Passphrase}, {@link org.ombuds.vault.RecoveryKey}, {@link
 *       org.ombuds.vault.KdfParams}, {@link org.ombuds.vault.WrappedOfficeKey}, {@link
 *       org.ombuds.vault.FieldRef}, {@link org.ombuds.vault.OfficeKeys}, {@link
 *       org.ombuds.vault.TotpSecret}; the single fault type {@link
 *       org.ombuds.vault.VaultException}.
 * </ul>
 *
 * <h2>Key hierarchy</h2>
 *
 * <ul>
 *   <li><b>Office secrets</b>: an AES-256-GCM keyset (office AEAD) and an HPKE private keyset
 *       (DHKEM X25519 / HKDF-SHA256 / AES-256-GCM). Generated once. Stored only wrapped:
 *       <ol>
 *         <li>once per Ombuds account, under AES-256-GCM with a key-encryption key (KEK) derived
 *             from the account's passphrase by Argon2id, with associated data binding the account
 *             id and the Argon2id parameters ({@link org.ombuds.vault.WrappedOfficeKey});
 *         <li>once under the printed recovery key (160 random bits, Crockford base32 with a CRC-16
 *             typo check), whose KEK is HKDF-SHA256 of it: a high-entropy key needs no slow
 *             derivation.
 *       </ol>
 *   <li><b>Office public keyset</b>: the HPKE public key, stored in clear so the visitor portal can
 *       seal submissions to the office while no Ombuds is logged in. Whoever can write the database
 *       could substitute their own; compare it with {@link
 *       org.ombuds.vault.OfficeKeys#ownsPublicKeyset} whenever the office secrets are unwrapped.
 *   <li><b>Case keys</b>: one AES-256-GCM keyset per case, stored wrapped by the office AEAD with
 *       associated data naming the case id.
 *   <li><b>Fields</b>: each encrypted value carries associated data naming scope ({@code office} or
 *       {@code case:<id>}), table, column and row ({@link org.ombuds.vault.FieldRef}), so a
 *       ciphertext moved anywhere else fails to decrypt.
 *   <li><b>Audit key</b>: a separate HMAC-SHA256 key in a file outside the database.
 *   <li><b>Backup keys</b>: AES-256-GCM-HKDF streaming keys in a file the office keeps off the
 *       server, one per period; a key is destroyed once its period plus the retention has passed,
 *       which makes every backup made with it undecryptable.
 *   <li><b>Portal threads</b>: one HPKE key pair per thread; the public keyset in clear, the
 *       private keyset wrapped (AES-256-GCM, bound to the thread id) under a key derived from the
 *       visitor's receipt by Argon2id (64 MiB, 2 passes, office-wide salt) and HKDF. Only the
 *       lookup id and verifier from the same derivation are stored, with the receipt's hint: the
 *       first 24 bits of HMAC-SHA256 over the receipt, keyed by HKDF (its own label) from the
 *       office-wide salt, so the portal can refuse most wrong receipts without Argon2id. The salt
 *       is in the database, so a thief can compute hints, but a hint leaves 2<sup>76</sup>
 *       candidate receipts per thread, each needing Argon2id to confirm; an online guesser has no
 *       salt and cannot compute hints at all.
 * </ul>
 *
 * <h2>Argon2id parameters</h2>
 *
 * <p>Default: memory 65536 KiB (64 MiB), 3 iterations, parallelism 1, a 16-byte random salt per
 * wrap, 32-byte output, Argon2 version 1.3. Memory and passes are those of the second recommended
 * option of RFC 9106, well above the OWASP minimum (19 MiB, 2 passes); one lane because Bouncy
 * Castle computes lanes sequentially. About a few hundred milliseconds per login on one core, while
 * each offline guess against a stolen database or backup costs an attacker the same 64 MiB and
 * time. Less than 64 MiB is refused; stored parameters are also capped (4 GiB, 64 passes, 64 lanes)
 * so a tampered row cannot exhaust the server. {@link org.ombuds.vault.Vault#burnUnwrapCost} spends
 * the same work for unknown user names so timing does not reveal which accounts exist.
 *
 * <h2>Guarantees</h2>
 *
 * <ul>
 *   <li>No key material leaves this package except wrapped (encrypted and authenticated). The
 *       database and its backups hold only ciphertext, wrapped keys, salts, parameters and the
 *       public keyset: without a passphrase or the recovery key, neither a server administrator
 *       reading the database nor a thief of a backup can read case or office data.
 *   <li>All encryption is authenticated (AES-256-GCM, HPKE). Any changed, truncated, empty or
 *       relocated ciphertext fails: with {@link org.ombuds.vault.VaultException} for data, with
 *       {@link java.util.Optional#empty()} for a wrong passphrase or recovery key.
 *   <li>{@code VaultException} messages are plain words with no cause, key, plaintext or
 *       ciphertext.
 *   <li>Types holding secrets ({@code Passphrase}, {@code RecoveryKey}, {@code OfficeKeys}, {@code
 *       CaseCipher}, {@code TotpSecret}, {@code AuditKey}) print {@code [REDACTED]}. Secrets are
 *       compared with {@link java.security.MessageDigest#isEqual}; temporary copies of passphrases
 *       and derived keys are wiped after use (as far as the JVM allows: {@code String}s and
 *       library-internal copies cannot be).
 *   <li>No clock is read here: time is always a parameter.
 * </ul>
 *
 * <h2>Not guaranteed</h2>
 *
 * <ul>
 *   <li>Someone who controls the running server (or its memory) while an Ombuds is logged in can
 *       read what that session can.
 *   <li>Freshness: someone who can write the database can put back an older ciphertext of the same
 *       field, which still decrypts; the audit log is the defence.
 *   <li>Passphrase strength rules belong to the account module.
 * </ul>
 *
 * <h2>What must not be here, or anywhere</h2>
 *
 * <p>No logging of secrets, no unwrapped key serialised to storage, no {@code null} in the public
 * API, no {@code Instant.now()}.
 */
package org.ombuds.vault;
