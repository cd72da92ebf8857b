package org.ombuds.retaliation;

import java.util.Optional;

/** Where the office's notification settings are kept (the storage adapter implements it). */
public interface NotificationStore {

  /** The settings with the sealed SMTP password, if any. */
  record Stored(NotificationSettings settings, Optional<byte[]> sealedPassword) {}

  Optional<Stored> load();

  /** Replaces the settings and the sealed password. */
  void save(Stored stored);
}
