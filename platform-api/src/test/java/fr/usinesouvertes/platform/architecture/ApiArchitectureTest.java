package fr.usinesouvertes.platform.architecture;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.Location;
import fr.usinesouvertes.platform.annotation.PluginApi;
import java.net.URISyntaxException;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layering of the platform-api artifact, checked at every build: each package may use the packages of its
 * layer and below, never above, and no two packages depend on each other. From the bottom:
 * <ol>
 * <li>foundation: {@code annotation}, {@code config}, {@code definition} (settings and light-module definitions,
 * no Oak, no HTTP), and {@code logging} (the format of the process's log lines, from a setting: it needs only
 * {@code config} and logback);</li>
 * <li>{@code repository}: Oak and JCR;</li>
 * <li>services: {@code cluster}, {@code mail}, {@code search}, {@code security}, {@code uploads}, {@code http},
 * {@code publishing}, {@code maintenance} (revision garbage collection, backups, outbox pruning), and two that
 * observe the others: {@code health} (readiness checks over the repository, search
 * indexes and cluster leases) and {@code metrics} (the meters of the JVM, the repository, search and cluster jobs);
 * they use the services beside them, and the plugin API above hands the modules' checks and meters to them;</li>
 * <li>the plugin API, {@code module}: what a Java module implements and receives.</li>
 * </ol>
 * The layers above (module runtime, implementation, wiring, commands) are in the platform artifact, which
 * checks them; Maven keeps this artifact from seeing them. See docs/architecture.md.
 */
class ApiArchitectureTest {

    private static final String ROOT = "fr.usinesouvertes.platform";

    private static JavaClasses classes;

    /** The classes of this artifact only (its main output), not the platform's packages of the same root. */
    @BeforeAll
    static void importClasses() throws URISyntaxException {
        Location own = Location.of(PluginApi.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        classes = new ClassFileImporter().importLocations(List.of(own));
    }

    @Test
    void noCyclesBetweenPackages() {
        slices().matching(ROOT + ".(**)").should().beFreeOfCycles().check(classes);
    }

    @Test
    void eachLayerUsesOnlyTheLayersBelowIt() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("Foundation").definedBy(ROOT + ".annotation..", ROOT + ".config..", ROOT + ".definition..",
                        ROOT + ".logging..")
                .layer("Repository").definedBy(ROOT + ".repository..")
                .layer("Services").definedBy(ROOT + ".cluster..", ROOT + ".mail..", ROOT + ".search..",
                        ROOT + ".security..", ROOT + ".uploads..", ROOT + ".http..", ROOT + ".publishing..",
                        ROOT + ".health..", ROOT + ".metrics..", ROOT + ".maintenance..")
                .layer("PluginApi").definedBy(ROOT + ".module")
                .whereLayer("PluginApi").mayNotBeAccessedByAnyLayer()
                .whereLayer("Services").mayOnlyBeAccessedByLayers("PluginApi")
                .whereLayer("Repository").mayOnlyAccessLayers("Foundation")
                .whereLayer("Foundation").mayNotAccessAnyLayer()
                .check(classes);
    }

    /** Nothing here belongs to the layers above: those packages live in the platform artifact. */
    @Test
    void holdsOnlyTheLowerLayers() {
        com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes().should()
                .resideInAnyPackage(ROOT + ".annotation..", ROOT + ".config..", ROOT + ".definition..",
                        ROOT + ".logging..", ROOT + ".repository..", ROOT + ".cluster..", ROOT + ".mail..",
                        ROOT + ".search..", ROOT + ".security..", ROOT + ".uploads..", ROOT + ".http..",
                        ROOT + ".publishing..", ROOT + ".health..", ROOT + ".metrics..", ROOT + ".maintenance..",
                        ROOT + ".module")
                .check(classes);
    }
}
