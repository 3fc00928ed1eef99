package fr.usinesouvertes.events.organiser;

import fr.usinesouvertes.events.delivery.SlotCalendarResource;
import fr.usinesouvertes.events.edition.Regions;
import fr.usinesouvertes.events.export.RegistrationCsvExport;
import fr.usinesouvertes.events.i18n.Lang;
import fr.usinesouvertes.events.site.PublicEvents;
import fr.usinesouvertes.events.site.PublicSheet;
import fr.usinesouvertes.events.site.PublicSite;
import fr.usinesouvertes.events.site.PublicSlot;
import fr.usinesouvertes.events.visit.Visit;
import fr.usinesouvertes.platform.repository.ContentRepository;
import java.io.OutputStream;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An edition's registrations as CSV ({@link RegistrationCsvExport}'s columns), for every published site, one
 * site or one region: what the {@code registrations export} command writes to a file and the organisers
 * download from the running platform ({@link OrganiserExportsResource}).
 */
public final class RegistrationExport {

    private final ContentRepository repository;
    private final ZoneId zone;

    /** @param zone the site's time zone, in which the file gives dates and times */
    public RegistrationExport(ContentRepository repository, ZoneId zone) {
        this.repository = repository;
        this.zone = zone;
    }

    /** The published slots of {@code year}, of one site ({@code siteSlug}) and one region when not null. */
    public List<Visit> slots(int year, String siteSlug, String region) {
        return repository.read(session -> {
            PublicEvents events = new PublicEvents(session, zone);
            List<Visit> visits = new ArrayList<>();
            for (PublicSheet sheet : events.sheets(year)) {
                Optional<PublicSite> publicSite = events.site(sheet.siteSlug());
                if (publicSite.isEmpty() || (siteSlug != null && !siteSlug.equals(sheet.siteSlug()))
                        || (region != null && !Regions.same(region, publicSite.get().region()))) {
                    continue;
                }
                for (PublicSlot slot : sheet.slots()) {
                    visits.add(SlotCalendarResource.visitOf(publicSite.get(), sheet, slot, Lang.FR));
                }
            }
            return visits;
        });
    }

    /** Writes the registrations of {@code slots} to {@code out} (UTF-8 with BOM, for Excel). */
    public void write(List<Visit> slots, OutputStream out) {
        new RegistrationCsvExport(repository, zone).write(slots, out);
    }
}
