package org.ombuds.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/**
 * A port that a rule depends on is a constructor argument (bound later through {@link
 * org.ombuds.common.Late} where two objects need each other), never a {@code useX} setter with a
 * silent default: a forgotten setter left the mandate ignoring portal withdrawals, the exit check
 * blind to portal contacts. The one setter left is the database's row tags, which the database
 * itself refuses to work without.
 */
class RequiredPortsTest {
  private static final JavaClasses MAIN =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("org.ombuds");

  /** No public {@code useX} method in the main code but the database's row tags. */
  private static final ArchRule NO_SETTER_PORTS =
      noMethods()
          .that()
          .arePublic()
          .and()
          .haveNameMatching("use[A-Z].*")
          .and()
          .areNotDeclaredIn(org.ombuds.store.Database.class)
          .should()
          .beDeclaredInClassesThat()
          .resideInAPackage("org.ombuds..")
          .because("a port a rule depends on is a required constructor argument")
          .allowEmptyShould(true);

  @Test
  void no_service_is_wired_by_a_setter() {
    NO_SETTER_PORTS.check(MAIN);
  }

  /** A service wired the old way, for the rule to refuse. */
  public static final class SetterWired {
    private Runnable port = () -> {};

    public void usePort(Runnable p) {
      this.port = p;
    }

    public void run() {
      port.run();
    }
  }

  @Test
  void the_rule_refuses_a_setter_port() {
    JavaClasses one = new ClassFileImporter().importClasses(SetterWired.class);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> NO_SETTER_PORTS.check(one))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("usePort");
  }
}
