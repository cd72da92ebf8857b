package org.ombuds.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;
import org.ombuds.app.DataDir;
import org.ombuds.app.Office;
import org.ombuds.casefile.CaseView;
import org.ombuds.casefile.NewCase;
import org.ombuds.casefile.WorkUnit;

/**
 * Seeds the office of the "case file" measurement ({@link CaseFileLoad}): {@value #CASES} open
 * cases of {@value #NOTES} notes of about {@value #NOTE_CHARS} characters each, all written through
 * {@code CaseService} (so every field is encrypted under its case's key and every write commits
 * with its audit entry, as in production: one transaction and one audit head write per note).
 *
 * <p>The office is made with {@link BenchSupport}'s Ombuds ({@code bench} / {@code bench passphrase
 * 123}). Run again on the same directory, it tops the office up to the wanted size (so an
 * interrupted seed can be resumed). The notes are the same on every run (fixed random seed). One
 * case in {@value #RARE_EVERY} has a note with the rare word {@value #RARE_WORD}: the search of
 * {@link CaseFileLoad} looks for it together with a common word, so it scans everything and finds a
 * few cases.
 *
 * <pre>
 * ./mvnw -q -B -o test-compile
 * ./mvnw -q -B -o dependency:build-classpath -Dmdep.outputFile=cp.txt -Dmdep.includeScope=test
 * java --enable-native-access=ALL-UNNAMED -cp target/test-classes:target/classes:$(cat cp.txt) \
 *     org.ombuds.bench.CaseFileSeed /var/tmp/ombuds-casefile [CASES [NOTES]]
 * </pre>
 *
 * (with the JDK of {@code scripts/find-jdk.sh}; put the directory on a real disk, not a tmpfs).
 */
public final class CaseFileSeed {
  static final int CASES = 1000;
  static final int NOTES = 50;
  static final int NOTE_CHARS = 300;
  static final int RARE_EVERY = 50;
  static final String RARE_WORD = "tachograph";
  static final String COMMON_WORD = "supervisor";

  private static final List<String> SENTENCES =
      List.of(
          "The visitor described a recurring conflict with a supervisor over shift assignments.",
          "She asked how to raise it informally before any formal step is taken.",
          "We went through the options: a facilitated conversation, a referral, or doing nothing"
              + " for now.",
          "He is worried that speaking up will affect his next evaluation.",
          "The team lead has not replied to two emails about the overtime schedule.",
          "A colleague witnessed the exchange in the corridor but does not want to be named.",
          "The visitor will think about it and come back after the holidays.",
          "We agreed that nothing will be shared with HR without explicit consent.",
          "The department head changed the rota without the usual consultation.",
          "They feel excluded from meetings since the reorganisation in spring.",
          "The issue seems to be a pattern across the unit rather than one incident.",
          "I explained the limits of confidentiality and the imminent-risk exception.",
          "The visitor brought a written timeline of the events since January.",
          "A shuttle conversation between the two parties could be a first step.",
          "The supervisor reportedly raised her voice during the weekly stand-up.",
          "We discussed how to document the incidents without escalating.");

  private CaseFileSeed() {}

  public static void main(String[] args) {
    if (args.length < 1 || args.length > 3) {
      System.err.println("usage: CaseFileSeed DIR [CASES [NOTES]]");
      System.exit(2);
    }
    Path dir = Path.of(args[0]);
    int cases = args.length > 1 ? Integer.parseInt(args[1]) : CASES;
    int notes = args.length > 2 ? Integer.parseInt(args[2]) : NOTES;
    long t0 = System.nanoTime();
    try (Office office = openOrInit(dir)) {
      String actor = BenchSupport.login(office);
      seed(office, actor, cases, notes);
    }
    System.out.printf(
        Locale.ROOT,
        "seeded %s: %d cases x %d notes in %.0f s%n",
        dir,
        cases,
        notes,
        (System.nanoTime() - t0) / 1e9);
  }

  private static Office openOrInit(Path dir) {
    if (Files.exists(dir.resolve(DataDir.AUDIT_KEY))) {
      return Office.open(new DataDir(dir), Optional.empty(), Clock.systemUTC());
    }
    return BenchSupport.newOffice(dir);
  }

  /** Tops the office up to {@code cases} open cases of {@code notes} notes each. */
  static void seed(Office office, String actor, int cases, int notes) {
    // Oldest first, so that case i keeps the same content when a seed is resumed.
    List<CaseView> existing =
        office.cases().list(actor).reversed().stream().filter(CaseView::isOpen).toList();
    long t0 = System.nanoTime();
    for (int i = 0; i < cases; i++) {
      String id;
      int have;
      if (i < existing.size()) {
        id = existing.get(i).id();
        have = office.cases().get(actor, id).notes().size();
      } else {
        id =
            office
                .cases()
                .create(
                    actor,
                    new NewCase(
                        String.format(Locale.ROOT, "Case %04d: %s", i, title(i)),
                        List.of(i % 2 == 0 ? "1a" : "2b"),
                        new WorkUnit(
                            String.format(Locale.ROOT, "Unit %03d", i % 137), 8 + i % 40)));
        have = 0;
      }
      for (int n = have; n < notes; n++) {
        office.cases().addNote(actor, id, note(i, n));
      }
      if ((i + 1) % 50 == 0) {
        double s = (System.nanoTime() - t0) / 1e9;
        System.out.printf(
            Locale.ROOT, "%d/%d cases (%.0f s, %s)%n", i + 1, cases, s, CaseFileLoad.loadAvg());
      }
    }
  }

  private static String title(int i) {
    return SENTENCES.get(i % SENTENCES.size()).substring(4, 40).strip();
  }

  /** Note {@code n} of case {@code i}: sentences of the pool up to about NOTE_CHARS characters. */
  static String note(int i, int n) {
    SplittableRandom r = new SplittableRandom(i * 1_000_003L + n);
    StringBuilder b = new StringBuilder(NOTE_CHARS + 100);
    if (i % RARE_EVERY == 7 && n == 25) {
      b.append("The ")
          .append(COMMON_WORD)
          .append(" asked for the ")
          .append(RARE_WORD)
          .append(" records of the night shifts. ");
    }
    while (b.length() < NOTE_CHARS - 40) {
      b.append(SENTENCES.get(r.nextInt(SENTENCES.size()))).append(' ');
    }
    if (b.length() > NOTE_CHARS) {
      b.setLength(NOTE_CHARS);
    }
    return b.toString().strip();
  }
}
