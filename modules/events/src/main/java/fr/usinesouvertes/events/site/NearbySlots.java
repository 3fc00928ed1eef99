package fr.usinesouvertes.events.site;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import fr.usinesouvertes.events.edition.Audience;
import fr.usinesouvertes.events.i18n.Lang;
import fr.usinesouvertes.events.mail.OtherDate;
import fr.usinesouvertes.events.registration.BookableSlot;
import fr.usinesouvertes.events.registration.OtherDates;
import fr.usinesouvertes.events.site.EventLinks;
import fr.usinesouvertes.events.site.PublicEvents;
import fr.usinesouvertes.events.site.PublicSheet;
import fr.usinesouvertes.events.site.PublicSite;
import fr.usinesouvertes.events.site.PublicSlot;
import fr.usinesouvertes.platform.repository.ContentRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.lucene.util.SloppyMath;

/**
 * Open slots at other sites near a cancelled visit, for its registrants' e-mail and its public page: slots of
 * published sheets registering on the platform, not cancelled, not started yet (platform clock), within
 * {@value #KM} km as the crow flies (the distance the search uses, Lucene's haversine), nearest first, at
 * most {@value #PER_SITE} per site and {@value #MAX} in all. Full slots are offered too (their waiting list).
 * A batch of e-mails about one slot reads the sheets once: answers are kept until the events tree changes.
 */
public final class NearbySlots implements OtherDates {

    public static final double KM = 50;
    static final int MAX = 4;
    static final int PER_SITE = 2;
    /** Answers kept at most (one per site, edition and audience asked about): a bound, rarely reached. */
    static final int MAX_CACHED = 2_000;

    private final ContentRepository repository;
    private final Clock clock;
    private final java.time.ZoneId zone;
    private final Cache<String, List<Candidate>> cache = Caffeine.newBuilder().maximumSize(MAX_CACHED).build();
    private volatile long cachedAt = -1;

    /** @param zone the site's time zone, in which the slots found give their times */
    public NearbySlots(ContentRepository repository, Clock clock, java.time.ZoneId zone) {
        this.repository = repository;
        this.clock = clock;
        this.zone = zone;
    }

    /** A slot nearby, with its site. */
    public record Candidate(PublicSite site, PublicSlot slot, double kilometres) {
    }

    @Override
    public List<OtherDate> near(BookableSlot slot, Audience audience, Lang lang, String siteUrl) {
        String siteSlug = repository.read(session -> {
            javax.jcr.Node node = fr.usinesouvertes.platform.repository.NodesByIdentifier.findIfExists(session, slot.id())
                    .orElse(null);
            return node == null ? null : node.getParent().getParent().getName();
        });
        if (siteSlug == null) {
            return List.of();
        }
        List<OtherDate> dates = new ArrayList<>();
        for (Candidate candidate : around(siteSlug, slot.edition(), audience)) {
            PublicSlot other = candidate.slot();
            EventLinks.registration(other.id(), audience.id(), lang).ifPresent(link -> dates.add(new OtherDate(
                    candidate.site().companyName(), candidate.site().name(), candidate.site().commune(),
                    candidate.kilometres(), other.start(), other.end(), other.isFull(), siteUrl + link)));
        }
        return dates;
    }

    /**
     * Open slots near a site, nearest first; only those open to {@code audience} when it is given.
     *
     * @param siteSlug the site of the cancelled visit (its own slots are left out)
     */
    public List<Candidate> around(String siteSlug, int edition, Audience audience) {
        long changes = repository.changeCount("events") + repository.changeCount("sites");
        long minute = clock.millis() / 60_000;
        if (changes + minute != cachedAt) {
            cache.invalidateAll();
            cachedAt = changes + minute;
        }
        String key = siteSlug + "|" + edition + "|" + (audience == null ? "" : audience.id());
        return cache.get(key, k -> find(siteSlug, edition, audience));
    }

    private List<Candidate> find(String siteSlug, int edition, Audience audience) {
        Instant now = clock.instant();
        return repository.read(session -> {
            PublicEvents events = new PublicEvents(session, zone);
            Optional<PublicSite> origin = events.site(siteSlug);
            if (origin.isEmpty() || origin.get().latitude() == null || origin.get().longitude() == null) {
                return List.<Candidate>of();
            }
            List<Candidate> found = new ArrayList<>();
            Map<String, PublicSite> sites = new HashMap<>();
            for (PublicSheet sheet : events.sheets(edition)) {
                if (sheet.siteSlug().equals(siteSlug) || !"platform".equals(sheet.registrationMode())) {
                    continue;
                }
                PublicSite site = sites.computeIfAbsent(sheet.siteSlug(), slug -> {
                    try {
                        return events.site(slug).orElse(null);
                    } catch (javax.jcr.RepositoryException e) {
                        throw new IllegalStateException(e);
                    }
                });
                if (site == null || site.latitude() == null || site.longitude() == null) {
                    continue;
                }
                double km = SloppyMath.haversinMeters(origin.get().latitude(), origin.get().longitude(), site.latitude(),
                        site.longitude()) / 1000;
                if (km > KM) {
                    continue;
                }
                int kept = 0;
                for (PublicSlot slot : sheet.slots()) {
                    if (slot.cancelled() || !slot.start().toInstant().isAfter(now)
                            || (audience != null && !slot.audiences().contains(audience.id()))) {
                        continue;
                    }
                    if (kept++ < PER_SITE) {
                        found.add(new Candidate(site, slot, km));
                    }
                }
            }
            found.sort(Comparator.comparingDouble(Candidate::kilometres).thenComparing(c -> c.slot().start()));
            return List.copyOf(found.size() > MAX ? found.subList(0, MAX) : found);
        });
    }
}
