package fr.usinesouvertes.events.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import fr.usinesouvertes.platform.annotation.PluginApi;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The events module's structure, checked at every build; see docs/architecture.md. */
class ArchitectureTest {

    private static final String EVENTS = "fr.usinesouvertes.events";

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(EVENTS);
    }

    /** No two packages depend on each other; the root package ({@code EventsModule}) wires them and nothing uses it. */
    @Test
    void noCyclesBetweenPackages() {
        slices().matching(EVENTS + ".(**)").should().beFreeOfCycles().check(classes);
        noClasses().that().resideInAPackage(EVENTS + ".(**)").should().dependOnClassesThat()
                .resideInAPackage(EVENTS).check(classes);
    }

    /** A module builds on the plugin API: the package {@code platform.module} and the classes marked {@link PluginApi}. */
    @Test
    void usesThePlatformThroughThePluginApiOnly() {
        noClasses().that().resideInAPackage(EVENTS + "..")
                .should().dependOnClassesThat(INTERNAL_TO_THE_PLATFORM)
                .check(classes);
    }

    private static final DescribedPredicate<JavaClass> INTERNAL_TO_THE_PLATFORM =
            new DescribedPredicate<>("are internal to the platform (neither in platform.module nor @PluginApi)") {
                @Override
                public boolean test(JavaClass type) {
                    if (!type.getPackageName().startsWith("fr.usinesouvertes.platform")) {
                        return false;
                    }
                    if (type.getPackageName().equals("fr.usinesouvertes.platform.module")) {
                        return false;
                    }
                    for (Optional<JavaClass> current = Optional.of(type); current.isPresent();
                         current = current.get().getEnclosingClass()) {
                        if (current.get().isAnnotatedWith(PluginApi.class)) {
                            return false;
                        }
                    }
                    return true;
                }
            };
}
