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
import org.ombuds.common.Ids;
import org.ombuds.common.Transactions;
import org.ombuds.vault.FieldRef;
import org.ombuds.vault.OfficeKeys;
import org.ombuds.vault.Vault;

/**
 * The annual report: decrypts the statistical records while the office is unlocked, counts them,
 * and hands back only a {@link PublishedReport}. The office's inputs (threshold, personnel, the
 * assessment) are read and written here, always encrypted under the office key.
 *
 * <p>The Ombuds' own texts (assessment, observations, recommendations) are saved as written, but
 * the report leaves the office (PDF, CSV, JSON: {@link #forExport}) only once the {@link TextCheck}
 * (the mandate's exit check) found no one of an open case in them: a draft may be kept while the
 * Ombuds works on it, and the check runs against the cases open at the time of the export.
 */
public final class ReportService {
  /** How many earlier years a report is compared with. */
  public static final int COMPARISON_YEARS = 2;

  static final FieldRef SETTINGS_REF = FieldRef.office("report_settings", "data_enc", "1");
  private static final int BATCH = 8192;

  /** Records per segment: 4,096 records are about 60 KB encoded. */
  static final int SEGMENT = 4096;

  private static final int SEGMENTS_PER_TRANSACTION = 8;

  private final ReportStore store;
  private final Vault vault;
  private final Supplier<Optional<OfficeKeys>> keys;
  private final ReportAxes axes;
  private final AuditLog audit;
  private final Transactions tx;
  private final TextCheck textCheck;

  /** The check the report's own texts pass before the report leaves. */
  @FunctionalInterface
  public interface TextCheck {
    /**
     * Returns when {@code texts} (the year's assessment, observations and recommendations) may
     * leave; throws the refusal otherwise.
     */
    void require(String actorId, int year, String texts);
  }

  /**
   * Checks the report's own texts for {@code year}: returns when they may leave.
   *
   * @throws RuntimeException the exit check's refusal (409 {@code open_case_match})
   */
  public void requireTextsMayLeave(String actorId, int year) {
    YearInputs in = settings().year(ReportSettings.checkYear(year));
    String texts =
        String.join("\n\n", in.assessment(), in.observations(), in.recommendations()).strip();
    if (!texts.isEmpty()) {
      textCheck.require(actorId, year, texts);
    }
  }

  /** The report of {@code year} to export: {@link #annual} once its own texts passed the check. */
  public PublishedReport forExport(String actorId, int year) {
    requireTextsMayLeave(actorId, year);
    return annual(actorId, year);
  }

  public ReportService(
      ReportStore store,
      Vault vault,
      Supplier<Optional<OfficeKeys>> keys,
      ReportAxes axes,
      AuditLog audit,
      Transactions tx,
      TextCheck textCheck) {
    this.textCheck = java.util.Objects.requireNonNull(textCheck, "textCheck");
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
    OfficeKeys k = unlocked();
    pack(actorId, k);
    Map<Integer, Figures.Counter> byYear = count(k);
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

  /**
   * Packs loose records (one row each, as closing a case writes them) into segments of {@link
   * #SEGMENT} records, a few segments per transaction; fewer than a segment's worth stay loose.
   *
   * @return how many records were packed
   */
  int pack(String actorId, OfficeKeys k) {
    int packed = 0;
    while (store.looseRecordCount() >= SEGMENT) {
      int n =
          tx.inTransaction(
              () -> {
                List<ReportStore.StatRow> loose =
                    store.looseRecordsForPacking(SEGMENT * SEGMENTS_PER_TRANSACTION);
                int done = 0;
                for (int from = 0; from + SEGMENT <= loose.size(); from += SEGMENT) {
                  List<ReportStore.StatRow> part = loose.subList(from, from + SEGMENT);
                  List<StatisticalRecord> records =
                      part.parallelStream().map(row -> decode(k, row)).toList();
                  String segmentId = Ids.newId();
                  store.insertSegment(
                      segmentId,
                      vault.encryptOffice(k, segmentRef(segmentId), RecordSegment.encode(records)),
                      part.stream().map(ReportStore.StatRow::id).toList());
                  done += SEGMENT;
                }
                if (done > 0) {
                  audit.append(
                      new AuditEvent(
                          AuditKind.STAT_RECORDS_PACKED,
                          actorId,
                          "report",
                          Integer.toString(done)));
                }
                return done;
              });
      if (n == 0) {
        break; // another instance packed them meanwhile
      }
      packed += n;
    }
    return packed;
  }

  /** Counts every record by year, segments and loose records alike, decrypting in parallel. */
  Map<Integer, Figures.Counter> count(OfficeKeys k) {
    Map<Integer, Figures.Counter> byYear = new TreeMap<>();
    store.everyRecord(
        BATCH,
        batch ->
            merge(
                byYear,
                batch.parallelStream()
                    .collect(
                        TreeMap<Integer, Figures.Counter>::new,
                        (part, row) -> {
                          if (row.segment()) {
                            RecordSegment.decode(
                                vault.decryptOffice(k, segmentRef(row.id()), row.data()),
                                r -> tally(part, r));
                          } else {
                            tally(part, decode(k, row));
                          }
                        },
                        ReportService::merge)));
    return byYear;
  }

  private static void tally(Map<Integer, Figures.Counter> byYear, StatisticalRecord r) {
    byYear.computeIfAbsent(r.year(), y -> new Figures.Counter()).add(r);
  }

  private static void merge(Map<Integer, Figures.Counter> into, Map<Integer, Figures.Counter> b) {
    b.forEach((y, c) -> into.merge(y, c, Figures.Counter::mergeAll));
  }

  private static FieldRef segmentRef(String segmentId) {
    return FieldRef.office("stat_segment", "data_enc", segmentId);
  }

  private StatisticalRecord decode(OfficeKeys k, ReportStore.StatRow row) {
    return StatisticalRecord.decode(
        vault.decryptOffice(k, FieldRef.office("stat_record", "data_enc", row.id()), row.data()));
  }
}
