/**
 * The e-mail adapter: sends the office's content-free notifications over SMTP (Jakarta Mail). The
 * only code that uses the mail library. It is handed an alert's kind and urgency only, so nothing
 * it sends or logs can carry case content.
 */
package org.ombuds.mail;
