package org.ombuds.common;

/**
 * A row that a decision depends on does not match its MAC: it was edited, made up, or copied from
 * another row outside the application. Whatever the caller was doing is refused. The message names
 * the table and the row's key (identifiers only, never a value the row holds).
 */
public final class TamperedRowException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String table;
  private final String key;

  public TamperedRowException(String table, String key) {
    super(
        "The database was altered outside ombuds: the "
            + table
            + " row "
            + key
            + " does not match its authentication tag, so nothing that depends on it is done."
            + " Run 'ombuds audit verify' and restore the database from a backup.");
    this.table = table;
    this.key = key;
  }

  /** A row whose content is well tagged but fails another check, told by {@code why}. */
  public TamperedRowException(String table, String key, String why) {
    super(
        "The database was altered outside ombuds: the "
            + table
            + " row "
            + key
            + " "
            + why
            + ", so nothing that depends on it is done. Run 'ombuds audit verify' and restore the"
            + " database from a backup.");
    this.table = table;
    this.key = key;
  }

  /** The table holding the bad row. */
  public String table() {
    return table;
  }

  /** The bad row's key. */
  public String key() {
    return key;
  }
}
