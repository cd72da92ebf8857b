package org.ombuds.retaliation;

/**
 * Tells the Ombuds, outside the application, that something needs attention (an e-mail). It is
 * given the alert's kind and urgency only: never a case id, a watch id or any text, so nothing it
 * sends can carry case content.
 *
 * <p>Called after the alert's transaction committed. Implementations must return at once (queue the
 * work) and never throw: a notification that cannot be sent must not fail or delay the request that
 * raised the alert.
 */
@FunctionalInterface
public interface Notifier {

  /** Sends nothing: for offices without notifications and for tests. */
  Notifier NONE = (kind, urgent) -> {};

  void attentionNeeded(AlertKind kind, boolean urgent);
}
