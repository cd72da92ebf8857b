package org.ombuds.web;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ombuds.account.Account;
import org.ombuds.account.AccountException;
import org.ombuds.account.AccountService;
import org.ombuds.account.PassphrasePolicy;
import org.ombuds.account.Username;
import org.ombuds.anonymity.Thresholds;
import org.ombuds.casefile.CaseService;
import org.ombuds.casefile.OfficePolicy;
import org.ombuds.mandate.Mandate;
import org.ombuds.safeguards.ChangeStore;
import org.ombuds.safeguards.PendingChange;
import org.ombuds.safeguards.SecondOmbuds;
import org.ombuds.vault.Passphrase;
import org.ombuds.vault.RecoveryKey;
import org.ombuds.vault.Totp;
import org.ombuds.vault.TotpSecret;
import tools.jackson.databind.JsonNode;

/** Accounts, second factors, office settings and recovery over the API. */
final class AccountApi {
  private final AccountService accounts;
  private final CaseService cases;
  private final Mandate mandate;
  private final SecondOmbuds safeguards;

  AccountApi(AccountService accounts, CaseService cases, Mandate mandate, SecondOmbuds safeguards) {
    this.accounts = accounts;
    this.cases = cases;
    this.mandate = mandate;
    this.safeguards = safeguards;
  }

  void list(Context ctx) {
    List<Map<String, Object>> out = accounts.accounts().stream().map(AccountApi::describe).toList();
    ctx.json(out);
  }

  void add(Context ctx) {
    JsonNode body = Json.object(ctx);
    Username username = username(Json.rawText(body, "username", 200));
    SecondOmbuds.NewAccount created;
    try (Passphrase p =
        Passphrase.of(Json.rawText(body, "passphrase", PassphrasePolicy.MAX_LENGTH))) {
      created = safeguards.addAccount(Auth.caller(ctx).session(), username, p);
    }
    Map<String, Object> out = describe(created.account());
    created.pending().ifPresent(c -> out.put("pending", c.id()));
    ctx.status(201).json(out);
  }

  void beginTotp(Context ctx) {
    Auth.Caller caller = Auth.caller(ctx);
    TotpSecret secret = accounts.beginTotp(caller.session());
    ctx.json(
        Map.of(
            "secret",
            secret.base32(),
            "uri",
            new Totp().otpauthUri(secret, "Ombuds", caller.session().username().value())));
  }

  void confirmTotp(Context ctx) {
    JsonNode body = Json.object(ctx);
    Auth.Caller caller = Auth.caller(ctx);
    if (!accounts.confirmTotp(caller.session(), caller.token(), Json.text(body, "otp", 16))) {
      throw new ApiError(
          400,
          "invalid_otp",
          "That code is not right: check the app's clock and try the next one.");
    }
    ctx.json(Map.of("totp", true));
  }

  void settings(Context ctx) {
    JsonNode body = Json.object(ctx);
    Auth.Caller caller = Auth.caller(ctx);
    if (body.get("requireTotp") == null
        && body.get("graceDays") == null
        && body.get("exceptionNeedsSecondOmbuds") == null
        && body.get("letterhead") == null
        && body.get("anonymityThresholds") == null) {
      throw ApiError.badRequest(
          "Send any of 'requireTotp', 'graceDays' (0 to 90), 'exceptionNeedsSecondOmbuds',"
              + " 'letterhead', 'anonymityThresholds'.");
    }
    Optional<Thresholds> thresholds = Optional.empty();
    if (body.get("anonymityThresholds") != null) {
      JsonNode a = Json.child(body, "anonymityThresholds");
      try {
        thresholds =
            Optional.of(
                new Thresholds(
                    Json.integer(a, "highWhenSetAtMost", 1, 1000),
                    Json.integer(a, "mediumWhenSetAtMost", 1, 1000),
                    Json.integer(a, "smallUnitAtMost", 1, 100_000),
                    Json.integer(a, "repeatedReleasesAtLeast", 1, 1000),
                    java.time.Duration.ofDays(Json.integer(a, "soonAfterContactDays", 0, 365))));
      } catch (IllegalArgumentException e) {
        throw ApiError.badRequest("These thresholds do not fit together: " + e.getMessage());
      }
    }
    SecondOmbuds.SettingsRequest request =
        new SecondOmbuds.SettingsRequest(
            body.get("exceptionNeedsSecondOmbuds") == null
                ? Optional.empty()
                : Optional.of(Json.bool(body, "exceptionNeedsSecondOmbuds")),
            body.get("requireTotp") == null
                ? Optional.empty()
                : Optional.of(Json.bool(body, "requireTotp")),
            body.get("graceDays") == null
                ? Optional.empty()
                : Optional.of(Json.integer(body, "graceDays", 0, OfficePolicy.MAX_GRACE_DAYS)),
            thresholds,
            Optional.empty());
    String letterhead =
        body.get("letterhead") == null ? null : Json.rawText(body, "letterhead", 1000);
    Optional<PendingChange> pending = safeguards.changeSettings(caller.session(), request);
    if (letterhead != null) {
      mandate.setLetterhead(caller.session().accountId(), letterhead);
    }
    Map<String, Object> out = new LinkedHashMap<>(settingsMap());
    if (pending.isPresent()) {
      out.put("pending", pending.get().id());
      out.put(
          "message",
          "Saved what makes the office stricter. Loosening a safeguard needs a second Ombuds:"
              + " another Ombuds of the office must confirm the pending change.");
      ctx.status(202);
    }
    ctx.json(out);
  }

  void getSettings(Context ctx) {
    ctx.json(settingsMap());
  }

  private Map<String, Object> settingsMap() {
    return Map.of(
        "requireTotp", accounts.requireTotp(),
        "graceDays", cases.policy().graceDays(),
        "exceptionNeedsSecondOmbuds", mandate.exceptionNeedsSecond(),
        "letterhead", mandate.letterhead().orElse(""),
        "anonymityThresholds", thresholds(mandate.thresholds()));
  }

  private static Map<String, Object> thresholds(Thresholds t) {
    return Map.of(
        "highWhenSetAtMost", t.highWhenSetAtMost(),
        "mediumWhenSetAtMost", t.mediumWhenSetAtMost(),
        "smallUnitAtMost", t.smallUnitAtMost(),
        "repeatedReleasesAtLeast", t.repeatedReleasesAtLeast(),
        "soonAfterContactDays", t.soonAfterContact().toDays());
  }

  void handOver(Context ctx) {
    JsonNode body = Json.object(ctx);
    Auth.Caller caller = Auth.caller(ctx);
    String leaving = ctx.pathParam("account");
    String to = Json.text(body, "to", 36);
    if (accounts.account(leaving).isEmpty()) {
      throw ApiError.notFound();
    }
    SecondOmbuds.HandOverOutcome outcome = safeguards.handOver(caller.session(), leaving, to);
    if (outcome.pending().isPresent()) {
      ctx.status(202)
          .json(
              Map.of(
                  "pending",
                  outcome.pending().get().id(),
                  "message",
                  "Handing a colleague's cases over disables their account: another Ombuds of the"
                      + " office must confirm it first."));
      return;
    }
    CaseService.HandOver done = outcome.done().orElseThrow();
    ctx.json(handedOver(done, leaving));
  }

  static Map<String, Object> handedOver(CaseService.HandOver done, String leaving) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("handedOver", done.handedOver());
    out.put("skipped", done.skipped());
    out.put("disabled", leaving);
    if (!done.skipped().isEmpty()) {
      out.put(
          "message",
          "The receiving Ombuds is recused from some of these cases: they were not handed over."
              + " Hand them to another Ombuds.");
    }
    return out;
  }

  // ---------------------------------------------------------------- pending changes

  void changes(Context ctx) {
    ChangeStore.ChangeList changes = safeguards.changes();
    List<Map<String, Object>> out = new ArrayList<>();
    for (PendingChange c : changes.sound()) {
      Map<String, Object> m = describe(c);
      m.put("tampered", false);
      out.add(m);
    }
    // Listed so that the Ombuds knows of them, and last: nothing their rows hold can be trusted.
    for (String id : changes.tampered()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", id);
      m.put("tampered", true);
      out.add(m);
    }
    ctx.json(out);
  }

  void confirmChange(Context ctx) {
    PendingChange c = safeguards.confirm(Auth.caller(ctx).session(), ctx.pathParam("change"));
    ctx.json(describe(c));
  }

  void declineChange(Context ctx) {
    PendingChange c = safeguards.decline(Auth.caller(ctx).session(), ctx.pathParam("change"));
    ctx.json(describe(c));
  }

  static Map<String, Object> describe(PendingChange c) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", c.id());
    m.put("kind", c.kind().name());
    m.put("status", c.status().name());
    m.put("requestedBy", c.requestedBy());
    m.put("requestedAt", c.requestedAt().toString());
    c.subject().ifPresent(v -> m.put("account", v));
    c.target().ifPresent(v -> m.put("to", v));
    if (!c.settings().isEmpty()) {
      Map<String, Object> settings = new LinkedHashMap<>();
      for (PendingChange.Setting s : PendingChange.Setting.values()) {
        String v = c.settings().get(s);
        if (v == null) {
          continue;
        }
        settings.put(
            s.key(),
            switch (s) {
              case EXCEPTION_NEEDS_SECOND_OMBUDS, REQUIRE_TOTP -> Boolean.parseBoolean(v);
              case GRACE_DAYS, REPORT_THRESHOLD -> Integer.parseInt(v);
              case ANONYMITY_THRESHOLDS -> thresholds(SecondOmbuds.decodeThresholds(v));
            });
      }
      m.put("settings", settings);
    }
    c.decidedBy().ifPresent(v -> m.put("decidedBy", v));
    c.decidedAt().ifPresent(v -> m.put("decidedAt", v.toString()));
    return m;
  }

  void language(Context ctx) {
    JsonNode body = Json.object(ctx);
    String lang = Json.text(body, "language", 5);
    accounts.setLanguage(Auth.caller(ctx).session().accountId(), lang);
    ctx.json(Map.of("language", lang));
  }

  void recover(Context ctx) {
    JsonNode body = Json.object(ctx);
    Username username = username(Json.rawText(body, "username", 200));
    RecoveryKey key;
    try {
      key = RecoveryKey.parse(Json.rawText(body, "recoveryKey", 200));
    } catch (IllegalArgumentException e) {
      throw ApiError.badRequest(e.getMessage());
    }
    boolean ok;
    try (Passphrase p =
        Passphrase.of(Json.rawText(body, "newPassphrase", PassphrasePolicy.MAX_LENGTH))) {
      ok = accounts.recover(username, key, p);
    } catch (AccountException e) {
      if (e.reason() == AccountException.Reason.NOT_FOUND) {
        throw new ApiError(401, "invalid_credentials", "Wrong username or recovery key.");
      }
      throw e;
    }
    if (!ok) {
      throw new ApiError(401, "invalid_credentials", "Wrong username or recovery key.");
    }
    ctx.json(Map.of("recovered", true));
  }

  private static Username username(String typed) {
    try {
      return Username.parse(typed);
    } catch (IllegalArgumentException e) {
      throw ApiError.badRequest(e.getMessage());
    }
  }

  private static Map<String, Object> describe(Account a) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", a.id());
    m.put("username", a.username().value());
    m.put("totp", a.hasTotp());
    m.put("active", a.active());
    m.put("language", a.language());
    m.put("createdAt", a.createdAt().toString());
    return m;
  }
}
