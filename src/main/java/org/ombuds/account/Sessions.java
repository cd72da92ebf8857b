package org.ombuds.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import org.ombuds.vault.OfficeKeys;

/**
 * The open Ombuds sessions and the office keys they unlocked, in memory only.
 *
 * <p>The unwrapped office keys exist exactly while at least one session is open: the first login
 * after a start unlocks the office, and when the last session ends (logout or {@link #IDLE_LIMIT}
 * without use) the keys are dropped and the office is locked again. A restart therefore always
 * leaves the office locked. Tokens are kept only as hashes.
 */
public final class Sessions {
  /** A session unused for this long ends. */
  public static final Duration IDLE_LIMIT = Duration.ofMinutes(30);

  /** Why a session ended. */
  public enum End {
    LOGOUT,
    EXPIRED
  }

  private final Clock clock;
  private final BiConsumer<Session, End> onEnd;
  private final Runnable onLock;
  private final Map<String, Session> byHash = new ConcurrentHashMap<>();
  private OfficeKeys keys;

  /**
   * @param onEnd told of every session that ends, after it ended
   * @param onLock told when the last session ended and the keys were dropped
   */
  public Sessions(Clock clock, BiConsumer<Session, End> onEnd, Runnable onLock) {
    this.clock = clock;
    this.onEnd = onEnd;
    this.onLock = onLock;
  }

  /** Opens a session for {@code account}, keeping {@code unlocked} if the office was locked. */
  public synchronized SessionToken open(Account account, OfficeKeys unlocked, boolean restricted) {
    SessionToken token = SessionToken.generate();
    Instant now = clock.instant();
    byHash.put(
        token.hash(),
        new Session(token.hash(), account.id(), account.username(), now, now, restricted));
    if (keys == null) {
      keys = unlocked;
    }
    return token;
  }

  /** The live session for a presented token, marking it used now; empty if none or expired. */
  public Optional<Session> use(SessionToken token) {
    expireIdle();
    Session s = byHash.computeIfPresent(token.hash(), (h, old) -> old.touchedAt(clock.instant()));
    return Optional.ofNullable(s);
  }

  /** Lifts the restriction of a session once its account has a second factor. */
  public void unrestrict(SessionToken token) {
    byHash.computeIfPresent(token.hash(), (h, old) -> old.unrestricted());
  }

  /** Ends the session of {@code token}, if open. */
  public void close(SessionToken token) {
    Session s;
    synchronized (this) {
      s = byHash.remove(token.hash());
    }
    if (s != null) {
      ended(List.of(s), End.LOGOUT);
    }
  }

  /** Ends every session of an account (for example when it is disabled). */
  public void closeAllOf(String accountId) {
    List<Session> gone;
    synchronized (this) {
      gone = byHash.values().stream().filter(s -> s.accountId().equals(accountId)).toList();
      gone.forEach(s -> byHash.remove(s.tokenHash()));
    }
    ended(gone, End.LOGOUT);
  }

  /** Ends the sessions unused for longer than {@link #IDLE_LIMIT}. */
  public void expireIdle() {
    Instant limit = clock.instant().minus(IDLE_LIMIT);
    List<Session> gone;
    synchronized (this) {
      gone = byHash.values().stream().filter(s -> s.lastSeenAt().isBefore(limit)).toList();
      gone.forEach(s -> byHash.remove(s.tokenHash()));
    }
    ended(gone, End.EXPIRED);
  }

  private void ended(List<Session> gone, End why) {
    if (gone.isEmpty()) {
      return;
    }
    gone.forEach(s -> onEnd.accept(s, why));
    boolean locked;
    synchronized (this) {
      locked = byHash.isEmpty() && keys != null;
      if (locked) {
        keys = null;
      }
    }
    if (locked) {
      onLock.run();
    }
  }

  /** The office keys, present while the office is unlocked. */
  public synchronized Optional<OfficeKeys> keys() {
    return Optional.ofNullable(keys);
  }

  /** How many sessions are open. */
  public int count() {
    return byHash.size();
  }
}
