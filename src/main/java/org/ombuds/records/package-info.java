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
 * <p>Suppression: every count below the office's threshold T (default 5, never below 2), zero
 * included, is hidden as {@code "<T"} (primary). Then more cells are hidden (secondary, shown as
 * {@code "<suppressed"}): while the attacker below learns more about a hidden cell than the labels
 * alone tell, the next partner of the first such cell is hidden: the first shown part, in report
 * order, of an equation the cell is in, else that equation's total. The order does not depend on
 * the counts (choosing the smallest sibling, as before, told that the partner was at most each
 * shown sibling, and a partner of exactly T gave its small cell away). A small count is never
 * hidden as secondary, so {@code "<suppressed"} means "at least T". If no partner is left beside an
 * exposed cell, every shown count of the year is hidden (last resort). Derived figures (shares of
 * personnel, per-visitor and per-case ratios, gender figures adjusted for personnel shares) are
 * computed from shown cells only. Each year is suppressed on its own figures, so a year reads the
 * same as the report's year and as a comparison year, and no equation links two years.
 *
 * <p>The attacker model (package-private {@code Bounds}; the tests' {@code Attacker} is written
 * independently): it knows the code, every shown count and every published equation (each table
 * sums to its total, sub-categories to their category, option decisions to their kind), that a
 * {@code "<T"} cell is in [0, T-1], that a {@code "<suppressed"} cell is at least T, and the year's
 * {@code empty} flag. It propagates intervals through the equations and probes each value of every
 * hidden cell.
 *
 * <p>Protection criterion: the published counts tell the attacker nothing beyond what the labels
 * alone tell, i.e. what it would deduce if every shown count read only "at least T": no value of a
 * {@code "<T"} cell that the labels allow can be excluded (normally all of [0, T-1]), and no {@code
 * "<suppressed"} cell is pinned to one value. The labels alone tell a little, and truthful labels
 * cannot avoid it: a category of at least T made of exactly two {@code "<T"} sub-categories has at
 * least 1 in each (with T = 2, exactly 1 in each). The loop stops only once the check also holds
 * for small cells assumed to reach T instead of T-1, so that "one more partner was needed" does not
 * tell that a small cell was below T-1 (checked in one table by a test attacker that replays the
 * algorithm on twin tables; across linked tables this is not proven). Hiding more than strictly
 * needed is accepted: partners are never shown again once hidden.
 *
 * <p>Empty years: {@code empty} is true exactly when the year has no case at all, and the report
 * then says "no case" while every cell still reads {@code "<T"}. This tells 0 apart from 1 to T-1
 * for the number of cases only; it is accepted because no one is behind a year without cases, and
 * it is part of the attacker model (a year that is not empty has at least one case), so it cannot
 * combine with anything published to narrow a hidden cell further. Zero cells inside a year stay
 * hidden as {@code "<T"} like any other small count, since a shown 0 would tell the attacker about
 * its neighbours. A case counts in the year it was closed, so a year's figures stop changing when
 * the year ends. Known limit: two editions of the current year's report (say in June and in
 * December) are not protected against each other; publish a year once it is over.
 *
 * <p>Storage: closing a case writes its record as one ciphertext row ({@code stat_record}); the
 * report first packs loose records into {@link org.ombuds.records.RecordSegment}s of 4,096 (one
 * ciphertext each, {@code stat_segment}), so a report over a million records reads a few hundred
 * rows.
 *
 * <p>No differential-privacy noise is added: the office gets exact counts with suppression only.
 */
package org.ombuds.records;
