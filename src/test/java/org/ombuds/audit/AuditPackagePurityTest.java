package org.ombuds.audit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The audit package is pure domain code: the JDK only, and no javax.crypto either. */
class AuditPackagePurityTest {

  private static final JavaClasses MAIN =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("org.ombuds.audit");

  @Test
  void mainCodeDependsOnTheJdkOnly() {
    noClasses()
        .that()
        .resideInAPackage("org.ombuds.audit")
        .should()
        .dependOnClassesThat()
        .resideOutsideOfPackages("java..", "org.ombuds.audit")
        .check(MAIN);
  }
}
