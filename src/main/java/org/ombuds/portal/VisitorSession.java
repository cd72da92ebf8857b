package org.ombuds.portal;

import java.time.Instant;
import org.ombuds.vault.PortalVault;

/**
 * A visitor's open portal session: the thread it may see and that thread's private key, in memory
 * only. Prints without the key.
 */
public record VisitorSession(String tokenHash, PortalVault.ThreadKey key, Instant lastSeenAt) {
  /** The only thread this session sees. */
  public String threadId() {
    return key.threadId();
  }

  VisitorSession touchedAt(Instant now) {
    return new VisitorSession(tokenHash, key, now);
  }

  @Override
  public String toString() {
    return "VisitorSession[REDACTED]";
  }
}
