/**
 * Operations on a whole office: backup, restore and moving to another database. An adapter like
 * {@code app}: it joins the data directory ({@code app}), the generic table copier ({@code store})
 * and the backup encryption ({@code vault}), and holds no key material itself (Tink stays in the
 * vault; an ArchUnit rule says so).
 *
 * <h2>Guarantees</h2>
 *
 * <ul>
 *   <li>A backup is never written in clear: the content goes straight from the database snapshot
 *       into the encrypting stream and into a file beside the target, renamed into place when
 *       complete. The audit key file is left out unless asked for.
 *   <li>A restore decrypts into a temporary directory beside the target, checks row counts and the
 *       audit log, and only then renames it into place; any failure removes it, so nothing is ever
 *       half-restored.
 *   <li>A migration copies in one transaction of the target and switches the office's settings only
 *       after the copy is committed and its audit log verifies; run again after an interruption, it
 *       finishes the job without losing or doubling a row.
 * </ul>
 */
package org.ombuds.backup;
