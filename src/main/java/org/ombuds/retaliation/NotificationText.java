package org.ombuds.retaliation;

/**
 * What a notification e-mail says: that something needs attention, of which broad kind, and to log
 * in. It is built from the alert's kind and urgency only, so it cannot say anything about a case:
 * no case id, no name, no text. English, then French.
 */
public final class NotificationText {
  public static final String SUBJECT =
      "Ombuds office: something needs your attention / quelque chose demande votre attention";

  private NotificationText() {}

  /** The body for an alert of this kind and urgency. */
  public static String body(AlertKind kind, boolean urgent) {
    String en =
        urgent
            ? "There is an urgent alert."
            : switch (kind) {
              case PORTAL_MESSAGE -> "There is a new portal message.";
              case CHECK_IN_DUE -> "A check-in is due.";
              case EXIT_CHECK_MATCH -> "There is a new alert.";
              case RETALIATION_REPORTED -> "There is a new alert.";
            };
    String fr =
        urgent
            ? "Une alerte urgente vous attend."
            : switch (kind) {
              case PORTAL_MESSAGE -> "Un nouveau message est arrivé par le portail.";
              case CHECK_IN_DUE -> "Un suivi convenu arrive à échéance.";
              case EXIT_CHECK_MATCH -> "Une nouvelle alerte vous attend.";
              case RETALIATION_REPORTED -> "Une nouvelle alerte vous attend.";
            };
    return en
        + "\nLog in to the Ombuds application to see it. This message deliberately says nothing more."
        + "\n\n"
        + fr
        + "\nConnectez-vous à l'application de l'Ombuds pour la consulter. Ce message n'en dit"
        + " volontairement pas plus.\n";
  }

  /** The body of a test message. */
  public static String test() {
    return "This is a test of the Ombuds office's e-mail notifications: they arrive.\n\n"
        + "Ceci est un essai des notifications par courriel du bureau de l'Ombuds : elles"
        + " arrivent.\n";
  }
}
