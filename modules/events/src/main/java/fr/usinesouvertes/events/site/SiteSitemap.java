package fr.usinesouvertes.events.site;

import fr.usinesouvertes.events.i18n.Lang;
import fr.usinesouvertes.platform.module.SitemapEntry;
import fr.usinesouvertes.platform.module.SitemapSource;
import java.util.ArrayList;
import java.util.List;

/**
 * The site pages ({@code /usines/<slug>}) for the platform's {@code sitemap.xml}: the sites with a
 * published event sheet in the current edition, exactly those whose page answers 200.
 */
public final class SiteSitemap implements SitemapSource {

    private final EventsFunctions events;

    public SiteSitemap(EventsFunctions events) {
        this.events = events;
    }

    @Override
    public List<SitemapEntry> entries() {
        List<SitemapEntry> entries = new ArrayList<>();
        for (EventsFunctions.RegionSites region : events.sitesByRegion()) {
            for (PublicSite site : region.sites()) {
                entries.add(new SitemapEntry(EventLinks.sitePage(site.slug(), Lang.FR), 0));
            }
        }
        return entries;
    }
}
