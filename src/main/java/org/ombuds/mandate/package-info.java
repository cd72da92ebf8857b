/**
 * The mandate: disclosures, consent and the imminent-harm determination, the single exit through
 * which anything about a case may leave the office.
 *
 * <p>Rules enforced here, each with tests in both directions: nothing is released without the
 * consent of every person concerned to that exact version (recipient, identity mode, text); an edit
 * voids earlier consents; a consent can be revoked until release; the one exception needs a
 * recorded determination that the threat is imminent AND serious (and a second Ombuds when the
 * office requires it), after which a reminder to inform the visitor is created. {@link
 * org.ombuds.mandate.Outbound} is the capability every renderer of outbound content requires, and
 * only {@link org.ombuds.mandate.Mandate} can mint it. Audit entries carry ids and outcomes, never
 * text. Pure domain code: no framework, no SQL, no keys beyond the case cipher it is handed.
 *
 * <p>{@link org.ombuds.mandate.ExitCheck} watches the other doors free text leaves by (stories, the
 * annual report's own texts, portal replies, the letterhead): none may name anyone on file in an
 * open case, in any spelling; its javadoc records the recusal trade-off.
 */
package org.ombuds.mandate;
