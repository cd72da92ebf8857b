package org.ombuds.anonymity;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The anonymity package is pure domain code: the JDK only, not even other domain packages. One
 * library is allowed: ICU4J, for Unicode's confusables table (TR39 skeletons), which the JDK lacks
 * and which the exit check's {@code NameMatcher} needs to see through look-alike letters. It is a
 * library of pure functions, not a framework: no I/O, no threads, no configuration.
 */
class AnonymityPackagePurityTest {

  private static final JavaClasses MAIN =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("org.ombuds.anonymity");

  @Test
  void mainCodeDependsOnTheJdkOnly() {
    noClasses()
        .that()
        .resideInAPackage("org.ombuds.anonymity")
        .should()
        .dependOnClassesThat()
        .resideOutsideOfPackages("java..", "org.ombuds.anonymity", "com.ibm.icu..")
        .check(MAIN);
  }
}
