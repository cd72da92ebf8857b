package org.ombuds.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ombuds.account.Account;
import org.ombuds.account.LoginResult;
import org.ombuds.account.Session;
import org.ombuds.app.DataDir;
import org.ombuds.app.Office;
import org.ombuds.safeguards.ChangeKind;
import org.ombuds.safeguards.PendingChange;
import org.ombuds.safeguards.SafeguardException;
import org.ombuds.testing.Proc;
import org.ombuds.vault.Passphrase;

/**
 * {@code ombuds user add --as jo} follows jo's rules: with more than one active Ombuds the new
 * account waits for a second Ombuds (not jo) before it can log in.
 */
class UserAddRulesIT {
  @TempDir Path tmp;

  private static Proc.Result add(Path dir, String username) {
    return Proc.ombuds(
        Map.of(
            "OMBUDS_PASSPHRASE",
            "a long test passphrase",
            "OMBUDS_NEW_PASSPHRASE",
            username + "'s long passphrase"),
        "user",
        "add",
        "--data",
        dir.toString(),
        "--username",
        username,
        "--as",
        "jo");
  }

  private static Session login(Office o, String username, String passphrase) {
    try (Passphrase p = Passphrase.of(passphrase)) {
      LoginResult r = o.accounts().login(username, p, Optional.empty());
      assertThat(r).as(username).isInstanceOf(LoginResult.LoggedIn.class);
      return o.sessions().use(((LoginResult.LoggedIn) r).token()).orElseThrow();
    }
  }

  private static Account account(Office o, String username) {
    return o.accounts().accounts().stream()
        .filter(a -> a.username().value().equals(username))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void a_second_account_added_on_the_command_line_waits_for_a_colleague_to_confirm_it() {
    Path dir = tmp.resolve("office");
    Proc.Result init =
        Proc.ombuds(
            Map.of("OMBUDS_PASSPHRASE", "a long test passphrase"),
            "init",
            "--data",
            dir.toString(),
            "--username",
            "jo");
    assertThat(init.exit()).as(init.err()).isZero();

    Proc.Result sam = add(dir, "sam");
    assertThat(sam.exit()).as(sam.err()).isZero();
    assertThat(sam.out()).as("one Ombuds: usable at once").doesNotContain("cannot log in");

    Proc.Result kim = add(dir, "kim");
    assertThat(kim.exit()).as(kim.err()).isZero();
    assertThat(kim.out()).contains("cannot log in until another Ombuds");

    try (Office o = Office.open(new DataDir(dir), Optional.empty(), Clock.systemUTC())) {
      assertThat(account(o, "sam").active()).isTrue();
      assertThat(account(o, "kim").active()).isFalse();
      PendingChange change =
          o.safeguards().changes().sound().stream()
              .filter(c -> c.kind() == ChangeKind.NEW_ACCOUNT)
              .findFirst()
              .orElseThrow();
      assertThat(change.subject()).contains(account(o, "kim").id());
      assertThat(change.requestedBy()).isEqualTo(account(o, "jo").id());

      Session jo = login(o, "jo", "a long test passphrase");
      assertThatThrownBy(() -> o.safeguards().confirm(jo, change.id()))
          .as("the Ombuds whose passphrase made it cannot confirm it")
          .isInstanceOf(SafeguardException.class);
      assertThat(account(o, "kim").active()).isFalse();

      Session samSession = login(o, "sam", "sam's long passphrase");
      o.safeguards().confirm(samSession, change.id());
      assertThat(account(o, "kim").active()).isTrue();
      login(o, "kim", "kim's long passphrase");
    }
  }
}
