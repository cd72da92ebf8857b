package org.ombuds.records;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.ombuds.audit.AuditEvent;
import org.ombuds.audit.AuditKind;
import org.ombuds.audit.AuditLog;
import org.ombuds.common.Transactions;
import org.ombuds.vault.FieldRef;
import org.ombuds.vault.OfficeKeys;
import org.ombuds.vault.Vault;

/**
 * The annual report: decrypts the statistical records while the office is unlocked, counts them,
 * and hands back only a {@link PublishedReport}. The office's inputs (threshold, personnel, the
 * assessment) are read and written here, always encrypted under the office key.
 */
public final class ReportService {
  /** How many earlier years a report is compared with. */
  public static final int COMPARISON_YEARS = 2;

  static final FieldRef SETTINGS_REF = FieldRef.office("report_settings", "data_enc", "1");
  private static final int BATCH = 8192;

  private final ReportStore store;
  private final Vault vault;
  private final Supplier<Optional<OfficeKeys>> keys;
  private final ReportAxes axes;
  private final AuditLog audit;
  private final Transactions tx;

  public ReportService(
      ReportStore store,
      Vault vault,
      Supplier<Optional<OfficeKeys>> keys,
      ReportAxes axes,
      AuditLog audit,
      Transactions tx) {
    this.store = store;
    this.vault = vault;
    this.keys = keys;
    this.axes = axes;
    this.audit = audit;
    this.tx = tx;
  }

  private OfficeKeys unlocked() {
    return keys.get()
        .orElseThrow(
            () ->
                new ReportException(
                    ReportException.Reason.LOCKED, "The office is locked: log in again."));
  }

  /** The office's report settings (the defaults when it saved none). */
  public ReportSettings settings() {
    OfficeKeys k = unlocked();
    return ReportSettings.orDefaults(
        store.settings().map(c -> vault.decryptOffice(k, SETTINGS_REF, c)));
  }

  /** Sets the suppression threshold; below 2 is refused. */
  public ReportSettings setThreshold(String actorId, int threshold) {
    return save(actorId, settings().withThreshold(threshold));
  }

  /** Replaces what the office entered for {@code year}. */
  public ReportSettings setYear(String actorId, int year, YearInputs inputs) {
    return save(actorId, settings().withYear(year, inputs));
  }

  private ReportSettings save(String actorId, ReportSettings s) {
    byte[] enc = vault.encryptOffice(unlocked(), SETTINGS_REF, s.encode());
    tx.run(
        () -> {
          store.saveSettings(enc);
          audit.append(new AuditEvent(AuditKind.REPORT_SETTINGS_CHANGED, actorId, "report", "ok"));
        });
    return s;
  }

  /** The published report for {@code year}, compared with up to two earlier years with records. */
  public PublishedReport annual(String actorId, int year) {
    ReportSettings.checkYear(year);
    ReportSettings s = settings();
    Map<Integer, Figures.Counter> byYear = count(unlocked());
    List<Figures> figures = new ArrayList<>();
    figures.add(byYear.getOrDefault(year, new Figures.Counter()).figures(year, axes));
    byYear.keySet().stream()
        .filter(y -> y < year)
        .sorted((a, b) -> b - a)
        .limit(COMPARISON_YEARS)
        .forEach(y -> figures.add(byYear.get(y).figures(y, axes)));
    PublishedReport report = Suppression.publish(year, figures, s);
    tx.run(() -> audit.append(new AuditEvent(AuditKind.REPORT_PRODUCED, actorId, "report", "ok")));
    return report;
  }

  /** Counts every record by year, decrypting batches in parallel. */
  Map<Integer, Figures.Counter> count(OfficeKeys k) {
    Map<Integer, Figures.Counter> byYear = new TreeMap<>();
    store.statRecords(
        BATCH,
        batch -> {
          Map<Integer, Figures.Counter> part =
              batch.parallelStream()
                  .map(row -> decode(k, row))
                  .collect(
                      () -> new TreeMap<Integer, Figures.Counter>(),
                      (m, r) -> m.computeIfAbsent(r.year(), y -> new Figures.Counter()).add(r),
                      (a, b) -> b.forEach((y, c) -> a.merge(y, c, Figures.Counter::mergeAll)));
          part.forEach((y, c) -> byYear.merge(y, c, Figures.Counter::mergeAll));
        });
    return byYear;
  }

  private StatisticalRecord decode(OfficeKeys k, ReportStore.StatRow row) {
    return StatisticalRecord.decode(
        vault.decryptOffice(k, FieldRef.office("stat_record", "data_enc", row.id()), row.data()));
  }
}
