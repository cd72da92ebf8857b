package org.ombuds.web;

import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ombuds.account.Account;
import org.ombuds.account.AccountException;
import org.ombuds.account.AccountService;
import org.ombuds.account.PassphrasePolicy;
import org.ombuds.account.Username;
import org.ombuds.anonymity.Thresholds;
import org.ombuds.casefile.CaseService;
import org.ombuds.casefile.OfficePolicy;
import org.ombuds.mandate.Mandate;
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

  AccountApi(AccountService accounts, CaseService cases, Mandate mandate) {
    this.accounts = accounts;
    this.cases = cases;
    this.mandate = mandate;
  }

  void list(Context ctx) {
    List<Map<String, Object>> out = accounts.accounts().stream().map(AccountApi::describe).toList();
    ctx.json(out);
  }

  void add(Context ctx) {
    JsonNode body = Json.object(ctx);
    Username username = username(Json.rawText(body, "username", 200));
    Account created;
    try (Passphrase p =
        Passphrase.of(Json.rawText(body, "passphrase", PassphrasePolicy.MAX_LENGTH))) {
      created = accounts.addAccount(Auth.caller(ctx).session(), username, p);
    }
    ctx.status(201).json(describe(created));
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
          "Send any of 'requireTotp', 'graceDays' (0 to 90), 'exceptionNeedsSecondOmbuds', 'letterhead'.");
    }
    if (body.get("exceptionNeedsSecondOmbuds") != null) {
      mandate.setExceptionNeedsSecond(
          caller.session().accountId(), Json.bool(body, "exceptionNeedsSecondOmbuds"));
    }
    if (body.get("anonymityThresholds") != null) {
      JsonNode a = Json.child(body, "anonymityThresholds");
      Thresholds t;
      try {
        t =
            new Thresholds(
                Json.integer(a, "highWhenSetAtMost", 1, 1000),
                Json.integer(a, "mediumWhenSetAtMost", 1, 1000),
                Json.integer(a, "smallUnitAtMost", 1, 100_000),
                Json.integer(a, "repeatedReleasesAtLeast", 1, 1000),
                java.time.Duration.ofDays(Json.integer(a, "soonAfterContactDays", 0, 365)));
      } catch (IllegalArgumentException e) {
        throw ApiError.badRequest("These thresholds do not fit together: " + e.getMessage());
      }
      mandate.setThresholds(caller.session().accountId(), t);
    }
    if (body.get("letterhead") != null) {
      mandate.setLetterhead(caller.session().accountId(), Json.rawText(body, "letterhead", 1000));
    }
    if (body.get("requireTotp") != null) {
      accounts.setRequireTotp(caller.session(), Json.bool(body, "requireTotp"));
    }
    if (body.get("graceDays") != null) {
      cases.setGraceDays(
          caller.session().accountId(),
          Json.integer(body, "graceDays", 0, OfficePolicy.MAX_GRACE_DAYS));
    }
    getSettings(ctx);
  }

  void getSettings(Context ctx) {
    ctx.json(
        Map.of(
            "requireTotp", accounts.requireTotp(),
            "graceDays", cases.policy().graceDays(),
            "exceptionNeedsSecondOmbuds", mandate.exceptionNeedsSecond(),
            "letterhead", mandate.letterhead().orElse(""),
            "anonymityThresholds", thresholds(mandate.thresholds())));
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
    Account target =
        accounts
            .account(to)
            .filter(Account::active)
            .orElseThrow(() -> ApiError.badRequest("'to' must be an active Ombuds account."));
    if (accounts.account(leaving).isEmpty()) {
      throw ApiError.notFound();
    }
    int n = cases.handOver(caller.session().accountId(), leaving, target.id());
    accounts.disable(caller.session(), leaving);
    ctx.json(Map.of("handedOver", n, "disabled", leaving));
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
