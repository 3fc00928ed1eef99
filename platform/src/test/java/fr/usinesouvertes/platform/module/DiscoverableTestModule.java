package fr.usinesouvertes.platform.module;

/** A module found by ServiceLoader through the services file in test resources' {@code service-discovery/}. */
public final class DiscoverableTestModule implements PlatformModule {

    @Override
    public ModuleDescriptor descriptor() {
        return ModuleDescriptor.of("discoverable", "1.0");
    }
}
