/**
 * The retaliation watch and alerts: check-ins agreed with a visitor, and what needs an Ombuds'
 * attention (a retaliation report, a portal message, a due check-in).
 *
 * <p>Nothing here holds text or needs a key: an alert is a kind, an urgency, a case id (or none), a
 * day and an acknowledgement; a watch is a person and case (both dropped when the case is
 * destroyed), an end day and check-in days. So alerts can be raised while the office is locked, and
 * a watch outlives its case without keeping anything of its content. Every change commits with an
 * audit entry naming ids and kinds only. Pure domain code: no framework, no SQL, no keys.
 */
package org.ombuds.retaliation;
