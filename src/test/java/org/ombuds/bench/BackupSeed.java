package org.ombuds.bench;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;
import org.ombuds.app.DataDir;
import org.ombuds.app.Office;
import org.ombuds.casefile.NewCase;
import org.ombuds.casefile.WorkUnit;

/**
 * Seeds the office of the backup and restore throughput measurement (see {@code
 * docs/benchmarks.md}): {@code CASES} cases of {@code NOTES} notes of about 19,000 characters (the
 * longest a note may be is 20,000), all written through {@code CaseService}, so the database is
 * what an office of that size holds: ciphertexts, wrapped keys and the audit log.
 *
 * <pre>
 * java -cp target/test-classes:target/classes:$(cat cp.txt) \
 *     org.ombuds.bench.BackupSeed /var/tmp/ombuds-backup 400 25
 * </pre>
 */
public final class BackupSeed {
  private static final int NOTE_CHARS = 19_000;

  private BackupSeed() {}

  public static void main(String[] args) {
    if (args.length != 3) {
      System.err.println("usage: BackupSeed DIR CASES NOTES");
      System.exit(2);
    }
    Path dir = Path.of(args[0]);
    int cases = Integer.parseInt(args[1]);
    int notes = Integer.parseInt(args[2]);
    long t0 = System.nanoTime();
    try (Office office = BenchSupport.newOffice(dir)) {
      String actor = BenchSupport.login(office);
      for (int i = 0; i < cases; i++) {
        String id =
            office
                .cases()
                .create(
                    actor,
                    new NewCase(
                        String.format(Locale.ROOT, "Backup case %04d", i),
                        List.of("1a"),
                        new WorkUnit("Unit " + i % 97, 10 + i % 30)));
        for (int n = 0; n < notes; n++) {
          office.cases().addNote(actor, id, note(i, n));
        }
        if ((i + 1) % 50 == 0) {
          System.out.printf(
              Locale.ROOT, "%d/%d cases (%.0f s)%n", i + 1, cases, (System.nanoTime() - t0) / 1e9);
        }
      }
    }
    try (Office office = Office.open(new DataDir(dir), Optional.empty(), Clock.systemUTC())) {
      System.out.println("audit entries: " + office.audit().verify());
    }
  }

  private static String note(int i, int n) {
    SplittableRandom r = new SplittableRandom(i * 7_919L + n);
    StringBuilder b = new StringBuilder(NOTE_CHARS + 200);
    while (b.length() < NOTE_CHARS) {
      b.append(CaseFileSeed.note(r.nextInt(100_000), r.nextInt(100))).append(' ');
    }
    b.setLength(NOTE_CHARS);
    return b.toString().strip();
  }
}
