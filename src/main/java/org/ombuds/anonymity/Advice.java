package org.ombuds.anonymity;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.ombuds.anonymity.Hit.Basis;
import org.ombuds.anonymity.Hit.Caps;
import org.ombuds.anonymity.Hit.Dated;
import org.ombuds.anonymity.Hit.Halves;
import org.ombuds.anonymity.Hit.Identifies;
import org.ombuds.anonymity.Hit.RulesOut;

/**
 * Suggestions in plain English, one per kind of problem, quoting the words to change, most
 * important first: what identifies the source, what singles them out, what narrows the group, then
 * the context.
 */
final class Advice {
  private Advice() {}

  /** At most this many excerpts are quoted in one suggestion. */
  private static final int QUOTED = 4;

  static List<String> suggestions(
      Folded f,
      List<Hit> hits,
      int unit,
      int earlier,
      Optional<Duration> soon,
      Level level,
      int set) {
    Set<String> sourceNames = new LinkedHashSet<>();
    Set<String> contacts = new LinkedHashSet<>();
    Set<String> singling = new LinkedHashSet<>();
    Set<String> leave = new LinkedHashSet<>();
    Set<String> gender = new LinkedHashSet<>();
    Set<String> roles = new LinkedHashSet<>();
    Set<String> dates = new LinkedHashSet<>();
    Set<String> others = new LinkedHashSet<>();
    int genderCap = Integer.MAX_VALUE;
    boolean genderUnknown = false;
    int roleCap = Integer.MAX_VALUE;
    boolean roleUnknown = false;
    for (Hit h : hits) {
      String q = "“" + f.excerpt(h.start(), h.end()) + "”";
      switch (h.effect()) {
        case Identifies i -> (i.byName() ? sourceNames : contacts).add(q);
        case RulesOut r -> others.add(q);
        case Dated d -> dates.add(q);
        case Caps c -> {
          switch (c.basis()) {
            case GENDER -> {
              gender.add(q);
              genderCap = Math.min(genderCap, c.max());
            }
            case ROLE, GROUP -> {
              roles.add(q);
              roleCap = Math.min(roleCap, c.max());
            }
            case SINGLING -> singling.add(q);
            case LEAVE -> leave.add(q);
          }
        }
        case Halves hv -> {
          if (hv.basis() == Basis.GENDER) {
            gender.add(q);
            genderUnknown = true;
          } else {
            roles.add(q);
            roleUnknown = true;
          }
        }
      }
    }
    List<String> out = new ArrayList<>();
    if (!sourceNames.isEmpty()) {
      out.add(
          "Replace "
              + list(sourceNames)
              + " with “a member of your group” or leave it out: the name or pseudonym of the"
              + " person you are protecting tells the recipient who spoke.");
    }
    if (!contacts.isEmpty()) {
      out.add(
          "Remove "
              + list(contacts)
              + ": contact details and staff, badge or identity numbers belong to one person.");
    }
    if (!singling.isEmpty()) {
      out.add(
          "Leave out "
              + list(singling)
              + ": a description that fits only one or two people points straight at them."
              + " Don't mention details only the source could know or be described by.");
    }
    if (!leave.isEmpty()) {
      out.add(
          "Leave out "
              + list(leave)
              + " unless the message needs it: a manager knows who was on leave or unwell.");
    }
    if (!gender.isEmpty()) {
      String why =
          genderCap != Integer.MAX_VALUE
              ? "in this unit it narrows the source to at most "
                  + AnonymityEstimator.people(genderCap)
              : "it tells the recipient which part of the unit to look at";
      out.add(
          "Write “they”, “them” or “their” (or “a colleague”) instead of "
              + list(gender)
              + ": "
              + why
              + "."
              + (genderUnknown
                  ? " Recording the unit's gender make-up sharpens the estimate."
                  : ""));
    }
    if (!roles.isEmpty()) {
      String why =
          roleCap != Integer.MAX_VALUE
              ? "only " + AnonymityEstimator.people(roleCap) + " in the unit are in that group"
              : "it tells the recipient which part of the unit to look at";
      out.add(
          "Leave out "
              + list(roles)
              + " or use a broader word (“a member of the team”): "
              + why
              + "."
              + (roleUnknown ? " Recording how many hold such roles sharpens the estimate." : ""));
    }
    if (!dates.isEmpty()) {
      out.add(
          "Replace "
              + list(dates)
              + " with “recently” (or leave the time out): a date or time tells the recipient who"
              + " was there.");
    }
    if (!others.isEmpty()) {
      out.add(
          "Consider whether the recipient needs "
              + list(others)
              + ": naming who is involved tells them where to look. Describing the behaviour"
              + " (“the safety rules are not always followed”) is often enough.");
    }
    if (hits.isEmpty() && unit <= 10) {
      out.add(
          "The text is already general, but in a unit of "
              + AnonymityEstimator.people(unit)
              + " it can still be read as a reaction to someone's complaint: consider sending it"
              + " as part of a routine reminder, or to a wider group.");
    } else if (unit <= 10 || level == Level.HIGH) {
      out.add(
          "Address the whole group rather than one person's situation, for example “please"
              + " remind the whole group of the safety rules”: in a unit of "
              + AnonymityEstimator.people(unit)
              + ", a message about one incident is easily traced back to whoever raised it.");
    }
    if (earlier > 0) {
      out.add(
          "Reread the earlier "
              + (earlier == 1 ? "message" : earlier + " messages")
              + " to this recipient about this unit together with this one: combined, they may"
              + " narrow who the source is. Consider waiting, or one general message instead of"
              + " several.");
    }
    soon.ifPresent(
        d ->
            out.add(
                "Consider waiting before sending: this message would follow the source's contact"
                    + " with the office by "
                    + AnonymityEstimator.days(d)
                    + ". A few more weeks, or raising it together with routine matters, weakens"
                    + " the link."));
    if (level == Level.HIGH) {
      out.add(
          "If the message cannot be made general enough, tell the visitor plainly that the"
              + " recipient could probably guess who they are"
              + (set == 1 ? "" : " (it could be one of " + AnonymityEstimator.people(set) + ")")
              + ", before they decide whether to consent.");
    }
    return out;
  }

  private static String list(Set<String> quoted) {
    List<String> items = new ArrayList<>(quoted);
    int shown = Math.min(items.size(), QUOTED);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < shown; i++) {
      if (i > 0) {
        sb.append(i == shown - 1 && items.size() <= QUOTED ? " and " : ", ");
      }
      sb.append(items.get(i));
    }
    if (items.size() > QUOTED) {
      sb.append(" and ").append(items.size() - QUOTED).append(" more");
    }
    return sb.toString();
  }
}
