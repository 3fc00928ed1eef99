package fr.usinesouvertes.platform.command;

import fr.usinesouvertes.platform.Platform;
import fr.usinesouvertes.platform.config.CoreSettings;
import fr.usinesouvertes.platform.config.SettingsLoader;
import fr.usinesouvertes.platform.definition.DeliveryEndpointDefinition;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

/**
 * {@code warm-up [settings]}: starts the platform on a temporary data folder (the seed content), asks what visitors and editors ask first (the home page
 * and the site pages it links to, every Delivery API endpoint, the back office's login page, the health and sitemap
 * answers), then stops. The build runs it once with {@code -XX:DumpLoadedClassList} to list the classes of the
 * class-data archive that {@code bin/usines-ouvertes} starts with: a first start then loads classes as a restart
 * does. Hidden from {@code --help}: it is a build step, not an operator's command.
 */
@Command(name = "warm-up", hidden = true,
        description = "Starts the platform, asks its main pages and APIs once, then stops (the build's class-list run).")
final class WarmUpCommand implements Callable<Integer>, StartsPlatform {

    /** Site pages linked from the home page that are asked too. */
    private static final int MAX_LINKED_PAGES = 12;

    @Unmatched
    List<String> unmatched = new ArrayList<>();

    private SettingOptions settings;

    @Override
    public void settingOptions(SettingOptions options) {
        this.settings = options;
    }

    @Override
    public Integer call() throws Exception {
        Map<String, String> overrides = new HashMap<>(SettingsLoader.parseArguments(unmatched.toArray(String[]::new)));
        Path data = Files.createTempDirectory("usines-ouvertes-warm-up");
        overrides.put(CoreSettings.DATA.name(), data.toString()); // a first start, on seed content: never a real folder
        overrides.putIfAbsent(CoreSettings.HOST.name(), "127.0.0.1");
        overrides.putIfAbsent(CoreSettings.PORT.name(), "0");
        try (Platform platform = settings.start(overrides)) {
            URI base = platform.baseUri();
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            Set<String> paths = new LinkedHashSet<>(List.of("/.health/ready", "/sitemap.xml", "/admin/login"));
            String home = get(http, base, "/");
            if (home != null) {
                for (Element link : Jsoup.parse(home).select("a[href^=/]")) {
                    String href = link.attr("href");
                    if (!href.startsWith("//") && paths.size() < MAX_LINKED_PAGES + 3) {
                        paths.add(href);
                    }
                }
            }
            for (DeliveryEndpointDefinition endpoint : platform.definitions().current().endpoints()) {
                paths.add("/.rest/" + endpoint.endpointPath() + "?limit=5");
            }
            for (String path : paths) {
                get(http, base, path);
            }
            return PlatformCommandLine.DONE;
        } finally {
            try (java.util.stream.Stream<Path> files = Files.walk(data)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
            }
        }
    }

    /** The body of a GET, or null when it failed: a warm-up asks, it does not check. */
    private static String get(HttpClient http, URI base, String path) {
        try {
            return http.send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        } catch (java.io.IOException | IllegalArgumentException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
