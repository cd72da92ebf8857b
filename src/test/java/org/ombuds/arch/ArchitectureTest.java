package org.ombuds.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
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
  private static final String[] KEY_MATERIAL = {
    "com.google.crypto.tink..", "org.bouncycastle..", "javax.crypto..", "com.eatthepath.otp.."
  };

  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.ombuds");
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
  void domain_imports_no_framework() {
    noClasses()
        .that()
        .resideInAnyPackage(DOMAIN)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.javalin..",
            "org.eclipse.jetty..",
            "gg.jte..",
            "org.jdbi..",
            "org.flywaydb..",
            "com.zaxxer..",
            "java.sql..",
            "javax.sql..",
            "tools.jackson..",
            "com.fasterxml..",
            "picocli..",
            "org.slf4j..",
            "ch.qos..")
        .check(classes);
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
