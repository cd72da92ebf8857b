package org.ombuds.cli;

import java.io.Console;
import java.io.PrintWriter;
import java.lang.reflect.Method;
import org.ombuds.store.TableCopier;

/**
 * Shows how far a long copy is on standard error: a bar redrawn in place when it is a terminal,
 * else a plain line at every tenth ("backup: 30%"), so logs stay readable.
 */
final class ProgressReport implements TableCopier.Progress {
  private static final int WIDTH = 30;
  private final PrintWriter err;
  private final String label;
  private final boolean terminal;
  private long total;
  private long done;
  private int shown = -1;

  ProgressReport(PrintWriter err, String label) {
    this(err, label, isTerminal());
  }

  ProgressReport(PrintWriter err, String label, boolean terminal) {
    this.err = err;
    this.label = label;
    this.terminal = terminal;
  }

  /** Whether the process talks to a terminal (Java 22+ says so exactly; Java 21 by a null). */
  @SuppressWarnings("SystemConsoleNull") // null on Java 21 without a terminal; both handled
  static boolean isTerminal() {
    Console c = System.console();
    if (c == null) {
      return false;
    }
    try {
      Method m = Console.class.getMethod("isTerminal");
      return (Boolean) m.invoke(c);
    } catch (ReflectiveOperationException e) {
      return true;
    }
  }

  @Override
  public void total(long rows) {
    total = rows;
    show();
  }

  @Override
  public void advance(long rows) {
    done += rows;
    show();
  }

  private void show() {
    int percent = total <= 0 ? 100 : (int) Math.min(100, done * 100 / total);
    if (terminal) {
      if (percent != shown) {
        int filled = percent * WIDTH / 100;
        err.print(
            "\r"
                + label
                + " ["
                + "#".repeat(filled)
                + ".".repeat(WIDTH - filled)
                + "] "
                + percent
                + "%");
        err.flush();
        shown = percent;
      }
    } else if (percent / 10 != shown / 10 || shown < 0) {
      err.println(label + ": " + (percent / 10 * 10) + "%");
      err.flush();
      shown = percent;
    }
  }

  /** Ends the bar's line. */
  void finish() {
    if (terminal && shown >= 0) {
      err.println();
      err.flush();
    }
  }
}
