/**
 * The anonymity estimate: how easily the recipient of an "anonymous" message could guess who its
 * source is, with reasons and suggestions, shown to the Ombuds and to the visitor before consent is
 * given (DESIGN.md, mandate rule 4). Reference story: an Ombuds raises a safety problem with a
 * senior group leader without naming the visitor, "knowing that in a small group she might still be
 * guessed".
 *
 * <h2>What lives here</h2>
 *
 * <ul>
 *   <li>The public model: {@link org.ombuds.anonymity.AnonymityEstimator} takes a draft, a {@link
 *       org.ombuds.anonymity.Context} (the case's {@link org.ombuds.anonymity.Person}s, the unit's
 *       size and {@link org.ombuds.anonymity.Group} counts, earlier releases, time since the
 *       source's contact) and {@link org.ombuds.anonymity.Thresholds}, and returns an {@link
 *       org.ombuds.anonymity.Estimate}: a {@link org.ombuds.anonymity.Level}, the anonymity set
 *       (how many members of the unit fit what is revealed), {@link org.ombuds.anonymity.Finding}s
 *       with plain-English reasons, and suggestions.
 *   <li>Package-private machinery: text folding with offsets back to the original ({@code Folded}),
 *       a one-pass phrase index ({@code PhraseIndex}), the word lists ({@code Lexicon}), the
 *       shaped-detail patterns ({@code Detectors}), name spellings ({@code Names}), the
 *       composition's groups ({@code Composition}) and the suggestions ({@code Advice}).
 * </ul>
 *
 * <h2>Thresholds and why</h2>
 *
 * HIGH when at most 2 people fit (a guess is right at least half the time); MEDIUM when at most 5
 * (the k = 5 convention of k-anonymity and of statistical small-cell rules: a right guess 1 time in
 * 5 or more); a unit of 10 or fewer is small (everybody knows everybody; small-cell rules suppress
 * counts below 11) and at least MEDIUM; any earlier message to the same recipient about the same
 * unit, or a release within 14 days of the source's contact, makes it at least MEDIUM; a unit of 2
 * or fewer is always HIGH. The full reasoning is on {@link org.ombuds.anonymity.Thresholds}, the
 * narrowing rules on {@link org.ombuds.anonymity.AnonymityEstimator}.
 *
 * <h2>Measured</h2>
 *
 * On 1,000 generated, independently labelled drafts ({@code LabelledSetTest}): every high-risk
 * draft flagged HIGH, about 2 % of safe ones flagged HIGH, every case name found in its generated
 * spelling. A 1,000-word draft is estimated in well under a millisecond ({@code
 * AnonymityEstimateBenchmark}).
 *
 * <h2>Must not live here</h2>
 *
 * Anything but the JDK (checked by {@code AnonymityPackagePurityTest} and the architecture test),
 * reading the clock (durations come in as parameters), storage, and any way for a draft to leave
 * the office: the estimate only advises; releasing is the mandate's single exit.
 */
package org.ombuds.anonymity;
