package fr.usinesouvertes.platform.architecture;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The platform's layering, checked at every build: each package may use the packages of its layer and below,
 * never above, and no two packages depend on each other. From the bottom:
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
 * <li>the plugin API, {@code module}: what a Java module implements and receives;</li>
 * <li>{@code module.runtime}: runs the modules and collects their contributions;</li>
 * <li>the implementation: rendering, light modules, back office, Delivery API, content import and export;</li>
 * <li>the root package: {@code Platform}, which builds and wires everything;</li>
 * <li>{@code command}: the command line, which starts a platform or opens its repository.</li>
 * </ol>
 * See docs/architecture.md.
 */
class ArchitectureTest {

    private static final String ROOT = "fr.usinesouvertes.platform";

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(ROOT);
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
                .layer("ModuleRuntime").definedBy(ROOT + ".module.runtime..")
                .layer("Implementation").definedBy(ROOT + ".rendering..", ROOT + ".lightmodule..",
                        ROOT + ".admin..", ROOT + ".delivery..", ROOT + ".content..")
                .layer("Wiring").definedBy(ROOT)
                .layer("Commands").definedBy(ROOT + ".command..")
                .whereLayer("Commands").mayNotBeAccessedByAnyLayer()
                .whereLayer("Wiring").mayOnlyBeAccessedByLayers("Commands")
                .whereLayer("Implementation").mayOnlyBeAccessedByLayers("Commands", "Wiring")
                .whereLayer("ModuleRuntime").mayOnlyBeAccessedByLayers("Implementation", "Commands", "Wiring")
                .whereLayer("PluginApi").mayOnlyBeAccessedByLayers("ModuleRuntime", "Implementation", "Commands", "Wiring")
                .whereLayer("Services").mayOnlyBeAccessedByLayers("PluginApi", "ModuleRuntime", "Implementation", "Commands",
                        "Wiring")
                .whereLayer("Repository").mayOnlyAccessLayers("Foundation")
                .whereLayer("Foundation").mayNotAccessAnyLayer()
                .check(classes);
    }
}
