package fr.usinesouvertes.events.site;

import fr.usinesouvertes.events.edition.Audience;
import fr.usinesouvertes.events.edition.Edition;
import fr.usinesouvertes.events.edition.EditionStore;
import fr.usinesouvertes.events.edition.EventDay;
import fr.usinesouvertes.events.edition.RegistrationWindow;
import fr.usinesouvertes.events.edition.WindowDecision;
import fr.usinesouvertes.events.i18n.Lang;
import fr.usinesouvertes.events.i18n.Messages;
import fr.usinesouvertes.platform.http.PublicUrl;
import fr.usinesouvertes.platform.module.ContentMap;
import fr.usinesouvertes.platform.module.PageNotFoundException;
import fr.usinesouvertes.platform.repository.ContentRepository;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code eventsfn}: what page scripts need about sites, companies, published event sheets and slots,
 * as plain maps (never a node: registrations and the booking ledger stay out of templates' reach).
 */
public final class EventsFunctions {

    private static final DateTimeFormatter TIME_FR = DateTimeFormatter.ofPattern("HH'h'mm", Locale.FRENCH);
    private static final DateTimeFormatter TIME_EN = DateTimeFormatter.ofPattern("h:mm a", Locale.ENGLISH);
    private static final DateTimeFormatter DAY_FR = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.FRENCH);
    private static final DateTimeFormatter DAY_EN = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.ENGLISH);

    private final ContentRepository repository;
    private final PublicPhotos photos;
    private final EditionStore editions;
    private final RegistrationWindow window;
    private final Clock clock;
    private final PublicUrl publicUrl;
    private final java.time.ZoneId zone;
    private final fr.usinesouvertes.events.site.NearbySlots nearby;

    /**
     * @param publicUrl the site's public address, for absolute links in JSON-LD
     * @param zone      the site's time zone, in which pages show slots' days and times
     */
    /** @param photos the companies' photos of their sites (from the company space) */
    public EventsFunctions(ContentRepository repository, Clock clock, PublicUrl publicUrl, java.time.ZoneId zone,
                           PublicPhotos photos) {
        this.repository = repository;
        this.photos = photos;
        this.editions = new EditionStore(repository, zone);
        this.window = new RegistrationWindow(clock, zone);
        this.clock = clock;
        this.publicUrl = publicUrl;
        this.zone = zone;
        this.nearby = new fr.usinesouvertes.events.site.NearbySlots(repository, clock, zone);
    }

    /** The site of a slug (a map of its public fields), or null. */
    public Map<String, Object> site(String slug) {
        return repository.read(session -> new PublicEvents(session, zone).site(slug).map(EventsFunctions::toMap).orElse(null));
    }

    /** Every site, by region then name; with a region name, that region's only. */
    public List<Map<String, Object>> sites(String... region) {
        String only = region.length > 0 && region[0] != null && !region[0].isBlank() ? region[0] : null;
        return repository.read(session -> new PublicEvents(session, zone).sites().stream()
                .filter(s -> only == null || fr.usinesouvertes.events.edition.Regions.same(only, s.region()))
                .map(EventsFunctions::toMap).toList());
    }

    /**
     * The sites with a published sheet in the current edition (those with a public page), grouped by region:
     * a list of {@code {region, sites}}, regions alphabetical.
     */
    public List<Map<String, Object>> sitesByRegion() {
        int year = currentEdition();
        List<Map<String, Object>> open = repository.read(session -> {
            PublicEvents events = new PublicEvents(session, zone);
            List<Map<String, Object>> sites = new ArrayList<>();
            for (PublicSite site : events.sites()) {
                if (events.sheet(site.slug(), year).isPresent()) {
                    sites.add(toMap(site));
                }
            }
            return sites;
        });
        Map<String, List<Map<String, Object>>> groups = new LinkedHashMap<>();
        for (Map<String, Object> site : open) {
            groups.computeIfAbsent((String) site.get("region"), r -> new ArrayList<>()).add(site);
        }
        List<Map<String, Object>> result = new ArrayList<>();
        groups.forEach((region, sites) -> result.add(Map.of("region", region, "sites", sites)));
        return result;
    }

    /** The company of a site (map, content map or slug): name, slug, website, description. */
    public Map<String, Object> company(Object site) {
        Map<String, Object> s = resolveSite(site);
        if (s == null) {
            return null;
        }
        Map<String, Object> company = new LinkedHashMap<>();
        company.put("name", s.get("companyName"));
        company.put("slug", s.get("companySlug"));
        company.put("website", s.get("companyWebsite"));
        company.put("description", s.get("companyDescription"));
        return company;
    }

    /** The published sheet of a site for the current edition, or null. */
    public Map<String, Object> eventSheet(Object site) {
        return eventSheet(site, currentEdition());
    }

    /** The published sheet of a site for an edition, or null. */
    public Map<String, Object> eventSheet(Object site, Number year) {
        Map<String, Object> s = resolveSite(site);
        if (s == null || year == null) {
            return null;
        }
        return repository.read(session -> new PublicEvents(session, zone).sheet((String) s.get("slug"), year.intValue())
                .map(EventsFunctions::toMap).orElse(null));
    }

    /** The company's photos of an approved site ({@code url}, {@code alt}); empty until its sheet is published. */
    public List<Map<String, String>> photos(Object site) {
        Map<String, Object> s = resolveSite(site);
        if (s == null) {
            return List.of();
        }
        return photos.of((String) s.get("slug")).stream()
                .map(photo -> Map.of("url", photo.url(), "alt", photo.alt()))
                .toList();
    }

    /** The slots of a sheet, each with placesLeft, isFull, audiences and French or English labels. */
    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> slots(Map<String, Object> sheet, String lang) {
        if (sheet == null) {
            return List.of();
        }
        Lang language = Lang.fromCode(lang);
        List<Map<String, Object>> result = new ArrayList<>();
        for (PublicSlot slot : (List<PublicSlot>) sheet.get("slotRecords")) {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("id", slot.id());
            map.put("start", slot.start().toOffsetDateTime().toString());
            map.put("end", slot.end().toOffsetDateTime().toString());
            map.put("day", slot.start().toLocalDate().toString());
            map.put("dayLabel", capitalize(slot.start().format(language == Lang.EN ? DAY_EN : DAY_FR)));
            DateTimeFormatter time = language == Lang.EN ? TIME_EN : TIME_FR;
            map.put("startLabel", slot.start().format(time));
            map.put("endLabel", slot.end().format(time));
            map.put("capacity", slot.capacity());
            map.put("placesLeft", slot.placesLeft());
            map.put("isFull", slot.isFull());
            map.put("cancelled", slot.cancelled());
            map.put("audiences", slot.audiences());
            if (slot.maxPersonsPerRegistration() != null) {
                map.put("maxPersonsPerRegistration", slot.maxPersonsPerRegistration());
            }
            result.add(map);
        }
        return result;
    }

    /** The slots of a sheet grouped per day: a list of {@code {day, dayLabel, slots}}. */
    public List<Map<String, Object>> slotsByDay(Map<String, Object> sheet, String lang) {
        Map<String, Map<String, Object>> days = new LinkedHashMap<>();
        for (Map<String, Object> slot : slots(sheet, lang)) {
            Map<String, Object> day = days.computeIfAbsent((String) slot.get("day"), d -> {
                Map<String, Object> group = new LinkedHashMap<>();
                group.put("day", d);
                group.put("dayLabel", slot.get("dayLabel"));
                group.put("slots", new ArrayList<Map<String, Object>>());
                return group;
            });
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> list = (List<Map<String, Object>>) day.get("slots");
            list.add(slot);
        }
        return new ArrayList<>(days.values());
    }

    /**
     * The published sheet of a site for the current edition; when there is none, the page answers the
     * site's 404 (a site without a public sheet has no public page).
     */
    public Map<String, Object> requirePublishedSheet(Object site) {
        Map<String, Object> sheet = site == null ? null : eventSheet(site);
        if (sheet == null && site != null) {
            sheet = cancelledSheet(site);
        }
        if (sheet == null) {
            throw new PageNotFoundException("No published event sheet for this site");
        }
        return sheet;
    }

    /**
     * The sheet of a site for the current edition if it was cancelled after its publication (its map has
     * {@code cancelled = true}), or null: its page stays and says the visit is cancelled.
     */
    public Map<String, Object> cancelledSheet(Object site) {
        Map<String, Object> s = resolveSite(site);
        if (s == null) {
            return null;
        }
        int year = currentEdition();
        return repository.read(session -> new PublicEvents(session, zone).cancelledSheet((String) s.get("slug"), year)
                .map(EventsFunctions::toMap).orElse(null));
    }

    /**
     * Open slots at other sites within {@value fr.usinesouvertes.events.site.NearbySlots#KM} km of a site,
     * nearest first (see {@code NearbySlots}): each {@code siteName}, {@code companyName}, {@code commune},
     * {@code km}, {@code url} (the site's page), {@code dayLabel}, {@code startLabel}, {@code endLabel}.
     */
    public List<Map<String, Object>> nearbySlots(Object site, String lang) {
        Map<String, Object> s = resolveSite(site);
        if (s == null) {
            return List.of();
        }
        Lang language = Lang.fromCode(lang);
        List<Map<String, Object>> result = new ArrayList<>();
        for (fr.usinesouvertes.events.site.NearbySlots.Candidate candidate
                : nearby.around((String) s.get("slug"), currentEdition(), null)) {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("siteName", candidate.site().name());
            map.put("companyName", candidate.site().companyName());
            map.put("commune", candidate.site().commune());
            map.put("km", Math.round(candidate.kilometres()));
            map.put("url", EventLinks.sitePage(candidate.site().slug(), language) + "#slot-" + candidate.slot().id());
            map.put("dayLabel", capitalize(candidate.slot().start().format(language == Lang.EN ? DAY_EN : DAY_FR)));
            DateTimeFormatter time = language == Lang.EN ? TIME_EN : TIME_FR;
            map.put("startLabel", candidate.slot().start().format(time));
            map.put("endLabel", candidate.slot().end().format(time));
            result.add(map);
        }
        return result;
    }

    /**
     * Whether each visitor audience of a slot may register now, for the site page to say so before the form:
     * a list of {@code {audience, open, message}} — {@code message} says when sign-up opens, that it closed,
     * or that the visit is over; empty when open. {@code sheet} and {@code slot} are the maps of
     * {@link #eventSheet} and {@link #slots}; {@code site} gives the region (regional windows).
     */
    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> registrationStates(Object site, Map<String, Object> sheet, Map<String, Object> slot,
                                                        String lang) {
        Map<String, Object> s = resolveSite(site);
        Lang language = Lang.fromCode(lang);
        Optional<Edition> edition = editions.find(((Number) sheet.get("edition")).intValue());
        ZonedDateTime start = OffsetDateTime.parse((String) slot.get("start")).atZoneSameInstant(zone);
        boolean started = !clock.instant().isBefore(start.toInstant());
        List<Map<String, Object>> states = new ArrayList<>();
        for (String id : (List<String>) slot.get("audiences")) {
            Optional<Audience> audience = Audience.fromId(id).filter(Audience::isVisitor);
            if (audience.isEmpty()) {
                continue;
            }
            String message = "";
            if (started) {
                message = Messages.of(Messages.EVENTS, language).text("slotState.over");
            } else if (edition.isEmpty()) {
                message = Messages.of(Messages.EVENTS, language).text("slotState.notOpen");
            } else {
                WindowDecision decision = window.visit(edition.get(),
                        s == null ? null : (String) s.get("region"), audience.get(), start.toLocalDate());
                message = decision.open() ? "" : decision.message().in(language);
            }
            Map<String, Object> state = new LinkedHashMap<>();
            state.put("audience", id);
            state.put("open", message.isEmpty());
            state.put("message", message);
            states.add(state);
        }
        return states;
    }

    /** The registration form URL of a slot (map or id) for an audience, or null for other audiences. */
    public String registrationUrl(Object slot, String audience, String lang) {
        return EventLinks.registration(slotId(slot), audience, Lang.fromCode(lang)).orElse(null);
    }

    /** The slot's public .ics URL. */
    public String icsUrl(Object slot, String lang) {
        return EventLinks.slotCalendar(slotId(slot)) + (Lang.fromCode(lang) == Lang.EN ? "?lang=en" : "");
    }

    /** The site page's URL. */
    public String siteUrl(Object site, String lang) {
        Map<String, Object> s = resolveSite(site);
        return s == null ? null : EventLinks.sitePage((String) s.get("slug"), Lang.fromCode(lang));
    }

    /** schema.org Event JSON-LD for the site's current published sheet, safe in a script element; "[]" if none. */
    public String jsonLd(Object site, String lang) {
        Map<String, Object> s = resolveSite(site);
        if (s == null) {
            return "[]";
        }
        int year = currentEdition();
        return repository.read(session -> {
            PublicEvents events = new PublicEvents(session, zone);
            Optional<PublicSite> publicSite = events.site((String) s.get("slug"));
            Optional<PublicSheet> published = events.sheet((String) s.get("slug"), year);
            Optional<PublicSheet> sheet = published.isPresent() ? published : events.cancelledSheet((String) s.get("slug"), year);
            return publicSite.isEmpty() || sheet.isEmpty() ? "[]"
                    : EventJsonLd.of(publicSite.get(), sheet.get(),
                            publicUrl.link(EventLinks.sitePage(publicSite.get().slug(), Lang.fromCode(lang))),
                            Lang.fromCode(lang));
        });
    }

    /**
     * The year of the current edition: the first edition whose last day is today or later (platform clock),
     * else the latest edition, else this year.
     */
    public int currentEdition() {
        LocalDate today = LocalDate.now(clock.withZone(zone));
        List<Edition> all = new ArrayList<>(editions.all());
        all.sort(Comparator.comparingInt(Edition::year));
        for (Edition edition : all) {
            Optional<LocalDate> last = edition.days().stream().map(EventDay::date).max(Comparator.naturalOrder());
            if (last.isPresent() && !last.get().isBefore(today)) {
                return edition.year();
            }
        }
        return all.isEmpty() ? today.getYear() : all.get(all.size() - 1).year();
    }

    private Map<String, Object> resolveSite(Object site) {
        if (site instanceof ContentMap content) {
            try {
                return site(content.getJCRNode().getName());
            } catch (javax.jcr.RepositoryException e) {
                return null;
            }
        }
        if (site instanceof Map<?, ?> map && map.get("slug") instanceof String slug) {
            return site(slug);
        }
        if (site instanceof String slug) {
            return site(slug);
        }
        return null;
    }

    private static String slotId(Object slot) {
        if (slot instanceof Map<?, ?> map && map.get("id") instanceof String id) {
            return id;
        }
        return String.valueOf(slot);
    }

    private static String capitalize(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    static Map<String, Object> toMap(PublicSite site) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("id", site.id());
        map.put("slug", site.slug());
        map.put("name", site.name());
        map.put("address", site.address());
        map.put("postalCode", site.postalCode());
        map.put("commune", site.commune());
        map.put("inseeCode", site.inseeCode());
        map.put("department", site.department());
        map.put("region", site.region());
        map.put("latitude", site.latitude());
        map.put("longitude", site.longitude());
        map.put("sector", site.sector());
        map.put("description", site.description());
        map.put("images", site.images());
        map.put("companyName", site.companyName());
        map.put("companySlug", site.companySlug());
        map.put("companyWebsite", site.companyWebsite());
        map.put("companyDescription", site.companyDescription());
        map.values().removeIf(java.util.Objects::isNull);
        return map;
    }

    static Map<String, Object> toMap(PublicSheet sheet) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("edition", sheet.edition());
        map.put("siteSlug", sheet.siteSlug());
        map.put("status", sheet.status());
        map.put("registrationMode", sheet.registrationMode());
        map.put("externalUrl", sheet.externalUrl());
        map.put("contactEmail", sheet.contactEmail());
        map.put("meetingPoint", sheet.meetingPoint());
        map.put("access", sheet.access());
        map.put("parking", sheet.parking());
        map.put("safetyEquipment", sheet.safetyEquipment());
        map.put("minimumAge", sheet.minimumAge());
        map.put("reducedMobilityAccess", sheet.reducedMobilityAccess());
        map.put("languages", sheet.languages());
        map.put("description", sheet.description());
        map.put("slotRecords", sheet.slots());
        map.put("cancelled", "cancelled".equals(sheet.status()));
        map.values().removeIf(java.util.Objects::isNull);
        return map;
    }
}
