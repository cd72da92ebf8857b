package org.ombuds.retaliation;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What a watch may be agreed on: an end day after today and at most {@value #MAX_DAYS} days away;
 * at most {@value #MAX_CHECK_INS} check-in days, each from today to the end day, none repeated. The
 * person must be one of the case's (checked by {@link Watches}, which knows the case).
 *
 * @param until the last day of the watch
 * @param checkIns the agreed check-in days, in order
 */
public record WatchTerms(LocalDate until, List<LocalDate> checkIns) {
  public static final int MAX_CHECK_INS = 20;
  public static final int MAX_DAYS = 2 * 366;

  public WatchTerms {
    Objects.requireNonNull(until, "until");
    checkIns = checkIns.stream().sorted().toList();
  }

  /**
   * Checks the terms against today.
   *
   * @throws RetaliationException 400 naming the first rule broken
   */
  public void check(LocalDate today) {
    if (!until.isAfter(today)) {
      throw RetaliationException.invalid(
          "until_not_future", "'until' must be after today (" + today + "): a watch looks ahead.");
    }
    if (until.isAfter(today.plusDays(MAX_DAYS))) {
      throw RetaliationException.invalid(
          "until_too_far", "'until' is too far ahead: at most " + MAX_DAYS + " days from today.");
    }
    if (checkIns.size() > MAX_CHECK_INS) {
      throw RetaliationException.invalid(
          "too_many_check_ins", "Too many check-ins: at most " + MAX_CHECK_INS + " per watch.");
    }
    Set<LocalDate> seen = new HashSet<>();
    for (LocalDate d : checkIns) {
      if (d.isBefore(today)) {
        throw RetaliationException.invalid(
            "check_in_past", "The check-in " + d + " is in the past: check-ins are from today on.");
      }
      if (d.isAfter(until)) {
        throw RetaliationException.invalid(
            "check_in_after_until",
            "The check-in " + d + " is after the watch ends (" + until + ").");
      }
      if (!seen.add(d)) {
        throw RetaliationException.invalid(
            "check_in_twice", "The check-in " + d + " is listed twice.");
      }
    }
  }
}
