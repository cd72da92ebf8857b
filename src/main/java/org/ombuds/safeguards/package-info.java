/**
 * The second-Ombuds rule for the office's own safeguards: where the office has more than one active
 * Ombuds, no single one can lift a safeguard alone.
 *
 * <p>Loosening a setting (switching off the second-Ombuds rule of the imminent-harm exception or
 * the compulsory second factor, a longer grace period before destruction, a lower suppression
 * threshold of the report, anonymity thresholds less strict than the current ones), handing a
 * colleague's cases over (which disables the colleague) and creating an account are recorded as a
 * {@link org.ombuds.safeguards.PendingChange}: who asked, what, when, never case content. It is
 * applied only when another active Ombuds confirms it; it can be declined, or cancelled by whoever
 * asked. Tightening needs no confirmation, nor does anything in an office with a single active
 * Ombuds.
 *
 * <p>A new account inherits its creator's recusals (so a recused Ombuds cannot read a case through
 * a second account) until an Ombuds other than the creator and the account itself confirms it; in
 * an office with more than one active Ombuds it cannot log in until then.
 */
package org.ombuds.safeguards;
