package dev.berth.server;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The module and package rules of ARCHITECTURE.md and STYLE.md, checked on every build. */
class ArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importBerth() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.berth");
    }

    @Test
    void packagesHaveNoCycles() {
        slices().matching("dev.berth.(**)").should().beFreeOfCycles().check(classes);
    }

    @Test
    void theCoreDependsOnNoOtherModule() {
        noClasses()
                .that()
                .resideInAPackage("dev.berth.core..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "dev.berth.client..",
                        "dev.berth.http..",
                        "dev.berth.server..",
                        "dev.berth.storage..",
                        "dev.berth.metadata..",
                        "org.eclipse.jetty..")
                .check(classes);
    }

    @Test
    void onlyTheHttpAndEgressModulesSeeJetty() {
        noClasses()
                .that()
                .resideOutsideOfPackages("dev.berth.http..", "dev.berth.egress..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.eclipse.jetty..")
                .check(classes);
    }

    @Test
    void handlersSeeTheWebServerOnlyThroughExchange() {
        noClasses()
                .that()
                .resideInAnyPackage("dev.berth.http.oci..", "dev.berth.http.acr..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.eclipse.jetty..")
                .check(classes);
    }

    @Test
    void bouncyCastleStaysInsideTheModulesThatWrapIt() {
        noClasses()
                .that()
                .resideOutsideOfPackages("dev.berth.tls..", "dev.berth.auth..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.bouncycastle..")
                .check(classes);
    }

    @Test
    void theClientKnowsOnlyTheCore() {
        noClasses()
                .that()
                .resideInAPackage("dev.berth.client..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "dev.berth.http..",
                        "dev.berth.server..",
                        "dev.berth.storage..",
                        "dev.berth.metadata..",
                        "dev.berth.auth..",
                        "org.eclipse.jetty..")
                .check(classes);
    }

    @Test
    void storageBackendsDoNotKnowEachOtherOrTheServer() {
        noClasses()
                .that()
                .resideInAnyPackage("dev.berth.storage..", "dev.berth.metadata..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("dev.berth.http..", "dev.berth.server..")
                .check(classes);
    }
}
