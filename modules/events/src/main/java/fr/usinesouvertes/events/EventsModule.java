package fr.usinesouvertes.events;

import fr.usinesouvertes.events.registration.RegistrationService;
import fr.usinesouvertes.events.web.OpenApiResource;
import fr.usinesouvertes.events.web.RegistrationPagesServlet;
import fr.usinesouvertes.events.web.RegistrationResource;
import fr.usinesouvertes.platform.config.SettingDefinition;
import fr.usinesouvertes.platform.module.ModuleContext;
import fr.usinesouvertes.platform.module.ModuleDescriptor;
import fr.usinesouvertes.platform.module.PlatformModule;
import java.util.List;

/**
 * The events module: industrial sites, event sheets, time slots and registrations. Its definitions
 * and bootstrap content (the 2025 and 2026 editions) ship in its class-path light module
 * {@value #LIGHT_MODULE_ROOT}, imported once by the platform like any light module's.
 */
public final class EventsModule implements PlatformModule {

    public static final String NAME = "events";
    public static final String VERSION = "0.1.0";
    static final String LIGHT_MODULE_ROOT = "light-modules/events";

    @Override
    public ModuleDescriptor descriptor() {
        return ModuleDescriptor.of(NAME, VERSION).withLightModuleRoot(LIGHT_MODULE_ROOT);
    }

    @Override
    public List<SettingDefinition<?>> settings() {
        return EventsSettings.all();
    }

    @Override
    public void start(ModuleContext context) {
        RegistrationService registrations = RegistrationService.fromSettings(context.repository(), context.settings(),
                context.clock());
        context.registerRestComponent(new RegistrationResource(registrations));
        context.registerRestComponent(new OpenApiResource());
        RegistrationPagesServlet.mount(context, registrations);
    }
}
