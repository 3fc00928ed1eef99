package fr.usinesouvertes.events.delivery;

import fr.usinesouvertes.platform.http.CacheControl;
import com.fasterxml.jackson.core.JsonProcessingException;
import fr.usinesouvertes.events.edition.Audience;
import fr.usinesouvertes.events.edition.Regions;
import fr.usinesouvertes.events.site.PublicEvents;
import fr.usinesouvertes.events.site.PublicSheet;
import fr.usinesouvertes.events.site.PublicSite;
import fr.usinesouvertes.events.site.PublicSlot;
import fr.usinesouvertes.platform.http.ApiException;
import fr.usinesouvertes.platform.http.JsonMapper;
import fr.usinesouvertes.platform.repository.ContentRepository;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /.rest/delivery/events/v1}: published event sheets with their site summary and slots' places left.
 * Never reads registrations and never shows the booking ledger: only {@link PublicEvents}' public records.
 */
@Path("delivery/events/v1")
@Produces(MediaType.APPLICATION_JSON)
public final class EventsDeliveryResource {

    static final int DEFAULT_LIMIT = 10;
    static final int MAX_LIMIT = 100;
    private static final String JSON_UTF8 = "application/json;charset=utf-8";

    private final ContentRepository repository;
    private final java.time.ZoneId zone;

    /** @param zone the site's time zone: slots' times are given with its offsets */
    public EventsDeliveryResource(ContentRepository repository, java.time.ZoneId zone) {
        this.repository = repository;
        this.zone = zone;
    }

    @GET
    public Response list(@QueryParam("limit") String limit, @QueryParam("offset") String offset,
                         @QueryParam("edition") String edition, @QueryParam("region") String region,
                         @QueryParam("audience") String audience, @QueryParam("site") String site,
                         @HeaderParam("If-None-Match") String ifNoneMatch) {
        int first = number("offset", offset, 0, 0, Integer.MAX_VALUE);
        int count = number("limit", limit, DEFAULT_LIMIT, 1, MAX_LIMIT);
        Integer year = edition == null || edition.isBlank() ? null : number("edition", edition, 0, 2000, 2999);
        if (audience != null && !audience.isBlank()
                && Audience.fromId(audience).filter(Audience::isVisitor).isEmpty()) {
            throw ApiException.badRequest("invalidParameter",
                    "audience: expected one of school, franceTravail, public");
        }
        List<Map<String, Object>> matching = repository.read(session -> {
            PublicEvents events = new PublicEvents(session, zone);
            List<Map<String, Object>> results = new ArrayList<>();
            for (PublicSheet sheet : events.sheets(year)) {
                if (site != null && !site.isBlank() && !sheet.siteSlug().equals(site)) {
                    continue;
                }
                Optional<PublicSite> publicSite = events.site(sheet.siteSlug());
                if (publicSite.isEmpty()) {
                    continue;
                }
                if (region != null && !region.isBlank() && !Regions.same(region, publicSite.get().region())) {
                    continue;
                }
                if (audience != null && !audience.isBlank()
                        && sheet.slots().stream().noneMatch(s -> s.audiences().contains(audience))) {
                    continue;
                }
                results.add(toJson(sheet, publicSite.get()));
            }
            return results;
        });
        List<Map<String, Object>> page = matching.subList(Math.min(first, matching.size()),
                Math.min(matching.size(), (int) Math.min((long) first + count, matching.size())));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("results", page);
        body.put("total", matching.size());
        return answer(body, ifNoneMatch);
    }

    @GET
    @Path("{year: \\d{4}}/{site}")
    public Response one(@PathParam("year") int year, @PathParam("site") String site,
                        @HeaderParam("If-None-Match") String ifNoneMatch) {
        Map<String, Object> body = repository.read(session -> {
            PublicEvents events = new PublicEvents(session, zone);
            Optional<PublicSheet> sheet = events.sheet(site, year);
            Optional<PublicSite> publicSite = events.site(site);
            return sheet.isPresent() && publicSite.isPresent() ? toJson(sheet.get(), publicSite.get()) : null;
        });
        if (body == null) {
            throw ApiException.notFound("eventNotFound", "No published event sheet for " + year + "/" + site);
        }
        return answer(body, ifNoneMatch);
    }

    static Map<String, Object> toJson(PublicSheet sheet, PublicSite site) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("edition", sheet.edition());
        json.put("site", siteSummary(site));
        json.put("status", sheet.status());
        json.put("registrationMode", sheet.registrationMode());
        if (!sheet.externalUrl().isEmpty()) {
            json.put("externalUrl", sheet.externalUrl());
        }
        json.put("meetingPoint", sheet.meetingPoint());
        json.put("access", sheet.access());
        json.put("parking", sheet.parking());
        json.put("safetyEquipment", sheet.safetyEquipment());
        json.put("minimumAge", sheet.minimumAge());
        json.put("reducedMobilityAccess", sheet.reducedMobilityAccess());
        json.put("languages", sheet.languages());
        json.put("description", sheet.description());
        List<Map<String, Object>> slots = new ArrayList<>();
        for (PublicSlot slot : sheet.slots()) {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("id", slot.id());
            s.put("start", slot.start().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
            s.put("end", slot.end().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
            s.put("capacity", slot.capacity());
            s.put("placesLeft", slot.placesLeft());
            s.put("audiences", slot.audiences());
            if (slot.cancelled()) {
                s.put("cancelled", true);
            }
            slots.add(s);
        }
        json.put("slots", slots);
        return json;
    }

    private static Map<String, Object> siteSummary(PublicSite site) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", site.id());
        json.put("slug", site.slug());
        json.put("name", site.name());
        json.put("commune", site.commune());
        json.put("department", site.department());
        json.put("region", site.region());
        json.put("latitude", site.latitude());
        json.put("longitude", site.longitude());
        json.put("company", site.companyName());
        return json;
    }

    private static int number(String name, String value, int fallback, int min, int max) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value.strip());
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ApiException.badRequest("invalidParameter", name + ": expected a whole number from " + min + " to " + max);
    }

    private static Response answer(Object body, String ifNoneMatch) {
        byte[] bytes;
        try {
            bytes = JsonMapper.mapper().writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write events JSON", e);
        }
        String etag = etag(bytes);
        if (ifNoneMatch != null && List.of(ifNoneMatch.split(",")).stream().map(String::strip)
                .map(t -> t.startsWith("W/") ? t.substring(2) : t).anyMatch(t -> t.equals(etag) || t.equals("*"))) {
            return Response.notModified().header("ETag", etag).header("Cache-Control", CacheControl.REVALIDATE).build();
        }
        return Response.ok(bytes, JSON_UTF8).header("ETag", etag).header("Cache-Control", CacheControl.REVALIDATE).build();
    }

    private static String etag(byte[] bytes) {
        try {
            return "\"" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes), 0, 16) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
