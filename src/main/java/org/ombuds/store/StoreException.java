package org.ombuds.store;

/**
 * The storage layer's one fault type: the database could not be opened, read or written. Its
 * message says what went wrong in plain words for the operator; it never carries row values, so it
 * cannot leak case content into a log.
 */
public class StoreException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public StoreException(String message) {
    super(message);
  }
}
