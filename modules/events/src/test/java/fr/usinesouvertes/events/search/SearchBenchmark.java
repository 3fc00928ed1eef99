package fr.usinesouvertes.events.search;

import fr.usinesouvertes.events.booking.SlotBooking;
import static org.awaitility.Awaitility.await;

import fr.usinesouvertes.events.EventsModule;
import fr.usinesouvertes.platform.Platform;
import fr.usinesouvertes.platform.PlatformLauncher;
import fr.usinesouvertes.platform.module.PlatformModule;
import fr.usinesouvertes.platform.search.SearchIndex;
import fr.usinesouvertes.platform.search.SearchStatus;
import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import javax.jcr.Node;
import javax.jcr.Session;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Search benchmark: indexes 20,000 synthetic sites spread over the real communes of the
 * shared communes file, then prints indexing time and p50/p99 of text, facet and distance queries,
 * in-process and over HTTP (sequential Java client, then wrk when installed). Run with
 * {@code bench/search-bench.sh [communes.csv] [sites] [data folder]} (a given data folder is kept and reused).
 */
public final class SearchBenchmark {

    private static final String[] SECTORS = {"Agroalimentaire", "Automobile", "Aéronautique", "BTP", "Chimie",
            "Électronique", "Énergie", "Métallurgie", "Pharmacie", "Plasturgie", "Textile", "Bois et papier"};
    private static final String[] WORDS = {"usine", "atelier", "ligne de production", "robots", "soudure",
            "assemblage", "laboratoire", "recyclage", "emballage", "fonderie", "impression 3D", "contrôle qualité"};
    private static final Map<String, String> REGIONS = Map.ofEntries(Map.entry("11", "Île-de-France"),
            Map.entry("24", "Centre-Val de Loire"), Map.entry("27", "Bourgogne-Franche-Comté"),
            Map.entry("28", "Normandie"), Map.entry("32", "Hauts-de-France"), Map.entry("44", "Grand Est"),
            Map.entry("52", "Pays de la Loire"), Map.entry("53", "Bretagne"), Map.entry("75", "Nouvelle-Aquitaine"),
            Map.entry("76", "Occitanie"), Map.entry("84", "Auvergne-Rhône-Alpes"),
            Map.entry("93", "Provence-Alpes-Côte d'Azur"), Map.entry("94", "Corse"));
    private static final int RUNS = 2000;
    private static final int WARM_UP = 500;
    /** Sites per commit when writing the synthetic sites. */
    private static final int BATCH = 2000;
    private static final int SINGLE_COMMITS = 50;

    /** A commune where synthetic sites are placed. */
    public record Place(String name, String department, String region, double latitude, double longitude) {
    }

    private SearchBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path communesFile = Path.of(args.length > 0 ? args[0] : "../shared/data/france-communes/france_cities.csv");
        int sites = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        if (!Files.isReadable(communesFile)) {
            System.out.println("Communes file " + communesFile.toAbsolutePath() + " not found: benchmark skipped.");
            return;
        }
        List<Place> places = places(communesFile);
        Path kept = args.length > 2 ? Path.of(args[2]) : null;
        Path data = kept != null ? Files.createDirectories(kept) : Files.createTempDirectory("search-bench");
        Path noLightModules = Files.createDirectories(data.resolve("no-light-modules"));
        prepare(data.resolve("data"), noLightModules, places, sites);
        List<PlatformModule> modules = List.of(new EventsModule());
        var settings = PlatformLauncher.settingsLoader(modules).parse(Map.of("data", data.resolve("data").toString(),
                "port", "0", "host", "127.0.0.1", "light-modules", noLightModules.toString(),
                "communes", communesFile.toAbsolutePath().toString()));
        try (Platform platform = Platform.builder(settings).modules(modules).start()) {
            SearchIndex index = indexOnce(platform);
            List<Map<String, List<String>>> queries = queries(places, new Random(7));
            inProcess(new SiteSearch(index, platform.clock(), SiteSearch.LivePlaces.AS_INDEXED), new SearchParameters(
                    CommunesTable.read(communesFile)), queries);
            overHttp(platform.baseUri(), queries);
        }
        if (kept == null) {
            deleteQuietly(data);
        }
    }

    /**
     * Writes the synthetic sites into {@code dataFolder} unless an earlier run left them there (a data
     * folder given to the benchmark is kept, so that repeated measurements skip the writing).
     */
    public static void prepare(Path dataFolder, Path lightModules, List<Place> places, int sites) throws Exception {
        Path marker = dataFolder.resolveSibling("sites-written");
        if (Files.exists(marker) && Files.readString(marker).strip().equals(String.valueOf(sites))) {
            System.out.printf("Reusing the %d sites written earlier in %s%n", sites, dataFolder);
            return;
        }
        writeSitesWithoutIndex(dataFolder, lightModules, places, sites);
        Files.writeString(marker, String.valueOf(sites));
    }

    /**
     * Writes the synthetic sites with a platform started without the events module, hence without its
     * search index, so nothing is indexed while writing (the index is built once, by {@link #indexOnce},
     * when the events module starts on the same data folder). Then times single-site commits into the
     * full folders, as the product adds one site at a time.
     */
    public static void writeSitesWithoutIndex(Path dataFolder, Path lightModules, List<Place> places, int count)
            throws Exception {
        var settings = PlatformLauncher.settingsLoader(List.of()).parse(Map.of("data", dataFolder.toString(),
                "port", "0", "host", "127.0.0.1", "light-modules", lightModules.toString()));
        try (Platform platform = Platform.builder(settings).modules(List.of()).start()) {
            long written = System.nanoTime();
            writeSites(platform, places, count);
            System.out.printf("Wrote %d sites with their event sheets to the repository in %d ms%n", count,
                    (System.nanoTime() - written) / 1_000_000);
            singleSiteCommits(platform, places, "", count, count);
            singleSiteCommits(platform, places, "/control", 0, 0); // the same commits into empty folders
        }
    }

    /**
     * Waits for the rebuild the events module starts with (the whole index, built once from the
     * repository), prints its time, then times a second full rebuild on the calling thread.
     */
    public static SearchIndex indexOnce(Platform platform) throws InterruptedException {
        SearchIndex index = platform.searchIndexes().all().get(0);
        long waited = System.nanoTime();
        SearchStatus status = await().atMost(Duration.ofMinutes(10)).pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(50))
                .until(index::status, current -> !current.rebuilding() && current.lastRebuild() != null);
        System.out.printf("Indexing at start: %d sites read from the repository and indexed in %d ms "
                        + "(%d ms after the platform was up)%n", status.documents(), status.lastRebuildMillis(),
                (System.nanoTime() - waited) / 1_000_000);
        status = index.rebuild();
        System.out.printf("Full rebuild again: %d sites in %d ms%n", status.documents(), status.lastRebuildMillis());
        return index;
    }

    public static List<Place> places(Path csv) throws IOException {
        List<Place> places = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            for (CSVRecord r : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
                if (REGIONS.containsKey(r.get("REGION")) && !"1".equals(r.get("IS_DISTRICT"))) {
                    places.add(new Place(r.get("NAME"), r.get("DEPARTMENT"), REGIONS.get(r.get("REGION")),
                            Double.parseDouble(r.get("LATITUDE")), Double.parseDouble(r.get("LONGITUDE"))));
                }
            }
        }
        return places;
    }

    /** Writes {@code count} synthetic sites in commits of {@link #BATCH}, printing each commit's time. */
    public static void writeSites(Platform platform, List<Place> places, int count) {
        Random random = new Random(42);
        for (int start = 0; start < count; start += BATCH) {
            int first = start;
            long started = System.nanoTime();
            platform.repository().write(session -> {
                platform.repository().workspaces().ensureRoots(session, List.of(SlotBooking.WORKSPACE));
                for (int i = first; i < Math.min(count, first + BATCH); i++) {
                    writeSite(session, i, places.get(random.nextInt(places.size())), random);
                }
                return null;
            });
            System.out.printf("  sites %5d-%5d written in %5d ms%n", first, Math.min(count, first + BATCH) - 1,
                    (System.nanoTime() - started) / 1_000_000);
        }
    }

    /**
     * Times commits of one site each (company, site, event sheet) into the folders that now hold
     * {@code existing} children (under {@code prefix}, e.g. {@code /control/sites}), as the company app creates
     * them, and removes them afterwards; the sites are numbered from {@code firstNumber}.
     */
    private static void singleSiteCommits(Platform platform, List<Place> places, String prefix, int existing,
                                          int firstNumber) {
        Random random = new Random(43);
        long[] nanos = new long[SINGLE_COMMITS];
        for (int n = 0; n < SINGLE_COMMITS; n++) {
            int i = firstNumber + n;
            long started = System.nanoTime();
            platform.repository().write(session -> {
                writeSite(session, prefix, i, places.get(random.nextInt(places.size())), random);
                return null;
            });
            nanos[n] = System.nanoTime() - started;
        }
        platform.repository().write(session -> {
            for (int n = 0; n < SINGLE_COMMITS; n++) {
                for (String path : List.of("/companies/entreprise-", "/sites/site-", "/events/2026/site-")) {
                    session.getNode(prefix + path + (firstNumber + n)).remove();
                }
            }
            return null;
        });
        Arrays.sort(nanos);
        System.out.printf("One site per commit into folders of %d children: p50 %.1f ms, max %.1f ms (%d commits)%n",
                existing, nanos[SINGLE_COMMITS / 2] / 1e6, nanos[SINGLE_COMMITS - 1] / 1e6, SINGLE_COMMITS);
    }

    private static void writeSite(Session session, int i, Place place, Random random) throws javax.jcr.RepositoryException {
        writeSite(session, "", i, place, random);
    }

    /** A company, its site and its event sheet, under {@code /companies}, ... prefixed with {@code prefix}. */
    private static void writeSite(Session session, String prefix, int i, Place place, Random random)
            throws javax.jcr.RepositoryException {
        String sector = SECTORS[random.nextInt(SECTORS.length)];
        Node company = folder(session, prefix + "/companies").addNode("entreprise-" + i, "mgnl:content");
        company.setProperty("name", "Entreprise " + i);
        company.setProperty("sector", sector);
        Node site = folder(session, prefix + "/sites").addNode("site-" + i, "mgnl:content");
        site.setProperty("company", company.getIdentifier());
        site.setProperty("name", "Site de " + place.name());
        site.setProperty("commune", place.name());
        site.setProperty("department", place.department());
        site.setProperty("region", place.region());
        site.setProperty("sector", sector);
        site.setProperty("latitude", place.latitude());
        site.setProperty("longitude", place.longitude());
        site.setProperty("description", "<p>Visite de l'" + WORDS[random.nextInt(WORDS.length)] + " : "
                + WORDS[random.nextInt(WORDS.length)] + " et " + WORDS[random.nextInt(WORDS.length)] + ".</p>");
        Node sheet = folder(session, prefix + "/events/2026").addNode("site-" + i, "mgnl:content");
        sheet.setProperty("site", site.getIdentifier());
        sheet.setProperty("edition", 2026L);
        sheet.setProperty("status", random.nextInt(10) == 0 ? "draft" : "published");
        Node slots = sheet.addNode("slots", "mgnl:contentNode");
        for (int s = 0; s < 1 + random.nextInt(4); s++) {
            Node slot = slots.addNode(String.valueOf(s), "mgnl:contentNode");
            Calendar start = new GregorianCalendar(2026, Calendar.OCTOBER, 5 + random.nextInt(5), 9 + random.nextInt(8), 0);
            slot.setProperty("start", start);
            slot.setProperty("capacity", 10L + random.nextInt(30));
            SlotBooking.registrationsFolder(slot.getSession(), slot.getIdentifier())
                    .setProperty("bookedPersons", (long) random.nextInt(40));
            List<String> audiences = new ArrayList<>(List.of("school", "franceTravail", "public"));
            java.util.Collections.shuffle(audiences, random);
            slot.setProperty("audiences", audiences.subList(0, 1 + random.nextInt(3)).toArray(String[]::new));
        }
    }

    private static Node folder(Session session, String path) throws javax.jcr.RepositoryException {
        Node node = session.getRootNode();
        for (String name : path.substring(1).split("/")) {
            node = node.hasNode(name) ? node.getNode(name) : node.addNode(name, "mgnl:folder");
        }
        return node;
    }

    /** A mix of text, facet-filter and distance queries (every query also counts all facets). */
    public static List<Map<String, List<String>>> queries(List<Place> places, Random random) {
        List<Map<String, List<String>>> queries = new ArrayList<>();
        String[] texts = {"usine", "métallurgie", "l'atelier de soudure", "électronique", "recyclage emballage",
                "robots", "pharmacie", "Site de Lyon"};
        List<String> regions = List.copyOf(REGIONS.values());
        for (int i = 0; i < 64; i++) {
            Map<String, List<String>> query = new LinkedHashMap<>();
            Place place = places.get(random.nextInt(places.size()));
            switch (i % 4) {
                case 0 -> query.put("q", List.of(texts[random.nextInt(texts.length)]));
                case 1 -> {
                    query.put("region", List.of(regions.get(random.nextInt(regions.size()))));
                    query.put("audience", List.of("school"));
                    query.put("placesLeft", List.of("any"));
                }
                case 2 -> {
                    query.put("lat", List.of(String.valueOf(place.latitude())));
                    query.put("lon", List.of(String.valueOf(place.longitude())));
                    query.put("km", List.of("35"));
                }
                default -> {
                    query.put("q", List.of(texts[random.nextInt(texts.length)]));
                    query.put("lat", List.of(String.valueOf(place.latitude())));
                    query.put("lon", List.of(String.valueOf(place.longitude())));
                    query.put("day", List.of("2026-10-0" + (5 + random.nextInt(5))));
                }
            }
            queries.add(query);
        }
        return queries;
    }

    public static void inProcess(SiteSearch search, SearchParameters parameters,
                                  List<Map<String, List<String>>> queries) {
        String[] kinds = {"text", "facet filters", "distance (35 km)", "text + distance sort + day"};
        for (int kind = 0; kind < 4; kind++) {
            List<Map<String, List<String>>> ofKind = new ArrayList<>();
            for (int i = kind; i < queries.size(); i += 4) {
                ofKind.add(queries.get(i));
            }
            int[] next = {0};
            report("in-process " + kinds[kind], () -> {
                Map<String, Object> answer = search.search(parameters.read(ofKind.get(next[0]++ % ofKind.size())));
                return answer.get("total");
            });
        }
    }

    public static void overHttp(URI base, List<Map<String, List<String>>> queries) throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        List<URI> uris = queries.stream().map(query -> base.resolve("/.rest/search/v1?" + queryString(query))).toList();
        int[] next = {0};
        report("HTTP (sequential, mixed)", () -> {
            try {
                HttpResponse<String> response = client.send(HttpRequest.newBuilder(uris.get(next[0]++ % uris.size()))
                        .build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 200) {
                    throw new IllegalStateException(response.statusCode() + " " + response.body());
                }
                return response.body().length();
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        wrk(uris.get(0));
        wrk(uris.get(2));
    }

    private static void wrk(URI uri) throws Exception {
        if (!Files.isExecutable(Path.of("/usr/bin/wrk"))) {
            System.out.println("wrk is not installed: concurrent HTTP figures skipped");
            return;
        }
        System.out.println("wrk -t2 -c16 -d10s --latency " + uri);
        Process wrk = new ProcessBuilder("/usr/bin/wrk", "-t2", "-c16", "-d10s", "--latency", uri.toString())
                .redirectErrorStream(true).start();
        String output = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        wrk.waitFor();
        Arrays.stream(output.split("\n")).filter(line -> line.contains("Requests/sec") || line.contains("50%")
                || line.contains("99%") || line.contains("Non-2xx")).forEach(line -> System.out.println("  " + line.strip()));
    }

    private static String queryString(Map<String, List<String>> query) {
        List<String> parts = new ArrayList<>();
        query.forEach((name, values) -> values.forEach(value ->
                parts.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8))));
        return String.join("&", parts);
    }

    private static void report(String label, Supplier<Object> query) {
        for (int i = 0; i < WARM_UP; i++) {
            query.get();
        }
        long[] nanos = new long[RUNS];
        Object last = null;
        long[] gcBefore = gc();
        for (int i = 0; i < RUNS; i++) {
            long started = System.nanoTime();
            last = query.get();
            nanos[i] = System.nanoTime() - started;
        }
        long[] gcAfter = gc();
        Arrays.sort(nanos);
        System.out.printf("%-38s p50 %6.2f ms   p99 %6.2f ms   max %6.1f ms (%d runs; %d GCs, %d ms; last answer %s)%n",
                label, nanos[RUNS / 2] / 1e6, nanos[RUNS * 99 / 100] / 1e6, nanos[RUNS - 1] / 1e6, RUNS,
                gcAfter[0] - gcBefore[0], gcAfter[1] - gcBefore[1], last);
    }

    /** Collections so far and their total time in ms, all collectors. */
    private static long[] gc() {
        long count = 0;
        long millis = 0;
        for (var collector : java.lang.management.ManagementFactory.getGarbageCollectorMXBeans()) {
            count += Math.max(0, collector.getCollectionCount());
            millis += Math.max(0, collector.getCollectionTime());
        }
        return new long[] {count, millis};
    }

    public static void deleteQuietly(Path folder) {
        try (var paths = Files.walk(folder)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // a temporary folder left behind is harmless
        }
    }
}
