package fr.usinesouvertes.platform.module.runtime;

import fr.usinesouvertes.platform.module.TestModule;
import fr.usinesouvertes.platform.module.PlatformModule;
import fr.usinesouvertes.platform.module.ModuleException;
import fr.usinesouvertes.platform.module.ModuleDescriptor;
import static fr.usinesouvertes.platform.module.TestModule.dependency;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ModuleOrderTest {

    @Test
    void dependenciesStartFirstAndPeersInNameOrder() {
        List<PlatformModule> modules = List.of(
                TestModule.of("events", "1.0", dependency("core", "1.0"), dependency("mail", "*")),
                TestModule.of("mail", "2.1", dependency("core", "*")),
                TestModule.of("search", "1.0", dependency("core", "*")),
                TestModule.of("core", "1.3"),
                TestModule.of("audit", "1.0"));

        assertThat(TestModule.names(ModuleOrder.of(modules)))
                .containsExactly("audit", "core", "mail", "events", "search");
    }

    @Test
    void missingDependencyNamesBothModules() {
        List<PlatformModule> modules = List.of(TestModule.of("events", "1.0", dependency("mail", "1.0")));

        assertThatThrownBy(() -> ModuleOrder.of(modules))
                .isInstanceOf(ModuleException.class)
                .hasMessage("Module 'events' needs module 'mail' (version 1.0), which is not installed");
    }

    @Test
    void missingOptionalDependencyIsIgnored() {
        List<PlatformModule> modules = List.of(
                TestModule.of("events", "1.0", new ModuleDescriptor.Dependency("mail", "1.0", true)));

        assertThat(TestModule.names(ModuleOrder.of(modules))).containsExactly("events");
    }

    @Test
    void presentOptionalDependencyStartsFirst() {
        List<PlatformModule> modules = List.of(
                TestModule.of("a", "1.0", new ModuleDescriptor.Dependency("b", "*", true)), TestModule.of("b", "1.0"));

        assertThat(TestModule.names(ModuleOrder.of(modules))).containsExactly("b", "a");
    }

    @Test
    void versionOutsideTheRangeIsRefused() {
        List<PlatformModule> modules = List.of(
                TestModule.of("events", "1.0", dependency("core", "1.2/2.0")), TestModule.of("core", "2.1"));

        assertThatThrownBy(() -> ModuleOrder.of(modules))
                .isInstanceOf(ModuleException.class)
                .hasMessage("Module 'events' needs module 'core' in version 1.2/2.0, but version 2.1 is installed");
    }

    @Test
    void singleVersionMeansThatVersionOrLater() {
        assertThat(ModuleOrder.of(List.of(TestModule.of("a", "1.0", dependency("core", "1.9")),
                TestModule.of("core", "1.10")))).hasSize(2);
        assertThatThrownBy(() -> ModuleOrder.of(List.of(TestModule.of("a", "1.0", dependency("core", "1.9")),
                TestModule.of("core", "1.8.5")))).hasMessageContaining("in version 1.9, but version 1.8.5");
    }

    @Test
    void duplicateNameIsRefused() {
        List<PlatformModule> modules = List.of(TestModule.of("core", "1.0"), TestModule.of("core", "1.1"));

        assertThatThrownBy(() -> ModuleOrder.of(modules))
                .isInstanceOf(ModuleException.class)
                .hasMessageStartingWith("Module 'core' is declared twice");
    }

    @Test
    void cycleIsReportedWithItsPath() {
        List<PlatformModule> modules = List.of(
                TestModule.of("a", "1.0", dependency("b", "*")),
                TestModule.of("b", "1.0", dependency("c", "*")),
                TestModule.of("c", "1.0", dependency("a", "*")),
                TestModule.of("d", "1.0", dependency("a", "*")),
                TestModule.of("e", "1.0"));

        assertThatThrownBy(() -> ModuleOrder.of(modules))
                .isInstanceOf(ModuleException.class)
                .hasMessage("Modules depend on each other in a cycle: a -> b -> c -> a");
    }

    @Test
    void badVersionIsRefused() {
        assertThatThrownBy(() -> ModuleOrder.of(List.of(TestModule.of("a", "one"))))
                .hasMessage("Module 'a' has a bad version: 'one' is not a version like 1.2 or 1.2.3");
    }
}
