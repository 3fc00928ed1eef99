package fr.usinesouvertes.events.delivery;

import fr.usinesouvertes.platform.http.CacheControl;
import fr.usinesouvertes.events.calendar.VisitCalendar;
import fr.usinesouvertes.events.i18n.Lang;
import fr.usinesouvertes.events.i18n.Messages;
import fr.usinesouvertes.events.site.PublicEvents;
import fr.usinesouvertes.events.site.PublicSheet;
import fr.usinesouvertes.events.site.PublicSite;
import fr.usinesouvertes.events.visit.Visit;
import fr.usinesouvertes.platform.http.ApiException;
import fr.usinesouvertes.platform.repository.ContentRepository;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code GET /.rest/events/v1/slots/<slotId>.ics}: the public calendar of a slot of a published sheet,
 * linked from the site page ({@code ?lang=en} for English). Unknown or unpublished slots are 404.
 */
@Path("events/v1/slots")
public final class SlotCalendarResource {

    private final ContentRepository repository;
    private final VisitCalendar calendar;
    private final java.time.ZoneId zone;

    /** @param zone the site's time zone, the calendar's too */
    public SlotCalendarResource(ContentRepository repository, VisitCalendar calendar, java.time.ZoneId zone) {
        this.repository = repository;
        this.calendar = calendar;
        this.zone = zone;
    }

    @GET
    @Path("{slotId: [0-9a-fA-F-]{36}}.ics")
    public Response ics(@PathParam("slotId") String slotId, @QueryParam("lang") String lang) {
        Lang language = Lang.fromCode(lang);
        Visit visit = repository.read(session -> new PublicEvents(session, zone).slot(slotId)
                .map(found -> visitOf(found.site(), found.sheet(), found.slot(), language)).orElse(null));
        if (visit == null) {
            throw ApiException.notFound("slotNotFound", "No published slot " + slotId);
        }
        String filename = "visite-" + visit.start().toLocalDate() + "-" + slotId.substring(0, 8) + ".ics";
        return Response.ok(calendar.forSlot(visit, language), "text/calendar; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"" + filename + "\"")
                .header("Cache-Control", CacheControl.REVALIDATE).build();
    }

    /** The visit of a public slot, with the sheet's practical information in one paragraph. */
    public static Visit visitOf(PublicSite site, PublicSheet sheet, fr.usinesouvertes.events.site.PublicSlot slot,
                                Lang lang) {
        Messages m = Messages.of(Messages.EVENTS, lang);
        List<String> lines = new ArrayList<>();
        add(lines, m, "practical.meetingPoint", sheet.meetingPoint());
        add(lines, m, "practical.access", sheet.access());
        add(lines, m, "practical.parking", sheet.parking());
        add(lines, m, "practical.safetyEquipment", sheet.safetyEquipment());
        return new Visit(slot.id(), site.companyName().isEmpty() ? site.name() : site.companyName(), site.name(),
                site.addressLine(), slot.start(), slot.end(), String.join("\n", lines));
    }

    private static void add(List<String> lines, Messages m, String key, String value) {
        if (value != null && !value.isBlank()) {
            lines.add(m.format(key, value));
        }
    }
}
