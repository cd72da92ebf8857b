/**
 * The case file: cases, their work unit and categories, and the Ombuds' notes.
 *
 * <p>Everything a visitor said is encrypted with the case's own key before it reaches a {@link
 * org.ombuds.casefile.CaseStore}; this package holds plaintext only in memory, for an Ombuds whose
 * session unlocked the office. Must not live here: SQL, HTTP, or any way for content to leave the
 * office (that is the mandate's release step).
 */
package org.ombuds.casefile;
