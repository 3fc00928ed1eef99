package fr.usinesouvertes.events.directory;

import fr.usinesouvertes.events.EventsModule;
import fr.usinesouvertes.events.search.CommunesTable;
import fr.usinesouvertes.events.search.SearchBenchmark;
import fr.usinesouvertes.events.search.SearchParameters;
import fr.usinesouvertes.events.search.SiteSearch;
import fr.usinesouvertes.platform.Platform;
import fr.usinesouvertes.platform.PlatformLauncher;
import fr.usinesouvertes.platform.module.PlatformModule;
import fr.usinesouvertes.platform.search.SearchIndex;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Directory benchmark: the site's light module and the events module with N synthetic sites
 * (those of {@link SearchBenchmark}), the search's p50/p99 in-process and over HTTP, then the rendered
 * directory page under {@code wrk}: unfiltered, with filters (both served from the view cache after the
 * first request) and a different search at every request ({@code bench/directory.lua}, mostly cache misses),
 * after a showcase page without search as a baseline measured in the same conditions.
 * Run with {@code bench/directory-bench.sh [communes.csv] [sites] [data folder]} (a given data folder is kept
 * and reused by later runs).
 */
public final class DirectoryBenchmark {

    private DirectoryBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path communesFile = Path.of(args[0]);
        int sites = Integer.parseInt(args[1]);
        Path lightModules = Path.of(args[2]);
        Path lua = Path.of(args[3]);
        String duration = args.length > 4 ? args[4] : "15s";
        if (!Files.isReadable(communesFile)) {
            System.out.println("Communes file " + communesFile.toAbsolutePath() + " not found: benchmark skipped.");
            return;
        }
        List<SearchBenchmark.Place> places = SearchBenchmark.places(communesFile);
        Path kept = args.length > 5 && !args[5].isEmpty() ? Path.of(args[5]) : null;
        Path data = kept != null ? Files.createDirectories(kept) : Files.createTempDirectory("directory-bench");
        SearchBenchmark.prepare(data.resolve("data"), Files.createDirectories(data.resolve("no-light-modules")),
                places, sites);
        List<PlatformModule> modules = List.of(new EventsModule());
        var settings = PlatformLauncher.settingsLoader(modules).parse(Map.of("data", data.resolve("data").toString(),
                "port", "0", "host", "127.0.0.1", "light-modules", lightModules.toAbsolutePath().toString(),
                "communes", communesFile.toAbsolutePath().toString(), "clock", "2026-09-01T10:00:00+02:00"));
        try (Platform platform = Platform.builder(settings).modules(modules).start()) {
            SearchIndex index = SearchBenchmark.indexOnce(platform);
            var queries = SearchBenchmark.queries(places, new Random(7));
            SearchBenchmark.inProcess(new SiteSearch(index, platform.clock(), SiteSearch.LivePlaces.AS_INDEXED),
                    new SearchParameters(CommunesTable.read(communesFile)), queries);
            SearchBenchmark.overHttp(platform.baseUri(), queries);
            URI base = platform.baseUri();
            check(base.resolve("/usines"));
            // baseline in the same conditions: a rendered page without search (the machine's load moves every figure)
            wrk(base.resolve("/usines-vitrines/colas"), null, duration);
            wrk(base.resolve("/usines"), null, duration);
            wrk(base.resolve("/usines?region=Bretagne&audience=school&placesLeft=any"), null, duration);
            wrk(base.resolve("/usines?near=69001&km=35"), null, duration);
            wrk(base, lua, duration);
        }
        if (kept == null) {
            SearchBenchmark.deleteQuietly(data);
        }
    }

    private static void check(URI uri) throws Exception {
        HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).build(),
                HttpResponse.BodyHandlers.ofString());
        if (page.statusCode() != 200 || !page.body().contains("class=\"card result\"")) {
            throw new IllegalStateException("The directory page does not list sites: " + page.statusCode());
        }
        System.out.printf("Directory page %s: %d bytes%n", uri.getPath(), page.body().length());
    }

    private static void wrk(URI uri, Path script, String duration) throws Exception {
        if (!Files.isExecutable(Path.of("/usr/bin/wrk"))) {
            System.out.println("wrk is not installed: page figures skipped");
            return;
        }
        List<String> command = new ArrayList<>(List.of("/usr/bin/wrk", "-t2", "-c32", "-d" + duration, "--latency"));
        if (script != null) {
            command.addAll(List.of("-s", script.toString()));
        }
        command.add(uri.toString());
        // warm-up, then the measured run
        new ProcessBuilder(List.of("/usr/bin/wrk", "-t2", "-c32", "-d3s", uri.toString())).redirectErrorStream(true)
                .start().waitFor();
        System.out.println(String.join(" ", command.subList(1, command.size())));
        Process wrk = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        wrk.waitFor();
        Arrays.stream(output.split("\n")).filter(line -> line.contains("Requests/sec") || line.contains("50%")
                        || line.contains("99%") || line.contains("Non-2xx") || line.contains("Socket errors"))
                .forEach(line -> System.out.println("  " + line.strip()));
    }
}
