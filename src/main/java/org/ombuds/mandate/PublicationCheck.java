package org.ombuds.mandate;

/**
 * What the text of a publication must say beyond the mandate's own rules (the series' disclaimer
 * that names and story are fictitious), checked whenever a publication is drafted or edited, so
 * that an edit of a story's disclosure cannot drop it.
 */
@FunctionalInterface
public interface PublicationCheck {
  /**
   * Returns normally when {@code content} may be published.
   *
   * @throws MandateException (422) saying what is missing, naming no content
   */
  void check(DraftContent content);
}
