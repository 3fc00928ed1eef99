package fr.usinesouvertes.events.site;

import fr.usinesouvertes.events.i18n.Lang;
import fr.usinesouvertes.platform.module.SitemapEntry;
import fr.usinesouvertes.platform.module.SitemapSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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
    @SuppressWarnings("unchecked")
    public List<SitemapEntry> entries() {
        List<SitemapEntry> entries = new ArrayList<>();
        for (Map<String, Object> region : events.sitesByRegion()) {
            for (Map<String, Object> site : (List<Map<String, Object>>) region.get("sites")) {
                entries.add(new SitemapEntry(EventLinks.sitePage((String) site.get("slug"), Lang.FR), 0));
            }
        }
        return entries;
    }
}
