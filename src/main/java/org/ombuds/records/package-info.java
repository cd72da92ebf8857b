/**
 * Records: what survives a case (the de-identified {@link org.ombuds.records.StatisticalRecord})
 * and the annual report built from them. Pure domain code: nothing here may hold a case id, a name,
 * a date finer than the year or free text from a case.
 *
 * <p>The annual report: {@link org.ombuds.records.ReportService} decrypts the records while the
 * office is unlocked and counts them ({@code Figures}); {@link org.ombuds.records.Suppression} is
 * the only way from those counts to a {@link org.ombuds.records.PublishedReport}, the type every
 * renderer requires (an architecture rule checks that only Suppression constructs one).
 *
 * <p>Suppression: every count below the office's threshold (default 5, never below 2), zero
 * included, is hidden as {@code "<T"} (primary). Then, while an attacker who knows every published
 * equation (each table sums to its total, sub-categories to their category, option decisions to
 * their kind) could pin a hidden cell to one value, one more cell is hidden next to it (secondary,
 * shown as {@code "<suppressed"}, its size not told): the smallest shown non-zero part of an
 * equation it is in, else that equation's total; where the {@code "<T"} labels themselves pin a
 * cell, its small neighbours are relabelled as secondary. The attacker model is interval
 * propagation over the equations followed by probing each value of every hidden cell's interval
 * (package-private {@code Bounds}). Derived figures (shares of personnel, per-visitor and per-case
 * ratios, gender figures adjusted for personnel shares) are computed from shown cells only. Each
 * year is suppressed on its own figures, so a year reads the same as the report's year and as a
 * comparison year. Known limit: a year's records can still grow after its report was published (a
 * case opened in December and closed in January counts in its opening year); comparing two editions
 * of the same year's figures is not protected against.
 *
 * <p>No differential-privacy noise is added: the office gets exact counts with suppression only.
 */
package org.ombuds.records;
