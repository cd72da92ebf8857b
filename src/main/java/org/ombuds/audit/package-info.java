/**
 * The tamper-evident audit log: who did what, when, as identifiers only.
 *
 * <h2>What lives here</h2>
 *
 * <ul>
 *   <li>{@link org.ombuds.audit.AuditEvent}: what the application records, a {@link
 *       org.ombuds.audit.AuditKind} and up to three identifiers (actor, subject, outcome);
 *   <li>{@link org.ombuds.audit.AuditLog}: appends events as hash-chained, authenticated {@link
 *       org.ombuds.audit.AuditEntry entries} and {@link org.ombuds.audit.AuditLog#verify()
 *       verifies} the whole log;
 *   <li>the ports the application wires: {@link org.ombuds.audit.AuditStore} (a database table),
 *       {@link org.ombuds.audit.EntryAuthenticator} (a keyed HMAC whose key is in the key file),
 *       {@link org.ombuds.audit.AuditAnchor} (the head outside the database, normally a {@link
 *       org.ombuds.audit.FileAuditAnchor} next to the key file) and {@link
 *       org.ombuds.audit.AfterCommit}.
 * </ul>
 *
 * <p>This package is pure domain code: it depends on the JDK only (SHA-256 from {@code
 * java.security.MessageDigest}); keys, MACs and SQL live elsewhere.
 *
 * <h2>What must never live here</h2>
 *
 * Case content, ever: no names, no notes, no descriptions, no free text of any kind, not even
 * hashed. The log is meant to be read and exported by people who must not learn anything about a
 * case from it. {@link org.ombuds.audit.AuditEvent} enforces this by accepting only identifiers
 * ({@code [A-Za-z0-9:._-]}, at most 100 characters), and its error messages never echo the refused
 * value. Identifiers must themselves reveal nothing: use opaque ids ({@code case:2024-017}), never
 * a person's name or e-mail address as an id.
 *
 * <h2>Guarantees</h2>
 *
 * Someone who can change the database but does not hold the key file, typically a database
 * administrator, cannot undetectably:
 *
 * <ul>
 *   <li>edit any field of an entry (the hash no longer matches, or, if recomputed, the MAC fails);
 *   <li>insert, delete or reorder entries (the sequence or the hash chain breaks, and forged links
 *       cannot be authenticated);
 *   <li>remove entries from the end (the head outside the database records a later entry), nor hide
 *       such a removal by letting the application append again ({@link
 *       org.ombuds.audit.AuditLog#append} refuses to extend a log that is shorter than its head).
 * </ul>
 *
 * {@link org.ombuds.audit.AuditLog#verify()} reports the first entry that fails, in plain words.
 *
 * <h2>Limits</h2>
 *
 * <ul>
 *   <li>Anyone holding the key file can forge a whole new log and head. The key file must be kept
 *       outside the database, with the head file, where a database administrator cannot read it.
 *   <li>Anyone who can replace both the database and the head file with older copies (a restored
 *       backup of both) rolls the log back undetectably. Restoring only the database looks exactly
 *       like entries removed from the end, and is reported as such.
 *   <li>The head may lag: entries committed just before a crash, whose head update had not yet run,
 *       lie past the head. They are accepted by verification and the next append moves the head
 *       past them; until then those few entries could be removed from the end unnoticed.
 *   <li>Deleting the head file while the log is empty is not detectable; deleting it afterwards is
 *       reported, and is also what a crash between the very first append and its head update leaves
 *       behind.
 *   <li>The log proves what was recorded, not that everything was recorded: an application that
 *       skips {@code append}, or a database administrator who reads data directly, leaves no entry.
 *   <li>Times come from the application's clock and are not checked for order.
 * </ul>
 */
package org.ombuds.audit;
