package fr.usinesouvertes.events;

import fr.usinesouvertes.events.search.CommunesTable;
import fr.usinesouvertes.events.search.SearchParameters;
import fr.usinesouvertes.events.search.SearchResource;
import fr.usinesouvertes.events.search.SiteDocuments;
import fr.usinesouvertes.events.search.SiteSearch;
import fr.usinesouvertes.platform.config.SettingDefinition;
import fr.usinesouvertes.platform.module.ModuleContext;
import fr.usinesouvertes.platform.search.SearchIndex;
import java.nio.file.Path;
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
    /** The node-local index of public sites, in {@code DATA/search-index/sites}. */
    public static final String SEARCH_INDEX = "sites";
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
        SearchIndex index = context.openSearchIndex(SEARCH_INDEX, new SiteDocuments());
        Path communesFile = context.settings().get(EventsSettings.COMMUNES);
        CommunesTable communes = communesFile != null ? CommunesTable.read(communesFile) : null;
        context.registerRestComponent(new SearchResource(new SiteSearch(index, context.clock()),
                new SearchParameters(communes)));
    }
}
