package org.ombuds.retaliation;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where the office's e-mail notifications go: an SMTP server and two addresses. The password is not
 * part of it: it is set separately and kept only encrypted.
 *
 * @param security how the connection is protected; {@link Security#NONE} is allowed only for a
 *     relay on this machine, so the password never crosses a network in clear
 */
public record NotificationSettings(
    boolean enabled,
    String host,
    int port,
    Security security,
    Optional<String> username,
    String from,
    String to) {

  /** How the SMTP connection is protected. */
  public enum Security {
    /** Plain connection upgraded with STARTTLS, which is required (typically port 587). */
    STARTTLS,
    /** TLS from the first byte (typically port 465). */
    TLS,
    /** No protection: only for a relay on this machine. */
    NONE
  }

  private static final Pattern HOST =
      Pattern.compile("[A-Za-z0-9]([A-Za-z0-9.-]{0,252})|\\[?::1]?");
  private static final Pattern ADDRESS =
      Pattern.compile("[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*");

  /**
   * @throws RetaliationException 400 naming the first field that is not acceptable
   */
  public NotificationSettings {
    Objects.requireNonNull(security, "security");
    Objects.requireNonNull(username, "username");
    host = host == null ? "" : host.strip().toLowerCase(Locale.ROOT);
    from = from == null ? "" : from.strip();
    to = to == null ? "" : to.strip();
    username = username.map(String::strip).filter(u -> !u.isEmpty());
    if (!HOST.matcher(host).matches()) {
      throw RetaliationException.invalid(
          "'host' must be a host name or address, like mail.example.org.");
    }
    if (port < 1 || port > 65_535) {
      throw RetaliationException.invalid("'port' must be between 1 and 65535.");
    }
    if (security == Security.NONE && !isLocal(host)) {
      throw RetaliationException.invalid(
          "Without STARTTLS or TLS, the SMTP server must be on this machine (localhost): the"
              + " password would otherwise cross the network in clear.");
    }
    if (username.isPresent() && username.get().length() > 255) {
      throw RetaliationException.invalid("'username' is too long: at most 255 characters.");
    }
    if (!ADDRESS.matcher(from).matches() || from.length() > 320) {
      throw RetaliationException.invalid(
          "'from' must be an e-mail address, like ombuds@example.org.");
    }
    if (!ADDRESS.matcher(to).matches() || to.length() > 320) {
      throw RetaliationException.invalid(
          "'to' must be an e-mail address, like ombuds@example.org.");
    }
  }

  /** True for this machine's names and addresses. */
  public static boolean isLocal(String host) {
    return host.equals("localhost")
        || host.equals("127.0.0.1")
        || host.equals("::1")
        || host.equals("[::1]");
  }
}
