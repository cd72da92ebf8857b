package org.ombuds.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** The progress shown on standard error: a bar on a terminal, tenths as lines otherwise. */
class ProgressReportTest {
  @Test
  void without_a_terminal_prints_one_line_per_tenth() {
    StringWriter text = new StringWriter();
    ProgressReport p = new ProgressReport(new PrintWriter(text), "backup", false);
    p.total(1000);
    for (int i = 0; i < 1000; i++) {
      p.advance(1);
    }
    p.finish();
    assertThat(text.toString().lines())
        .containsExactly(
            "backup: 0%",
            "backup: 10%",
            "backup: 20%",
            "backup: 30%",
            "backup: 40%",
            "backup: 50%",
            "backup: 60%",
            "backup: 70%",
            "backup: 80%",
            "backup: 90%",
            "backup: 100%");
  }

  @Test
  void on_a_terminal_redraws_a_bar_in_place_and_ends_the_line() {
    StringWriter text = new StringWriter();
    ProgressReport p = new ProgressReport(new PrintWriter(text), "restore", true);
    p.total(4);
    p.advance(2);
    p.advance(2);
    p.finish();
    String out = text.toString();
    assertThat(out).contains("\rrestore [" + "#".repeat(15) + ".".repeat(15) + "] 50%");
    assertThat(out).contains("\rrestore [" + "#".repeat(30) + "] 100%");
    assertThat(out).endsWith(System.lineSeparator()).doesNotContain("\n\r");
  }

  @Test
  void an_empty_copy_shows_done() {
    StringWriter text = new StringWriter();
    ProgressReport p = new ProgressReport(new PrintWriter(text), "migrate", false);
    p.total(0);
    assertThat(text.toString()).contains("migrate: 100%");
  }
}
