/**
 * The visitor portal: how a visitor reaches the office (anonymously if they wish), reads replies,
 * decides on consent requests and reports retaliation, without ever being identified by the system.
 *
 * <h2>What lives here</h2>
 *
 * <ul>
 *   <li>{@link org.ombuds.portal.Portal}: threads, messages, replies, links to cases, portal access
 *       for a visitor met in person, consent requests and their grants.
 *   <li>{@link org.ombuds.portal.PortalSessions}: visitor sessions in memory (hashed tokens, 15
 *       minutes idle limit), apart from the Ombuds' sessions.
 *   <li>{@link org.ombuds.portal.PortalStore}: the port to storage; {@link
 *       org.ombuds.portal.AlertSink}: the port to the retaliation module's alerts.
 * </ul>
 *
 * <h2>Receipts and keys</h2>
 *
 * <p>A receipt holds 100 random bits (see {@link org.ombuds.vault.Receipt}). The server keeps only
 * what an Argon2id hash of it gives ({@link org.ombuds.vault.PortalVault}): a lookup id and a
 * verifier; the same derivation gives the key that unwraps the thread's private key, never stored.
 * The Argon2id salt is office-wide, not per thread, so that the receipt alone finds its thread with
 * one slow hash: with 100 random bits a thief of the database still pays one 64 MiB Argon2id run
 * per guess in a space of 2<sup>100</sup>, and the salt defeats precomputation across offices. The
 * verifier is compared in constant time. Each thread also stores its receipt's hint (24 bits of an
 * HMAC keyed from the salt; not unique): a receipt whose hint no thread has is refused without the
 * slow hash. A thread made before hints has none until its receipt opens it once; until then every
 * receipt takes the slow path.
 *
 * <p>Everything a visitor writes is sealed to the office's public key (readable by the Ombuds) and
 * to the thread's public key (readable with the receipt); the Ombuds' replies and the copies of
 * drafts sent for consent are sealed to the thread. So the visitor side needs no office secret and
 * works while the office is locked.
 *
 * <h2>Consent</h2>
 *
 * <p>A draft is encrypted under its case key, unreadable while the office is locked; so the Ombuds
 * sends a copy of exactly what the visitor must see (recipient, identity mode, text, the anonymity
 * estimate in plain words, the version) to the thread. A grant is stored as a pending portal grant
 * for that version; the mandate applies it ({@link org.ombuds.mandate.PendingConsents}) as a
 * consent with method PORTAL for that exact version when an unlocked Ombuds next opens or releases
 * the draft. A grant or a refusal names the version the visitor read: if the draft changed
 * meanwhile (or was sent again in a newer version) it is refused ({@code version_changed}) and
 * nothing is recorded, or it shows as outdated and never counts. The visitor can withdraw a grant
 * until release; a consent already applied is then revoked through the mandate before the draft is
 * next shown or released. The visitor's list of requests holds only those awaiting an answer; the
 * thread keeps the whole history.
 *
 * <h2>Independence</h2>
 *
 * <p>An Ombuds recused from a case neither lists, reads, answers nor links a thread linked to it:
 * the answer is the one for a thread that does not exist. Alerts raised by a visitor's steps are
 * limited to one per thread and kind in ten minutes ({@link org.ombuds.portal.AlertThrottle}); what
 * the visitor sends is always kept.
 *
 * <h2>Metadata</h2>
 *
 * <ul>
 *   <li>No IP address and no user agent is read, stored or logged. Throttling is global: one slow
 *       hash at a time; wrong receipts refused by their hint take from a generous bucket of their
 *       own (200, then 50 a second), those that reach the slow hash from a small one (10, then one
 *       every 3 seconds), and new contacts from a third; all refill on their own and answer 429
 *       with Retry-After; the Ombuds' side is never locked out. Since a guesser cannot compute
 *       hints, almost none of their guesses reach the slow hash: the visitor with the right receipt
 *       competes only with the rare guess whose hint some thread has (one in 2<sup>24</sup> per
 *       thread), not with the flood.
 *   <li>Message dates are kept to the day. The inbox is ordered by an activity counter, not a time.
 *       Audit entries of visitor steps name no thread (actor {@code visitor}, subject {@code
 *       portal}), so their exact time cannot date a visitor's message; the Ombuds' steps name it.
 *   <li>A thread outlives its case: destroying the case unlinks the thread and deletes its
 *       messages, the visitor's name and way to reach, and the consent requests; the receipt's
 *       verifier and the thread's keys stay, so the visitor can still come back.
 * </ul>
 *
 * <p>Not here: no framework, no storage or web code, no clock other than the injected one.
 */
package org.ombuds.portal;
