package fr.usinesouvertes.events.directory;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import fr.usinesouvertes.events.company.FrenchRegions;
import fr.usinesouvertes.events.edition.Audience;
import fr.usinesouvertes.events.edition.EditionStore;
import fr.usinesouvertes.events.edition.EventDay;
import fr.usinesouvertes.events.i18n.Lang;
import fr.usinesouvertes.events.search.SearchParameterException;
import fr.usinesouvertes.events.search.SearchParameters;
import fr.usinesouvertes.events.search.SiteSearch;
import fr.usinesouvertes.events.site.EventsFunctions;
import fr.usinesouvertes.platform.module.WebContextView;
import fr.usinesouvertes.platform.repository.ContentRepository;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.DirectoryReader;

/**
 * {@code directoryfn}: the directory of open factories for page templates, searched in-process (no HTTP
 * loop-back): {@link #search} for the directory page, {@link #region} for a regional page,
 * {@link #schools} for the schools page. Views are cached by canonical query, language, index version
 * and minute (next slots move with the clock), so a repeated search, such as the unfiltered directory,
 * costs a map lookup until the index changes. A view with a refused parameter carries an {@code error}; the
 * page template then answers 400 ({@code ctx.response.setStatus}) with the message next to the field.
 */
public final class DirectoryFunctions {

    /** "Within 45 minutes" for school groups, as the search's documented straight-line approximation. */
    public static final int SCHOOL_MINUTES = 45;
    /** Views and rendered fragments kept: about 30 kB and 40 kB each, so a few tens of MB at most. */
    static final int VIEWS = 500;
    static final int FRAGMENTS = 300;

    private final SiteSearch search;
    private final SearchParameters parameters;
    private final EventsFunctions events;
    private final EditionStore editions;
    private final Clock clock;
    private final java.time.ZoneId zone;
    private final FranceMap map = FranceMap.bundled();
    /** Keys carry the index version and the minute: entries of an older index or minute are never read again and age out. */
    private final Cache<String, DirectoryPage> views = Caffeine.newBuilder().maximumSize(VIEWS).build();
    private final FragmentCache fragments = new FragmentCache(FRAGMENTS);

    /** @param zone the site's time zone, in which editions' days and slots' times are read */
    public DirectoryFunctions(SiteSearch search, SearchParameters parameters, EventsFunctions events,
                              ContentRepository repository, Clock clock, java.time.ZoneId zone) {
        this.search = search;
        this.parameters = parameters;
        this.events = events;
        this.editions = new EditionStore(repository, zone);
        this.clock = clock;
        this.zone = zone;
    }

    /**
     * The cache key of the directory page's view for a request: canonical search, language, index version
     * and minute; with the page URL, the key of {@link #getFragment()}.
     */
    public String searchKey(WebContextView request, String lang) {
        return key(DirectoryQuery.of(parametersOf(request)), Lang.fromCode(lang));
    }

    /** The directive caching a rendered piece of page by key: {@code [@directoryfn.fragment key=k]...[/@]}. */
    public FragmentCache getFragment() {
        return fragments;
    }

    /** The directory page's view for the request's parameters: {@code directoryfn.search(ctx, lang)}. */
    public DirectoryPage search(WebContextView request, String lang) {
        return view(DirectoryQuery.of(parametersOf(request)), Lang.fromCode(lang));
    }

    /** A region's sites (first page) with the same view as the directory. */
    public DirectoryPage region(String regionName, String lang) {
        Map<String, String[]> request = Map.of("region", new String[] {regionName == null ? "" : regionName});
        DirectoryQuery query = DirectoryQuery.of(request);
        Lang language = Lang.fromCode(lang);
        // an editor's region name is not a visitor's input: a misspelt one lists nothing rather than all of France
        return views.get("editorial:" + key(query, language), k -> compute(query, language, false));
    }

    /**
     * The schools page's view: sites open to school groups on the edition's school days, near the school's
     * commune ({@code near}) within {@code km}, by default {@link #schoolKm()}.
     */
    public DirectoryPage schools(WebContextView request, String lang) {
        DirectoryQuery query = DirectoryQuery.of(parametersOf(request))
                .withFixed("audience", List.of(Audience.SCHOOL.id()))
                .withDefaultKm(String.valueOf(schoolKm()));
        List<String> schoolDays = schoolDays();
        if (!schoolDays.isEmpty()) {
            query = query.withFixed("day", schoolDays);
        }
        return view(query, Lang.fromCode(lang));
    }

    /** The straight-line radius standing for {@value #SCHOOL_MINUTES} minutes by road, rounded. */
    public long schoolKm() {
        return Math.round(SearchParameters.minutesToKm(SCHOOL_MINUTES));
    }

    /** The directory's own parameters of a request and those it refuses; the page's others are not read. */
    private static Map<String, String[]> parametersOf(WebContextView request) {
        Map<String, String[]> parameters = new LinkedHashMap<>();
        for (String name : java.util.stream.Stream.concat(DirectoryQuery.PARAMETERS.stream(),
                DirectoryQuery.REFUSED.stream()).toList()) {
            String[] values = request.getParameterValues(name);
            if (values != null) {
                parameters.put(name, values);
            }
        }
        return parameters;
    }

    private List<String> schoolDays() {
        return editions.find(events.currentEdition())
                .map(edition -> edition.days().stream().filter(day -> day.welcomes(Audience.SCHOOL))
                        .map(EventDay::date).map(Object::toString).toList())
                .orElse(List.of());
    }

    private DirectoryPage view(DirectoryQuery query, Lang lang) {
        return views.get(key(query, lang), k -> compute(query, lang, true));
    }

    private String key(DirectoryQuery query, Lang lang) {
        long version = search.index().search(searcher -> ((DirectoryReader) searcher.getIndexReader()).getVersion());
        return lang.code() + query.viewKey() + "#" + version + "#" + clock.millis() / 60_000;
    }

    /** The view of a search; {@code visitorInput} also checks what only a visitor's parameters can get wrong. */
    private DirectoryPage compute(DirectoryQuery query, Lang lang, boolean visitorInput) {
        Map<String, List<String>> searchParameters = new LinkedHashMap<>(query.searchParameters(lang.code()));
        DirectoryPage.Refusal error = null;
        try {
            if (visitorInput) {
                checkPageParameters(query);
            }
        } catch (SearchParameterException refused) {
            error = error(refused, query);
            if ("region".equals(error.field())) {
                searchParameters.remove("region"); // list the other filters' sites next to the message
            }
        }
        // answer without each refused parameter in turn, so the page still lists something next to the message
        for (int attempt = 0; ; attempt++) {
            try {
                return new DirectoryView(query, lang, map, zone).of(search.search(parameters.read(searchParameters)), error);
            } catch (SearchParameterException refused) {
                DirectoryPage.Refusal refusal = error(refused, query);
                error = error == null ? refusal : error; // the first refused field is the one shown
                String field = refusal.field();
                if (attempt > DirectoryQuery.PARAMETERS.size() || searchParameters.remove(field) == null) {
                    throw refused;
                }
                if ("near".equals(field) || "km".equals(field)) {
                    searchParameters.remove("near");
                    searchParameters.remove("km");
                }
            }
        }
    }

    /**
     * What the search API does not check but the page must: parameters it refuses, a region that does not
     * exist (the API finds nothing for it; a page visitor deserves a message), a radius without a place
     * that is not a number (ignored when valid: the form always sends its radius field).
     */
    private static void checkPageParameters(DirectoryQuery query) {
        if (!query.refused().isEmpty()) {
            String name = query.refused().get(0);
            throw new SearchParameterException(name, "unsupportedParameter", name + " is not a parameter of this page");
        }
        for (String region : query.filters().getOrDefault("region", List.of())) {
            if (FrenchRegions.canonical(region).isEmpty()) {
                throw new SearchParameterException("region", "unknownRegion", "No French region is named '" + region + "'");
            }
        }
        if (query.near().isEmpty() && !query.km().isEmpty()) {
            SearchParameters.km(query.km().replace(',', '.'));
        }
    }

    @SuppressWarnings("unchecked")
    private static DirectoryPage.Refusal error(SearchParameterException refused, DirectoryQuery query) {
        Map<String, Object> body = (Map<String, Object>) refused.getResponse().getEntity();
        List<Map<String, String>> candidates = (List<Map<String, String>>) body.getOrDefault("candidates", List.of());
        return new DirectoryPage.Refusal((String) body.get("parameter"), (String) body.get("code"),
                candidates.stream().map(candidate -> {
                    String postalCode = candidate.get("postalCode");
                    String near = postalCode == null || postalCode.isEmpty() ? candidate.get("inseeCode") : postalCode;
                    return new DirectoryPage.Candidate(
                            candidate.get("name") + " (" + candidate.get("department") + ", " + near + ")",
                            query.nearing(near));
                }).toList());
    }
}
