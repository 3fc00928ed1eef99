package fr.usinesouvertes.platform.admin.authoring.content;

import fr.usinesouvertes.platform.definition.DefinitionRegistry;
import fr.usinesouvertes.platform.lightmodule.LightModuleLoader;
import fr.usinesouvertes.platform.lightmodule.LightModuleOrigins;
import fr.usinesouvertes.platform.repository.ContentRepository;
import fr.usinesouvertes.platform.repository.SegmentStoreBackend;
import fr.usinesouvertes.platform.search.SearchIndex;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import javax.jcr.Node;

/**
 * Long lists in a content app (bench/content-list-bench.sh): N items (default 20,000) of the test module's news app
 * in a segment store, then the time of one page (50 items) of the listing as the back office asks for it — default
 * order, sorted by a column both ways, a text search, a far page, and the first page after an edit (the index brought
 * up to date first, as the back office does) — each repeated, p50 and max printed.
 */
public final class ContentListBenchmark {

    private static final int RUNS = 15;
    private static SearchIndex LISTS;

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        Path data = Files.createTempDirectory("content-list-bench");
        DefinitionRegistry registry = new LightModuleLoader(new LightModuleOrigins(
                Path.of("platform/src/test/resources/authoring-modules"), Map.of())).load();
        ContentApp news = ContentApp.named(registry, "news").orElseThrow();
        ZoneId zone = ZoneId.of("Europe/Paris");
        List<String> columns = List.of("title", "date", "body");
        try (ContentRepository repository = ContentRepository.open(new SegmentStoreBackend(data));
             SearchIndex index = new SearchIndex(new SearchIndex.Options(ContentListIndex.NAME,
                     data.resolve("search-index"), 300, java.time.Clock.systemUTC()), repository,
                     new ContentListIndex(() -> registry, zone))) {
            long started = System.nanoTime();
            for (int from = 0; from < count; from += 1000) {
                int first = from;
                repository.write(session -> {
                    repository.workspaces().ensureRoots(session, List.of("news"));
                    for (int i = first; i < Math.min(first + 1000, count); i++) {
                        Node item = ContentItems.create(session, news, "communique-" + i, null);
                        item.setProperty("title", "Communiqué n° " + i + " — Usine " + (i % 977) + " à Amiens");
                        Calendar date = Calendar.getInstance(TimeZone.getTimeZone(zone));
                        date.setTimeInMillis(1_700_000_000_000L + i * 3_600_000L);
                        item.setProperty("date", date);
                        item.setProperty("body", "<p>Les <strong>Journées Usines Ouvertes</strong> : visite " + i
                                + " de l'usine, <a href=\"/usines\">voir les usines</a>.</p>");
                    }
                    return null;
                });
            }
            long indexing = System.nanoTime();
            index.catchUpNow();
            System.out.printf("index built in %.1f s%n", (System.nanoTime() - indexing) / 1e9);
            LISTS = index;
            System.out.printf("# Content list benchmark — %d items written in %.1f s; %d cores, load %s%n", count,
                    (System.nanoTime() - started) / 1e9, Runtime.getRuntime().availableProcessors(),
                    Files.readString(Path.of("/proc/loadavg")).trim());
            measure(repository, news, columns, zone, "first page, by name", null, "@name", false, 0);
            measure(repository, news, columns, zone, "first page, by date, newest first", null, "date", true, 0);
            measure(repository, news, columns, zone, "first page, by title", null, "title", false, 0);
            measure(repository, news, columns, zone, "page 300, by name", null, "@name", false, 15_000);
            measure(repository, news, columns, zone, "search 'usine 97' (~200 hits), by date", "usine 97", "date", true, 0);
            measure(repository, news, columns, zone, "search 'amiens' (all), by title", "amiens", "title", false, 0);
            List<Long> afterEdit = new ArrayList<>();
            for (int run = 0; run < RUNS; run++) {
                int edited = run;
                repository.write(session -> {
                    session.getNode("/news/communique-" + edited).setProperty("title", "Modifié " + edited);
                    return null;
                });
                long catchingUp = System.nanoTime();
                index.catchUpNow(); // as the back office does when the workspace has changed
                afterEdit.add(System.nanoTime() - catchingUp + time(repository, news, columns, zone, null, "@name", false, 0));
            }
            print("first page right after an edit, by name", afterEdit);
        }
    }

    private static void measure(ContentRepository repository, ContentApp app, List<String> columns, ZoneId zone,
                                String what, String query, String sort, boolean descending, int offset) {
        List<Long> times = new ArrayList<>();
        for (int run = 0; run < RUNS; run++) {
            times.add(time(repository, app, columns, zone, query, sort, descending, offset));
        }
        print(what, times);
    }

    private static long time(ContentRepository repository, ContentApp app, List<String> columns, ZoneId zone,
                             String query, String sort, boolean descending, int offset) {
        long started = System.nanoTime();
        repository.read(session -> ContentItems.list(LISTS, session, app, columns, query, sort, descending, offset, 50, zone));
        return System.nanoTime() - started;
    }

    private static void print(String what, List<Long> nanos) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        System.out.printf("%-45s first %6.1f ms, p50 %6.1f ms, max %6.1f ms%n", what, nanos.get(0) / 1e6,
                sorted.get(sorted.size() / 2) / 1e6, sorted.get(sorted.size() - 1) / 1e6);
    }
}
