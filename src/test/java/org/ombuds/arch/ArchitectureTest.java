package org.ombuds.arch;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The architecture of DESIGN.md, as executable rules. */
class ArchitectureTest {
  private static final String[] DOMAIN = {
    "org.ombuds.common..",
    "org.ombuds.account..",
    "org.ombuds.casefile..",
    "org.ombuds.mandate..",
    "org.ombuds.anonymity..",
    "org.ombuds.retaliation..",
    "org.ombuds.portal..",
    "org.ombuds.records..",
    "org.ombuds.audit..",
    "org.ombuds.stories..",
    "org.ombuds.safeguards.."
  };
  private static final String[] ADAPTERS = {
    "org.ombuds.store..",
    "org.ombuds.web..",
    "org.ombuds.cli..",
    "org.ombuds.app..",
    "org.ombuds.letters..",
    // Backup, restore and migration: an adapter joining app, store and vault.
    "org.ombuds.backup..",
    "org.ombuds.mail..",
    "org.ombuds.reporting.."
  };

  /**
   * Everything domain code may depend on: an allowlist, so a library nobody has looked at fails the
   * build (a framework, a driver, JSON, logging... belong in an adapter). Add to it only a library
   * of pure functions, with a line saying which package needs it and why.
   */
  private static final String[] DOMAIN_MAY_USE =
      Stream.concat(
              Stream.of(DOMAIN),
              Stream.of(
                  // The JDK, less JDBC (DOMAIN_MAY_NOT_USE below).
                  "java..",
                  // Keys and ciphers are kept behind the vault's API; domain code may call it.
                  "org.ombuds.vault..",
                  // ICU4J, for anonymity's NameMatcher only (TR39 confusable skeletons): see
                  // only_anonymity_uses_icu and AnonymityPackagePurityTest.
                  "com.ibm.icu.."))
          .toArray(String[]::new);

  /** Inside the allowlist, still not for domain code: talking to the database is the store's. */
  private static final String[] DOMAIN_MAY_NOT_USE = {"java.sql.."};

  /**
   * The web adapter's classes that are public today because code outside {@code org.ombuds.web}
   * needs them: the JTE templates (compiled into {@code org.ombuds.web.templates}), the command
   * line, and tests in other packages. Every other class of the package stays package-private; a
   * class leaves this list as soon as nothing outside the package uses it.
   */
  private static final Set<String> WEB_PUBLIC =
      Set.of(
          // Models and helpers the templates read.
          "ChangeRow",
          "Communication",
          "DueCheckIn",
          "Form",
          "FormSet",
          "Labels",
          "LinkChoice",
          "PageModel",
          "PortalModel",
          "RiskPanel",
          // The server, started by the command line (serve, demo) and by the test offices.
          "WebServer",
          // Messages in the user's language, read by the integrity tests' page checks.
          "I18n");

  private static final String[] KEY_MATERIAL = {
    "com.google.crypto.tink..", "org.bouncycastle..", "javax.crypto..", "com.eatthepath.otp.."
  };

  /** Rule fixtures (test code): a slice cycle and an adapter package, for the negative checks. */
  private static final String FIXTURE = "org.ombuds.arch.fixture";

  private static JavaClasses classes;

  /** Main and test code: who needs a public web class includes the tests in other packages. */
  private static JavaClasses mainAndTests;

  @BeforeAll
  static void importClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.ombuds");
    mainAndTests = new ClassFileImporter().importPackages("org.ombuds");
  }

  static ArchRule domainDependsOnlyOnTheAllowlist() {
    return noClasses()
        .that()
        .resideInAnyPackage(DOMAIN)
        .should()
        .dependOnClassesThat(outsideTheDomainAllowlist())
        .as("domain classes depend only on DOMAIN_MAY_USE, less DOMAIN_MAY_NOT_USE");
  }

  private static DescribedPredicate<JavaClass> outsideTheDomainAllowlist() {
    return not(resideInAnyPackage(DOMAIN_MAY_USE)).or(resideInAnyPackage(DOMAIN_MAY_NOT_USE));
  }

  static ArchRule freeOfCycles(String slicePattern) {
    return slices().matching(slicePattern).should().beFreeOfCycles();
  }

  static ArchRule onlyListedClassesArePublic(String pkg, Set<String> listed) {
    return noClasses()
        .that()
        .resideInAPackage(pkg)
        .and()
        .areTopLevelClasses()
        .and(
            DescribedPredicate.describe(
                "are not on the list " + new TreeSet<>(listed),
                (JavaClass c) -> !listed.contains(c.getSimpleName())))
        .should()
        .bePublic();
  }

  /** The listed classes of {@code pkg} that nothing outside the package uses: no longer public. */
  static Set<String> listedButUnusedOutside(JavaClasses all, String pkg, Set<String> listed) {
    Set<String> unused = new TreeSet<>();
    for (String name : listed) {
      JavaClass listedClass = all.get(pkg + "." + name);
      // A template may name only a nested class (Communication.Refusal): that uses its outer one.
      boolean used =
          Stream.concat(Stream.of(listedClass), allNested(all, listedClass))
              .flatMap(c -> c.getDirectDependenciesToSelf().stream())
              .anyMatch(d -> !d.getOriginClass().getPackageName().equals(pkg));
      if (!used) {
        unused.add(name);
      }
    }
    return unused;
  }

  private static Stream<JavaClass> allNested(JavaClasses all, JavaClass top) {
    return all.stream().filter(c -> c.getName().startsWith(top.getName() + "$"));
  }

  @Test
  void domain_does_not_depend_on_adapters() {
    noClasses()
        .that()
        .resideInAnyPackage(DOMAIN)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(ADAPTERS)
        .check(classes);
  }

  @Test
  void vault_does_not_depend_on_adapters() {
    noClasses()
        .that()
        .resideInAPackage("org.ombuds.vault..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(ADAPTERS)
        .check(classes);
  }

  @Test
  void domain_depends_only_on_the_allowlist() {
    domainDependsOnlyOnTheAllowlist().check(classes);
  }

  @Test
  void the_domain_allowlist_refuses_a_library_not_on_it() {
    // The domain packages' own tests use JUnit and AssertJ, which are on no list: the same rule,
    // run over them, must name them.
    JavaClasses domainTests =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.ONLY_INCLUDE_TESTS)
            .importPackages(Stream.of(DOMAIN).map(p -> p.replace("..", "")).toArray(String[]::new));
    assertThatThrownBy(() -> domainDependsOnlyOnTheAllowlist().check(domainTests))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("org.junit.jupiter.api.Test")
        .hasMessageContaining("org.assertj.core.api");
  }

  @Test
  void the_domain_allowlist_refuses_jdbc() {
    JavaClasses jdbcUser = new ClassFileImporter().importClasses(DomainClassUsingJdbc.class);
    assertThatThrownBy(
            () ->
                noClasses()
                    .should()
                    .dependOnClassesThat(outsideTheDomainAllowlist())
                    .check(jdbcUser))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("java.sql.Connection");
  }

  /** Stands in for a domain class that reaches for JDBC, for the check above. */
  @SuppressWarnings("unused")
  private static final class DomainClassUsingJdbc {
    static String url(java.sql.Connection connection) throws java.sql.SQLException {
      return connection.getMetaData().getURL();
    }
  }

  @Test
  void only_anonymity_uses_icu() {
    noClasses()
        .that()
        .resideOutsideOfPackage("org.ombuds.anonymity..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("com.ibm.icu..")
        .check(classes);
  }

  @Test
  void the_top_level_packages_are_free_of_cycles() {
    freeOfCycles("org.ombuds.(*)..").check(classes);
  }

  @Test
  void a_cycle_between_two_packages_is_refused() {
    JavaClasses fixture = new ClassFileImporter().importPackages(FIXTURE + ".ring");
    assertThatThrownBy(() -> freeOfCycles(FIXTURE + ".ring.(*)..").check(fixture))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Cycle detected")
        .hasMessageContaining("First")
        .hasMessageContaining("Second");
  }

  @Test
  void web_classes_are_package_private_unless_listed() {
    onlyListedClassesArePublic("org.ombuds.web", WEB_PUBLIC).check(classes);
  }

  @Test
  void every_listed_web_class_is_used_outside_its_package() {
    assertThat(listedButUnusedOutside(mainAndTests, "org.ombuds.web", WEB_PUBLIC)).isEmpty();
  }

  @Test
  void an_unlisted_public_adapter_class_is_refused_and_an_unused_listed_one_named() {
    JavaClasses fixture = new ClassFileImporter().importPackages(FIXTURE);
    String adapter = FIXTURE + ".adapter";
    assertThatThrownBy(() -> onlyListedClassesArePublic(adapter, Set.of("Used")).check(fixture))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining(adapter + ".Exposed")
        .message()
        .doesNotContain(adapter + ".Used")
        .doesNotContain(adapter + ".Hidden");
    onlyListedClassesArePublic(adapter, Set.of("Used", "Exposed")).check(fixture);
    assertThat(listedButUnusedOutside(fixture, adapter, Set.of("Used", "Exposed")))
        .containsExactly("Exposed");
  }

  @Test
  void only_vault_touches_key_material() {
    noClasses()
        .that()
        .resideOutsideOfPackage("org.ombuds.vault..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(KEY_MATERIAL)
        .check(classes);
  }

  @Test
  void only_the_mandate_mints_the_outbound_capability() {
    noClasses()
        .that()
        .doNotHaveFullyQualifiedName("org.ombuds.mandate.Mandate")
        .should()
        .callConstructorWhere(
            com.tngtech.archunit.core.domain.JavaCall.Predicates.target(
                com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner(
                    com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo(
                        org.ombuds.mandate.Outbound.class))))
        .check(classes);
  }

  /** Only the mail adapter sends e-mail, and it is handed kinds and urgency, never content. */
  @Test
  void only_the_mail_adapter_uses_the_mail_library() {
    noClasses()
        .that()
        .resideOutsideOfPackage("org.ombuds.mail..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("jakarta.mail..", "org.eclipse.angus..")
        .check(classes);
  }

  @Test
  void only_letters_use_the_pdf_library() {
    // reporting renders the annual report as PDF; its entry points take a PublishedReport (below)
    noClasses()
        .that()
        .resideOutsideOfPackages("org.ombuds.letters..", "org.ombuds.reporting..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.openpdf..", "com.lowagie..")
        .check(classes);
  }

  @Test
  void every_renderer_of_outbound_content_requires_the_capability() {
    com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods()
        .that()
        .areDeclaredInClassesThat()
        .resideInAPackage("org.ombuds.letters..")
        .and()
        .arePublic()
        .should(
            new com.tngtech.archunit.lang.ArchCondition<
                com.tngtech.archunit.core.domain.JavaMethod>("take an Outbound") {
              @Override
              public void check(
                  com.tngtech.archunit.core.domain.JavaMethod method,
                  com.tngtech.archunit.lang.ConditionEvents events) {
                // The one exception, narrowly: a story written without a case is no case content
                // and has no disclosure, so it cannot have an Outbound; it is rendered from the
                // ClearedStory that only the open-case check mints (see the rule below).
                boolean takes =
                    method.getRawParameterTypes().stream()
                        .anyMatch(
                            t ->
                                t.isEquivalentTo(org.ombuds.mandate.Outbound.class)
                                    || t.isEquivalentTo(org.ombuds.stories.ClearedStory.class));
                if (!takes) {
                  events.add(
                      com.tngtech.archunit.lang.SimpleConditionEvent.violated(
                          method, method.getFullName() + " renders without an Outbound"));
                }
              }
            })
        .check(classes);
  }

  @Test
  void only_the_open_case_check_mints_a_cleared_story() {
    noClasses()
        .that()
        .doNotHaveFullyQualifiedName("org.ombuds.stories.OpenCaseCheck")
        .should()
        .callConstructorWhere(
            com.tngtech.archunit.core.domain.JavaCall.Predicates.target(
                com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner(
                    com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo(
                        org.ombuds.stories.ClearedStory.class))))
        .check(classes);
  }

  @Test
  void only_the_exit_check_judges_a_text_in_main_code() {
    // ExitCheck.judge is pure (tests call it); in the product only ExitCheck.check calls it, with
    // everything on file, so a verdict that clears a text always came from the whole check.
    noClasses()
        .that()
        .doNotHaveFullyQualifiedName("org.ombuds.mandate.ExitCheck")
        .should()
        .callMethod(org.ombuds.mandate.ExitCheck.class, "judge", String.class, java.util.List.class)
        .check(classes);
  }

  @Test
  void only_letters_render_stories_and_only_from_a_capability() {
    // The web layer hands a story's text to a renderer only as an Outbound or a ClearedStory: no
    // other class may read the text of either capability into an export by another route.
    noClasses()
        .that()
        .resideOutsideOfPackages("org.ombuds.letters..", "org.ombuds.stories..")
        .should()
        .callMethod(org.ombuds.stories.ClearedStory.class, "text")
        .check(classes);
  }

  @Test
  void adapters_do_not_depend_on_each_other_except_through_the_composition_root() {
    noClasses()
        .that()
        .resideInAPackage("org.ombuds.store..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.ombuds.web..", "org.ombuds.cli..", "org.ombuds.app..", "org.ombuds.backup..")
        .check(classes);
    noClasses()
        .that()
        .resideInAPackage("org.ombuds.web..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.ombuds.store..", "org.ombuds.cli..")
        .check(classes);
  }

  @Test
  void a_database_dump_is_only_ever_written_into_an_encrypted_backup() {
    // The dump holds the whole database; only Backups writes it, and only into the vault's
    // encrypting stream, so no other code can put the office's data in a clear file.
    noClasses()
        .that()
        .doNotHaveFullyQualifiedName("org.ombuds.backup.Backups")
        .should()
        .callMethod(
            org.ombuds.store.TableCopier.class,
            "dump",
            org.ombuds.store.DbConfig.class,
            java.io.DataOutputStream.class,
            org.ombuds.store.TableCopier.Progress.class)
        .check(classes);
  }

  @Test
  void only_reporting_draws_charts() {
    noClasses()
        .that()
        .resideOutsideOfPackage("org.ombuds.reporting..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.knowm.xchart..")
        .check(classes);
  }

  @Test
  void only_suppression_mints_a_published_report() {
    noClasses()
        .that()
        .doNotHaveFullyQualifiedName("org.ombuds.records.Suppression")
        .should()
        .callConstructorWhere(
            com.tngtech.archunit.core.domain.JavaCall.Predicates.target(
                com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner(
                    com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo(
                            org.ombuds.records.PublishedReport.class)
                        .or(
                            com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo(
                                org.ombuds.records.PublishedYear.class)))))
        .check(classes);
  }

  @Test
  void every_public_entry_point_of_reporting_takes_a_published_report() {
    com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods()
        .that()
        .areDeclaredInClassesThat()
        .resideInAPackage("org.ombuds.reporting..")
        .and()
        .arePublic()
        .and()
        .areStatic()
        .should(
            new com.tngtech.archunit.lang.ArchCondition<
                com.tngtech.archunit.core.domain.JavaMethod>("take a PublishedReport") {
              @Override
              public void check(
                  com.tngtech.archunit.core.domain.JavaMethod method,
                  com.tngtech.archunit.lang.ConditionEvents events) {
                boolean takes =
                    method.getRawParameterTypes().stream()
                        .anyMatch(t -> t.isEquivalentTo(org.ombuds.records.PublishedReport.class));
                if (!takes) {
                  events.add(
                      com.tngtech.archunit.lang.SimpleConditionEvent.violated(
                          method, method.getFullName() + " renders without a PublishedReport"));
                }
              }
            })
        .check(classes);
  }
}
