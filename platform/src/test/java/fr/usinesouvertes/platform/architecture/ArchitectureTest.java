package fr.usinesouvertes.platform.architecture;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.Location;
import fr.usinesouvertes.platform.Platform;
import java.net.URISyntaxException;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The platform artifact's layering, checked at every build: each package may use the packages of its layer and
 * below, never above, and no two packages depend on each other. It builds on platform-api (settings,
 * definitions, the repository, the services and the plugin API {@code module}, whose own layering
 * {@code ApiArchitectureTest} checks), and adds, from the bottom:
 * <ol>
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

    /** The classes of this artifact only (its main output); platform-api's are checked in their own build. */
    @BeforeAll
    static void importClasses() throws URISyntaxException {
        Location own = Location.of(Platform.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        classes = new ClassFileImporter().importLocations(List.of(own));
    }

    @Test
    void noCyclesBetweenPackages() {
        slices().matching(ROOT + ".(**)").should().beFreeOfCycles().check(classes);
    }

    @Test
    void eachLayerUsesOnlyTheLayersBelowIt() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .optionalLayer("PlatformApi").definedBy(ROOT + ".annotation..", ROOT + ".config..", ROOT + ".definition..",
                        ROOT + ".logging..", ROOT + ".repository..", ROOT + ".cluster..", ROOT + ".mail..",
                        ROOT + ".search..", ROOT + ".security..", ROOT + ".uploads..", ROOT + ".http..",
                        ROOT + ".publishing..", ROOT + ".health..", ROOT + ".metrics..", ROOT + ".maintenance..",
                        ROOT + ".module")
                .layer("ModuleRuntime").definedBy(ROOT + ".module.runtime..")
                .layer("Implementation").definedBy(ROOT + ".rendering..", ROOT + ".lightmodule..",
                        ROOT + ".admin..", ROOT + ".delivery..", ROOT + ".content..")
                .layer("Wiring").definedBy(ROOT)
                .layer("Commands").definedBy(ROOT + ".command..")
                .whereLayer("Commands").mayNotBeAccessedByAnyLayer()
                .whereLayer("Wiring").mayOnlyBeAccessedByLayers("Commands")
                .whereLayer("Implementation").mayOnlyBeAccessedByLayers("Commands", "Wiring")
                .whereLayer("ModuleRuntime").mayOnlyBeAccessedByLayers("Implementation", "Commands", "Wiring")
                .check(classes);
    }

    /** The packages of platform-api stay there: a package lives in exactly one jar. */
    @Test
    void addsNoClassToThePlatformApisPackages() {
        com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses().should()
                .resideInAnyPackage(ROOT + ".annotation..", ROOT + ".config..", ROOT + ".definition..",
                        ROOT + ".logging..", ROOT + ".repository..", ROOT + ".cluster..", ROOT + ".mail..",
                        ROOT + ".search..", ROOT + ".security..", ROOT + ".uploads..", ROOT + ".http..",
                        ROOT + ".publishing..", ROOT + ".health..", ROOT + ".metrics..", ROOT + ".maintenance..",
                        ROOT + ".module")
                .check(classes);
    }

    /** The plugin API is all in platform-api: a module compiles against that artifact alone. */
    @Test
    void holdsNoPluginApi() {
        com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses().should()
                .beAnnotatedWith(fr.usinesouvertes.platform.annotation.PluginApi.class)
                .check(classes);
    }
}
