package fr.usinesouvertes.events.site;

import com.fasterxml.jackson.core.JsonProcessingException;
import fr.usinesouvertes.events.i18n.Lang;
import fr.usinesouvertes.events.i18n.Messages;
import fr.usinesouvertes.platform.http.JsonMapper;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * schema.org {@code Event} JSON-LD for a site's slots, safe to embed in a {@code <script>} element:
 * {@code <}, {@code >} and {@code &} are written as JSON unicode escapes so no markup can end the script.
 */
public final class EventJsonLd {

    private EventJsonLd() {
    }

    /** One Event per slot of the sheet, as a JSON array; {@code siteUrl} is the absolute page URL. */
    public static String of(PublicSite site, PublicSheet sheet, String siteUrl, Lang lang) {
        List<Map<String, Object>> events = new ArrayList<>();
        for (PublicSlot slot : sheet.slots()) {
            events.add(event(site, sheet, slot, siteUrl, lang));
        }
        try {
            return escape(JsonMapper.mapper().writeValueAsString(events));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write JSON-LD", e);
        }
    }

    private static Map<String, Object> event(PublicSite site, PublicSheet sheet, PublicSlot slot, String siteUrl,
                                             Lang lang) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("@context", "https://schema.org");
        event.put("@type", "Event");
        event.put("@id", siteUrl + "#slot-" + slot.id());
        event.put("name", Messages.of(Messages.EVENTS, lang).format("visit.title", site.companyName(), site.name()));
        event.put("url", siteUrl);
        event.put("startDate", slot.start().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        event.put("endDate", slot.end().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        event.put("eventAttendanceMode", "https://schema.org/OfflineEventAttendanceMode");
        event.put("eventStatus", slot.cancelled() || "cancelled".equals(sheet.status())
                ? "https://schema.org/EventCancelled" : "https://schema.org/EventScheduled");
        event.put("isAccessibleForFree", true);
        event.put("location", place(site));
        Map<String, Object> organizer = new LinkedHashMap<>();
        organizer.put("@type", "Organization");
        organizer.put("name", site.companyName());
        if (!site.companyWebsite().isEmpty()) {
            organizer.put("url", site.companyWebsite());
        }
        event.put("organizer", organizer);
        event.put("maximumAttendeeCapacity", slot.capacity());
        event.put("remainingAttendeeCapacity", slot.placesLeft());
        Map<String, Object> offer = new LinkedHashMap<>();
        offer.put("@type", "Offer");
        offer.put("price", 0);
        offer.put("priceCurrency", "EUR");
        offer.put("url", siteUrl);
        offer.put("availability", slot.isFull() ? "https://schema.org/SoldOut" : "https://schema.org/InStock");
        offer.put("inventoryLevel", Map.of("@type", "QuantitativeValue", "value", slot.placesLeft()));
        event.put("offers", offer);
        List<String> languages = sheet.languages().isEmpty() ? List.of("fr") : sheet.languages();
        event.put("inLanguage", languages.size() == 1 ? languages.get(0) : languages);
        return event;
    }

    private static Map<String, Object> place(PublicSite site) {
        Map<String, Object> address = new LinkedHashMap<>();
        address.put("@type", "PostalAddress");
        address.put("streetAddress", site.address());
        address.put("postalCode", site.postalCode());
        address.put("addressLocality", site.commune());
        address.put("addressRegion", site.region());
        address.put("addressCountry", "FR");
        Map<String, Object> place = new LinkedHashMap<>();
        place.put("@type", "Place");
        place.put("name", site.name());
        place.put("address", address);
        if (site.latitude() != null && site.longitude() != null) {
            place.put("geo", Map.of("@type", "GeoCoordinates", "latitude", site.latitude(),
                    "longitude", site.longitude()));
        }
        return place;
    }

    /** Makes JSON safe inside an HTML script element (JSON parsers read the escapes back unchanged). */
    static String escape(String json) {
        return json.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
                .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029");
    }
}
