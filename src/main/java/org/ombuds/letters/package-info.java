/**
 * Letters and published stories: renders a released disclosure as a PDF (OpenPDF) or plain text on
 * the office's letterhead, and a story of the publication series as Markdown, HTML or PDF. Every
 * public method takes an {@link org.ombuds.mandate.Outbound}, the capability only the mandate's
 * release step can mint, so nothing about a case that was not released can be rendered here; the
 * one exception is a story written without a case, rendered from a {@link
 * org.ombuds.stories.ClearedStory}, the capability only the open-case check mints. Nothing else in
 * the product may use the PDF library (ArchUnit checks all three). A letter holds the letterhead,
 * the date, the recipient and exactly the released text: no case title, no person's name that the
 * consented text does not itself contain, no signature naming anyone.
 */
package org.ombuds.letters;
