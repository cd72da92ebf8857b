package org.ombuds.web;

import io.javalin.http.Context;
import java.util.Map;
import java.util.Optional;
import org.ombuds.account.AccountService;
import org.ombuds.account.LoginResult;
import org.ombuds.account.PassphrasePolicy;
import org.ombuds.vault.Passphrase;
import tools.jackson.databind.JsonNode;

/** {@code /api/v1/session}: logging in and out over the API. */
final class SessionApi {
  private final AccountService accounts;

  SessionApi(AccountService accounts) {
    this.accounts = accounts;
  }

  void login(Context ctx) {
    JsonNode body = Json.object(ctx);
    String username = Json.rawText(body, "username", 200);
    Optional<String> otp = Json.optionalText(body, "otp", 16);
    LoginResult result;
    try (Passphrase p =
        Passphrase.of(Json.rawText(body, "passphrase", PassphrasePolicy.MAX_LENGTH))) {
      result = accounts.login(username, p, otp);
    }
    switch (result) {
      case LoginResult.LoggedIn in ->
          ctx.json(Map.of("token", in.token().reveal(), "restricted", in.restricted()));
      case LoginResult.Refused r ->
          throw new ApiError(401, "invalid_credentials", "Wrong username or passphrase.");
      case LoginResult.OtpRequired r ->
          throw new ApiError(
              401, "otp_required", "Enter the one-time code from your authenticator app.");
      case LoginResult.Throttled t -> {
        ctx.attribute("retryAfter", Math.max(1, t.retryAfter().toSeconds()));
        throw new ApiError(
            429,
            "too_many_attempts",
            "Too many failed attempts: wait "
                + Math.max(1, t.retryAfter().toSeconds())
                + " seconds and try again.");
      }
    }
  }

  void logout(Context ctx) {
    accounts.logout(Auth.caller(ctx).token());
    ctx.status(204);
  }
}
