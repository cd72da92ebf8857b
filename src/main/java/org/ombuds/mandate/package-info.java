/**
 * The mandate: consent, disclosure and the imminent-harm determination, the single exit through
 * which anything about a case may leave the office. Pure domain code; the release step will be the
 * only code able to turn case content into something outbound. (Built with the mandate issue;
 * nothing here yet.)
 */
package org.ombuds.mandate;
