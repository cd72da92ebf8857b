package org.ombuds.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ombuds.account.Account;
import org.ombuds.account.AccountService;
import org.ombuds.anonymity.Thresholds;
import org.ombuds.safeguards.ChangeStore;
import org.ombuds.safeguards.PendingChange;
import org.ombuds.safeguards.SafeguardException;
import org.ombuds.safeguards.SecondOmbuds;

/**
 * The dashboard's list of changes to the office's safeguards that wait for a second Ombuds, and its
 * Confirm / Decline forms.
 */
final class ChangePages {
  private static final List<String> FLASHES =
      List.of("changePending", "changeConfirmed", "changeDeclined", "changeCancelled");

  private final Pages pages;
  private final AccountService accounts;
  private final SecondOmbuds safeguards;

  ChangePages(Pages pages, AccountService accounts, SecondOmbuds safeguards) {
    this.pages = pages;
    this.accounts = accounts;
    this.safeguards = safeguards;
  }

  /** Adds the pending (and recently decided) changes and this page's flash to the dashboard. */
  void dashboard(Context ctx, Reader r, Map<String, Object> params) {
    Map<String, String> names = new HashMap<>();
    for (Account a : accounts.accounts()) {
      names.put(a.id(), a.username().value());
    }
    List<ChangeRow> pending = new ArrayList<>();
    List<ChangeRow> decided = new ArrayList<>();
    ChangeStore.ChangeList changes = safeguards.changes();
    for (PendingChange c : changes.sound()) {
      (c.isPending() ? pending : decided).add(row(r, c, names));
    }
    params.put("changes", pending);
    params.put("decidedChanges", decided);
    // Shown among the pending ones (its status cannot be trusted either), without anything it holds
    // and without a form: it can be neither confirmed nor declined.
    params.put("tamperedChanges", changes.tampered().size());
    String done = Optional.ofNullable(ctx.queryParam("done")).orElse("");
    if (FLASHES.contains(done)) {
      params.put("done", Optional.of(r.t("changes.flash." + done)));
    }
  }

  private ChangeRow row(Reader r, PendingChange c, Map<String, String> names) {
    String me = r.actor();
    boolean mine = c.requestedBy().equals(me);
    boolean itself =
        c.kind() == org.ombuds.safeguards.ChangeKind.NEW_ACCOUNT
            && c.subject().orElse("").equals(me);
    return new ChangeRow(
        c.id(),
        r.t("changes.status." + c.status().name()),
        names.getOrDefault(c.requestedBy(), "?"),
        r.labels().date(c.requestedAt()),
        what(r, c, names),
        mine,
        !mine && !itself,
        c.decidedBy().map(id -> names.getOrDefault(id, "?")).orElse(""));
  }

  static List<String> what(Reader r, PendingChange c, Map<String, String> names) {
    List<String> out = new ArrayList<>();
    switch (c.kind()) {
      case HAND_OVER ->
          out.add(
              r.t(
                  "changes.handOver",
                  names.getOrDefault(c.subject().orElse(""), "?"),
                  names.getOrDefault(c.target().orElse(""), "?")));
      case NEW_ACCOUNT ->
          out.add(r.t("changes.newAccount", names.getOrDefault(c.subject().orElse(""), "?")));
      case SETTINGS -> {
        for (PendingChange.Setting s : PendingChange.Setting.values()) {
          String v = c.settings().get(s);
          if (v == null) {
            continue;
          }
          out.add(
              switch (s) {
                case EXCEPTION_NEEDS_SECOND_OMBUDS ->
                    r.t(Boolean.parseBoolean(v) ? "changes.exceptionOn" : "changes.exceptionOff");
                case REQUIRE_TOTP ->
                    r.t(Boolean.parseBoolean(v) ? "changes.totpOn" : "changes.totpOff");
                case GRACE_DAYS -> r.t("changes.graceDays", Integer.parseInt(v));
                case REPORT_THRESHOLD -> r.t("changes.reportThreshold", Integer.parseInt(v));
                case ANONYMITY_THRESHOLDS -> {
                  Thresholds t = SecondOmbuds.decodeThresholds(v);
                  yield r.t(
                      "changes.anonymityThresholds",
                      t.highWhenSetAtMost(),
                      t.mediumWhenSetAtMost(),
                      t.smallUnitAtMost(),
                      t.repeatedReleasesAtLeast(),
                      t.soonAfterContact().toDays());
                }
              });
        }
      }
    }
    return out;
  }

  void confirm(Context ctx) {
    decide(ctx, true);
  }

  void decline(Context ctx) {
    decide(ctx, false);
  }

  private void decide(Context ctx, boolean confirm) {
    Reader r = pages.reader(ctx);
    try {
      PendingChange c =
          confirm
              ? safeguards.confirm(Auth.caller(ctx).session(), ctx.pathParam("change"))
              : safeguards.decline(Auth.caller(ctx).session(), ctx.pathParam("change"));
      String done =
          switch (c.status()) {
            case APPLIED -> "changeConfirmed";
            case CANCELLED -> "changeCancelled";
            default -> "changeDeclined";
          };
      ctx.redirect("/dashboard?done=" + done + "#changes", HttpStatus.SEE_OTHER);
    } catch (SafeguardException e) {
      String key =
          switch (e.status()) {
            case 403 -> "changes.error.own";
            case 404 -> "changes.error.notFound";
            default -> "changes.error.decided";
          };
      pages.error(ctx, r.page(), e.status(), r.t(key));
    }
  }
}
