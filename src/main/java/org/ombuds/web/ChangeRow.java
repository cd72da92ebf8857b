package org.ombuds.web;

import java.util.List;

/**
 * A pending (or decided) change to the office's safeguards as the dashboard shows it.
 *
 * @param what the change in the reader's words, one line per setting
 * @param mine whether the reader asked for it (then they may only cancel it)
 * @param mayConfirm whether the reader may confirm it
 * @param decidedBy the username of whoever decided it, or empty
 */
public record ChangeRow(
    String id,
    String status,
    String requestedBy,
    String requestedOn,
    List<String> what,
    boolean mine,
    boolean mayConfirm,
    String decidedBy) {
  public ChangeRow {
    what = List.copyOf(what);
  }
}
