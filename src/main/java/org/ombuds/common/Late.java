package org.ombuds.common;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * A required collaborator that can only be bound after the object needing it exists, because the
 * two need each other (the mandate and the portal, the exit check and the portal). It is still a
 * constructor argument of the object that needs it, so it cannot be left out; the composition root
 * binds it once and calls {@link #requireBound} on every one before the office starts, so a
 * forgotten binding fails at start instead of leaving a rule silently without its input.
 */
public final class Late<T> implements Supplier<T> {
  private final String what;
  private volatile T value;

  private Late(String what) {
    this.what = Objects.requireNonNull(what, "what");
  }

  /** An unbound collaborator; {@code what} names it in the failure when it is used unbound. */
  public static <T> Late<T> of(String what) {
    return new Late<>(what);
  }

  /**
   * Binds it, once.
   *
   * @throws IllegalStateException when it is bound already
   */
  public synchronized void bind(T collaborator) {
    Objects.requireNonNull(collaborator, what);
    if (value != null) {
      throw new IllegalStateException(what + " is wired twice");
    }
    value = collaborator;
  }

  /**
   * The collaborator.
   *
   * @throws IllegalStateException when it was never bound
   */
  @Override
  public T get() {
    T v = value;
    if (v == null) {
      throw new IllegalStateException(what + " is not wired");
    }
    return v;
  }

  /**
   * Fails unless every one of {@code lates} is bound.
   *
   * @throws IllegalStateException naming the first that is not
   */
  public static void requireBound(Late<?>... lates) {
    for (Late<?> l : lates) {
      l.get();
    }
  }
}
