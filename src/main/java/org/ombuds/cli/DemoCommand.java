package org.ombuds.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.ombuds.account.LoginResult;
import org.ombuds.account.Username;
import org.ombuds.app.DataDir;
import org.ombuds.app.Office;
import org.ombuds.casefile.CaseService;
import org.ombuds.casefile.ContractType;
import org.ombuds.casefile.Decision;
import org.ombuds.casefile.Gender;
import org.ombuds.casefile.Modality;
import org.ombuds.casefile.NewCase;
import org.ombuds.casefile.OptionKind;
import org.ombuds.casefile.PersonInput;
import org.ombuds.casefile.PersonRole;
import org.ombuds.casefile.WorkUnit;
import org.ombuds.vault.Passphrase;
import org.ombuds.web.WebServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ombuds demo}: a throwaway office with the reference story, served locally. */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Creates a throwaway office in a new temporary directory, seeds it with the fictitious case",
      "of the reference story (Jane* and Mike*), and serves it on 127.0.0.1. The directory is",
      "deleted when the demo stops. Prints the demo account's username and passphrase."
    })
final class DemoCommand implements Callable<Integer> {
  static final String USERNAME = "demo";

  @Option(names = "--port", defaultValue = "8080", description = "Port (default ${DEFAULT-VALUE}).")
  int port;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException, InterruptedException {
    if (port < 0 || port > 65535) {
      throw new UsageException("--port must be between 0 and 65535.");
    }
    Path dir = Files.createTempDirectory("ombuds-demo-");
    Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(dir), "ombuds-demo-cleanup"));
    String passphrase = randomPassphrase();
    Office office;
    try (Passphrase p = Passphrase.of(passphrase)) {
      office =
          Office.init(
                  new DataDir(dir), Optional.empty(), new Username(USERNAME), p, Clock.systemUTC())
              .office();
      seed(office, p);
    }
    ServeCommand.serve(
        office,
        "127.0.0.1",
        port,
        WebServer.Options.plain(),
        spec.commandLine().getOut(),
        "Demo account: username '"
            + USERNAME
            + "', passphrase '"
            + passphrase
            + "'\n"
            + "Throwaway data directory: "
            + dir
            + " (deleted when the demo stops)");
    return 0;
  }

  /** Records the reference story (a published, fictitious case) completely. */
  static void seed(Office office, Passphrase passphrase) {
    LoginResult result = office.accounts().login(USERNAME, passphrase, Optional.empty());
    if (!(result instanceof LoginResult.LoggedIn in)) {
      throw new IllegalStateException("demo login failed");
    }
    String actor = in.account().id();
    CaseService cases = office.cases();
    String caseId =
        cases.create(
            actor,
            new NewCase(
                "Safety concerns in a small operations group",
                List.of("6a", "2o", "2h"),
                new WorkUnit(
                    "Operations group",
                    8,
                    List.of(
                        new WorkUnit.Count("gender", "women", 2),
                        new WorkUnit.Count("gender", "men", 6),
                        new WorkUnit.Count("seniority", "senior", 3),
                        new WorkUnit.Count("seniority", "junior", 5)))));
    cases.addPerson(
        actor,
        caseId,
        new PersonInput(
            PersonRole.VISITOR,
            Optional.of("Jane"),
            Optional.of(ContractType.STAFF),
            Optional.of(Gender.WOMAN),
            Optional.empty()));
    cases.addPerson(actor, caseId, person(PersonRole.OTHER_PARTY, "Mike"));
    cases.addPerson(
        actor,
        caseId,
        new PersonInput(
            PersonRole.MANAGER,
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty()));
    LocalDate today = LocalDate.now(office.clock());
    cases.addContact(
        actor,
        caseId,
        today.minusDays(2),
        Modality.IN_PERSON,
        75,
        Optional.of("First meeting in the Ombuds office."));
    cases.addContact(
        actor, caseId, today, Modality.PHONE, 20, Optional.of("Agreed on the anonymous approach."));
    for (String note :
        List.of(
            "Jane came to share her concerns about the actions of Mike, one of her senior"
                + " colleague supervisors, and insisted on absolute confidentiality. Promised"
                + " confidentiality within the terms of the mandate.",
            "The whole group is affected and spends much time discussing the problem instead of"
                + " its work. The risk for the Organization seems high and could endanger the"
                + " safety of operations. The threat is not imminent, so the imminent-harm"
                + " exception cannot be considered.",
            "In a group this small she might still be guessed, even if the problem is raised"
                + " anonymously: discussed openly with her before she agreed.",
            "Agreed: if any suspicion of retaliation arises, Jane contacts the Ombuds at once to"
                + " arrange other actions.")) cases.addNote(actor, caseId, note);
    cases.addOption(
        actor,
        caseId,
        OptionKind.SPEAK_TO_OTHER_PARTY,
        Decision.REFUSED,
        Optional.of("Too afraid of retaliation."));
    cases.addOption(
        actor,
        caseId,
        OptionKind.DISCUSS_WITH_PERMISSION,
        Decision.REFUSED,
        Optional.of("Too afraid of retaliation, with Mike or with management."));
    cases.addOption(
        actor,
        caseId,
        OptionKind.RAISE_ANONYMOUSLY,
        Decision.ACCEPTED,
        Optional.of(
            "Raise it anonymously with her senior group leader, suggesting the whole group be reminded of the safety rules."));
    cases.addReminder(
        actor, caseId, today.plusDays(14), "Check in with Jane: any sign of retaliation?");
    office.accounts().logout(in.token());
  }

  private static PersonInput person(PersonRole role, String name) {
    return new PersonInput(
        role, Optional.of(name), Optional.empty(), Optional.empty(), Optional.empty());
  }

  static String randomPassphrase() {
    String alphabet = "abcdefghijkmnpqrstuvwxyz23456789";
    SecureRandom r = new SecureRandom();
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 20; i++) {
      if (i > 0 && i % 5 == 0) {
        sb.append('-');
      }
      sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
    }
    return sb.toString();
  }

  static void deleteTree(Path dir) {
    try (Stream<Path> s = Files.walk(dir)) {
      s.sorted(Comparator.reverseOrder())
          .forEach(
              p -> {
                try {
                  Files.deleteIfExists(p);
                } catch (IOException ignored) {
                  // Best effort at exit.
                }
              });
    } catch (IOException ignored) {
      // Nothing left to delete.
    }
  }
}
