package org.ombuds.mail;

import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.ombuds.retaliation.AlertKind;
import org.ombuds.retaliation.NotificationSettings;
import org.ombuds.retaliation.NotificationText;
import org.ombuds.retaliation.Notifications;
import org.ombuds.retaliation.Notifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a notification e-mail for each alert, asynchronously: {@link #attentionNeeded} only queues
 * the work and returns, so raising an alert is never delayed or failed by the mail server. A send
 * that fails is tried again after each of the retry delays, then given up; the outcome is audited
 * (sent, or failed, with the number of attempts) and a failure is logged by its exception type
 * only. The message is {@link NotificationText}: no case id, no text.
 *
 * <p>A flood (many portal messages, many check-ins due at once) does not flood the mailbox: after a
 * routine (not urgent) notification of one kind, others of that kind are not sent for {@link
 * #QUIET} (the alerts themselves are all listed; the e-mail only says to log in). Urgent ones are
 * always sent.
 */
public final class SmtpNotifier implements Notifier, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SmtpNotifier.class);
  private static final int TIMEOUT_MS = 15_000;

  /** The delays before the second, third, ... attempts. */
  public static final List<Duration> RETRIES =
      List.of(Duration.ofSeconds(10), Duration.ofMinutes(1), Duration.ofMinutes(5));

  /** How long after a routine notification of a kind no other of that kind is sent. */
  public static final Duration QUIET = Duration.ofMinutes(15);

  private final Notifications notifications;
  private final List<Duration> retries;
  private final Clock clock;
  private final Map<AlertKind, Instant> lastRoutine = new EnumMap<>(AlertKind.class);
  private final ScheduledExecutorService worker =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "notifications");
            t.setDaemon(true);
            return t;
          });

  public SmtpNotifier(Notifications notifications, List<Duration> retries, Clock clock) {
    this.notifications = notifications;
    this.retries = List.copyOf(retries);
    this.clock = clock;
  }

  @Override
  public void attentionNeeded(AlertKind kind, boolean urgent) {
    if (!urgent && quiet(kind)) {
      return;
    }
    queue(NotificationText.body(kind, urgent), 1, Duration.ZERO);
  }

  /** True when a routine notification of this kind went out less than {@link #QUIET} ago. */
  private synchronized boolean quiet(AlertKind kind) {
    Instant now = clock.instant();
    Instant last = lastRoutine.get(kind);
    if (last != null && now.isBefore(last.plus(QUIET))) {
      return true;
    }
    lastRoutine.put(kind, now);
    return false;
  }

  /** Queues a test message with the stored settings. */
  public void test() {
    queue(NotificationText.test(), 1, Duration.ZERO);
  }

  private void queue(String body, int attempt, Duration delay) {
    try {
      // attempt() catches everything itself, so the future holds nothing to check.
      var unused =
          worker.schedule(() -> attempt(body, attempt), delay.toMillis(), TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException e) {
      // Shutting down: the alert itself is stored and listed; only the e-mail is lost.
      LOG.warn("A notification was not queued: the server is stopping");
    }
  }

  private void attempt(String body, int attempt) {
    Optional<Notifications.Delivery> delivery;
    try {
      delivery = notifications.delivery();
    } catch (RuntimeException e) {
      LOG.error("Notification settings could not be read ({})", e.getClass().getSimpleName());
      return;
    }
    if (delivery.isEmpty()) {
      return; // notifications are off
    }
    try {
      send(delivery.get(), body);
      record(true, attempt);
    } catch (MessagingException | RuntimeException e) {
      // The type only: a mail server's answer may echo addresses or the message.
      boolean last = attempt > retries.size();
      LOG.warn(
          "Sending a notification failed ({}), attempt {}{}",
          e.getClass().getSimpleName(),
          attempt,
          last ? "; giving up" : "; will retry");
      if (last) {
        record(false, attempt);
      } else {
        queue(body, attempt + 1, retries.get(attempt - 1));
      }
    }
  }

  private void record(boolean sent, int attempts) {
    try {
      notifications.recordOutcome(sent, attempts);
    } catch (RuntimeException e) {
      LOG.error("A notification's outcome was not audited ({})", e.getClass().getSimpleName());
    }
  }

  static void send(Notifications.Delivery d, String body) throws MessagingException {
    NotificationSettings s = d.settings();
    Properties p = new Properties();
    String proto = s.security() == NotificationSettings.Security.TLS ? "smtps" : "smtp";
    p.setProperty("mail.transport.protocol", proto);
    p.setProperty("mail." + proto + ".host", s.host());
    p.setProperty("mail." + proto + ".port", Integer.toString(s.port()));
    p.setProperty("mail." + proto + ".connectiontimeout", Integer.toString(TIMEOUT_MS));
    p.setProperty("mail." + proto + ".timeout", Integer.toString(TIMEOUT_MS));
    p.setProperty("mail." + proto + ".writetimeout", Integer.toString(TIMEOUT_MS));
    p.setProperty("mail." + proto + ".auth", Boolean.toString(s.username().isPresent()));
    if (s.security() == NotificationSettings.Security.STARTTLS) {
      p.setProperty("mail.smtp.starttls.enable", "true");
      p.setProperty("mail.smtp.starttls.required", "true");
    }
    if (s.security() != NotificationSettings.Security.NONE) {
      p.setProperty("mail." + proto + ".ssl.checkserveridentity", "true");
    }
    Authenticator auth =
        new Authenticator() {
          @Override
          protected PasswordAuthentication getPasswordAuthentication() {
            return new PasswordAuthentication(s.username().orElse(""), d.password().orElse(""));
          }
        };
    Session session = Session.getInstance(p, auth);
    MimeMessage m = new MimeMessage(session);
    m.setFrom(new InternetAddress(s.from(), true));
    m.setRecipient(Message.RecipientType.TO, new InternetAddress(s.to(), true));
    m.setSubject(NotificationText.SUBJECT, StandardCharsets.UTF_8.name());
    m.setText(body, StandardCharsets.UTF_8.name());
    try (Transport t = session.getTransport(proto)) {
      t.connect();
      m.saveChanges();
      t.sendMessage(m, m.getAllRecipients());
    }
  }

  /** Stops the worker; queued notifications are dropped. */
  @Override
  public void close() {
    worker.shutdownNow();
  }
}
