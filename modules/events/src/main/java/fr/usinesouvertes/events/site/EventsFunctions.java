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
 * as the records below and {@link PublicSite} (never a node: registrations and the booking ledger stay out of
 * templates' reach). A template reads a component by its name ({@code ${slot.startLabel}}); an absent value is null.
 */
public final class EventsFunctions {

    /** Sites with a public page in one region. */
    public record RegionSites(String region, List<PublicSite> sites) {
    }

    /** The company of a site. */
    public record CompanyCard(String name, String slug, String website, String description) {
    }

    /**
     * A site's sheet for one edition as its page shows it.
     *
     * @param slotRecords the slots as read; pages use {@link #slots} or {@link #slotsByDay}, which label them
     * @param cancelled   the visit was cancelled after its publication
     */
    public record SheetView(int edition, String siteSlug, String status, String registrationMode, String externalUrl,
                            String contactEmail, String meetingPoint, String access, String parking,
                            String safetyEquipment, Long minimumAge, Boolean reducedMobilityAccess,
                            List<String> languages, String description, List<PublicSlot> slotRecords,
                            boolean cancelled) {

        static SheetView of(PublicSheet sheet) {
            return new SheetView(sheet.edition(), sheet.siteSlug(), sheet.status(), sheet.registrationMode(),
                    sheet.externalUrl(), sheet.contactEmail(), sheet.meetingPoint(), sheet.access(), sheet.parking(),
                    sheet.safetyEquipment(), sheet.minimumAge(), sheet.reducedMobilityAccess(), sheet.languages(),
                    sheet.description(), sheet.slots(), "cancelled".equals(sheet.status()));
        }
    }

    /**
     * A slot as a site page lists it, labelled in the page's language.
     *
     * @param start      ISO offset date-time
     * @param day        ISO date, in the site's time zone
     * @param maxPersonsPerRegistration null when the sheet sets no limit
     */
    public record SlotView(String id, String start, String end, String day, String dayLabel, String startLabel,
                           String endLabel, long capacity, long placesLeft, boolean isFull, boolean cancelled,
                           List<String> audiences, Long maxPersonsPerRegistration) {
    }

    /** One day's slots of a sheet. */
    public record SlotDay(String day, String dayLabel, List<SlotView> slots) {
    }

    /** An open slot at another site nearby; {@code url} is that site's page, at the slot. */
    public record NearbyVisit(String siteName, String companyName, String commune, long km, String url,
                              String dayLabel, String startLabel, String endLabel) {
    }

    /** Whether a visitor audience may register for a slot now; {@code message} says why not (empty when open). */
    public record AudienceState(String audience, boolean open, String message) {
    }

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

    /** The site of a slug, or null. */
    public PublicSite site(String slug) {
        return repository.read(session -> new PublicEvents(session, zone).site(slug).orElse(null));
    }

    /** Every site, by region then name; with a region name, that region's only. */
    public List<PublicSite> sites(String... region) {
        String only = region.length > 0 && region[0] != null && !region[0].isBlank() ? region[0] : null;
        return repository.read(session -> new PublicEvents(session, zone).sites().stream()
                .filter(s -> only == null || fr.usinesouvertes.events.edition.Regions.same(only, s.region()))
                .toList());
    }

    /**
     * The sites with a published sheet in the current edition (those with a public page), grouped by region:
     * regions alphabetical.
     */
    public List<RegionSites> sitesByRegion() {
        int year = currentEdition();
        List<PublicSite> open = repository.read(session -> {
            PublicEvents events = new PublicEvents(session, zone);
            List<PublicSite> sites = new ArrayList<>();
            for (PublicSite site : events.sites()) {
                if (events.sheet(site.slug(), year).isPresent()) {
                    sites.add(site);
                }
            }
            return sites;
        });
        Map<String, List<PublicSite>> groups = new LinkedHashMap<>();
        for (PublicSite site : open) {
            groups.computeIfAbsent(site.region(), r -> new ArrayList<>()).add(site);
        }
        List<RegionSites> result = new ArrayList<>();
        groups.forEach((region, sites) -> result.add(new RegionSites(region, sites)));
        return result;
    }

    /** The company of a site (site, content map or slug). */
    public CompanyCard company(Object site) {
        PublicSite s = resolveSite(site);
        if (s == null) {
            return null;
        }
        return new CompanyCard(s.companyName(), s.companySlug(), s.companyWebsite(), s.companyDescription());
    }

    /** The published sheet of a site for the current edition, or null. */
    public SheetView eventSheet(Object site) {
        return eventSheet(site, currentEdition());
    }

    /** The published sheet of a site for an edition, or null. */
    public SheetView eventSheet(Object site, Number year) {
        PublicSite s = resolveSite(site);
        if (s == null || year == null) {
            return null;
        }
        return repository.read(session -> new PublicEvents(session, zone).sheet(s.slug(), year.intValue())
                .map(SheetView::of).orElse(null));
    }

    /** The company's photos of an approved site; empty until its sheet is published. */
    public List<PublicPhotos.Photo> photos(Object site) {
        PublicSite s = resolveSite(site);
        if (s == null) {
            return List.of();
        }
        return List.copyOf(photos.of(s.slug()));
    }

    /** The slots of a sheet, with French or English labels. */
    public List<SlotView> slots(SheetView sheet, String lang) {
        if (sheet == null) {
            return List.of();
        }
        Lang language = Lang.fromCode(lang);
        DateTimeFormatter time = language == Lang.EN ? TIME_EN : TIME_FR;
        List<SlotView> result = new ArrayList<>();
        for (PublicSlot slot : sheet.slotRecords()) {
            result.add(new SlotView(slot.id(), slot.start().toOffsetDateTime().toString(),
                    slot.end().toOffsetDateTime().toString(), slot.start().toLocalDate().toString(),
                    dayLabel(slot.start(), language), slot.start().format(time), slot.end().format(time),
                    slot.capacity(), slot.placesLeft(), slot.isFull(), slot.cancelled(), slot.audiences(),
                    slot.maxPersonsPerRegistration()));
        }
        return result;
    }

    /** The slots of a sheet grouped per day. */
    public List<SlotDay> slotsByDay(SheetView sheet, String lang) {
        Map<String, SlotDay> days = new LinkedHashMap<>();
        for (SlotView slot : slots(sheet, lang)) {
            days.computeIfAbsent(slot.day(), d -> new SlotDay(d, slot.dayLabel(), new ArrayList<>())).slots().add(slot);
        }
        return new ArrayList<>(days.values());
    }

    /**
     * The published sheet of a site for the current edition; when there is none, the page answers the
     * site's 404 (a site without a public sheet has no public page).
     */
    public SheetView requirePublishedSheet(Object site) {
        SheetView sheet = site == null ? null : eventSheet(site);
        if (sheet == null && site != null) {
            sheet = cancelledSheet(site);
        }
        if (sheet == null) {
            throw new PageNotFoundException("No published event sheet for this site");
        }
        return sheet;
    }

    /**
     * The sheet of a site for the current edition if it was cancelled after its publication (with
     * {@code cancelled = true}), or null: its page stays and says the visit is cancelled.
     */
    public SheetView cancelledSheet(Object site) {
        PublicSite s = resolveSite(site);
        if (s == null) {
            return null;
        }
        int year = currentEdition();
        return repository.read(session -> new PublicEvents(session, zone).cancelledSheet(s.slug(), year)
                .map(SheetView::of).orElse(null));
    }

    /**
     * Open slots at other sites within {@value fr.usinesouvertes.events.site.NearbySlots#KM} km of a site,
     * nearest first (see {@code NearbySlots}).
     */
    public List<NearbyVisit> nearbySlots(Object site, String lang) {
        PublicSite s = resolveSite(site);
        if (s == null) {
            return List.of();
        }
        Lang language = Lang.fromCode(lang);
        DateTimeFormatter time = language == Lang.EN ? TIME_EN : TIME_FR;
        List<NearbyVisit> result = new ArrayList<>();
        for (fr.usinesouvertes.events.site.NearbySlots.Candidate candidate
                : nearby.around(s.slug(), currentEdition(), null)) {
            PublicSlot slot = candidate.slot();
            result.add(new NearbyVisit(candidate.site().name(), candidate.site().companyName(),
                    candidate.site().commune(), Math.round(candidate.kilometres()),
                    EventLinks.sitePage(candidate.site().slug(), language) + "#slot-" + slot.id(),
                    dayLabel(slot.start(), language), slot.start().format(time), slot.end().format(time)));
        }
        return result;
    }

    /**
     * Whether each visitor audience of a slot may register now, for the site page to say so before the form:
     * the {@code message} says when sign-up opens, that it closed, or that the visit is over. {@code site} gives the
     * region (regional windows).
     */
    public List<AudienceState> registrationStates(Object site, SheetView sheet, SlotView slot, String lang) {
        PublicSite s = resolveSite(site);
        Lang language = Lang.fromCode(lang);
        Optional<Edition> edition = editions.find(sheet.edition());
        ZonedDateTime start = OffsetDateTime.parse(slot.start()).atZoneSameInstant(zone);
        boolean started = !clock.instant().isBefore(start.toInstant());
        List<AudienceState> states = new ArrayList<>();
        for (String id : slot.audiences()) {
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
                        s == null ? null : s.region(), audience.get(), start.toLocalDate());
                message = decision.open() ? "" : decision.message().in(language);
            }
            states.add(new AudienceState(id, message.isEmpty(), message));
        }
        return states;
    }

    /** The registration form URL of a slot (slot or id) for an audience, or null for other audiences. */
    public String registrationUrl(Object slot, String audience, String lang) {
        return EventLinks.registration(slotId(slot), audience, Lang.fromCode(lang)).orElse(null);
    }

    /** The slot's public .ics URL. */
    public String icsUrl(Object slot, String lang) {
        return EventLinks.slotCalendar(slotId(slot)) + (Lang.fromCode(lang) == Lang.EN ? "?lang=en" : "");
    }

    /** The site page's URL. */
    public String siteUrl(Object site, String lang) {
        PublicSite s = resolveSite(site);
        return s == null ? null : EventLinks.sitePage(s.slug(), Lang.fromCode(lang));
    }

    /** schema.org Event JSON-LD for the site's current published sheet, safe in a script element; "[]" if none. */
    public String jsonLd(Object site, String lang) {
        PublicSite s = resolveSite(site);
        if (s == null) {
            return "[]";
        }
        int year = currentEdition();
        return repository.read(session -> {
            PublicEvents events = new PublicEvents(session, zone);
            Optional<PublicSite> publicSite = events.site(s.slug());
            Optional<PublicSheet> published = events.sheet(s.slug(), year);
            Optional<PublicSheet> sheet = published.isPresent() ? published : events.cancelledSheet(s.slug(), year);
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

    /** A site (as {@link #site} gives it), a site node's content map, a hash with its {@code slug}, or a slug. */
    private PublicSite resolveSite(Object site) {
        if (site instanceof ContentMap content) {
            try {
                return site(content.getJCRNode().getName());
            } catch (javax.jcr.RepositoryException e) {
                return null;
            }
        }
        if (site instanceof PublicSite publicSite) {
            return site(publicSite.slug());
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
        if (slot instanceof SlotView view) {
            return view.id();
        }
        if (slot instanceof Map<?, ?> map && map.get("id") instanceof String id) {
            return id;
        }
        return String.valueOf(slot);
    }

    private static String dayLabel(ZonedDateTime start, Lang language) {
        return capitalize(start.format(language == Lang.EN ? DAY_EN : DAY_FR));
    }

    private static String capitalize(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
