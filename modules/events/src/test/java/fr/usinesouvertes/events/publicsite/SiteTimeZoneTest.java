package fr.usinesouvertes.events.publicsite;

import static org.assertj.core.api.Assertions.assertThat;

import fr.usinesouvertes.events.EventsModule;
import fr.usinesouvertes.platform.testing.AdminBrowser;
import fr.usinesouvertes.platform.testing.PlatformExtension;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TimeZone;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A date typed in the back office means the same day everywhere — form, stored value, page, Delivery API —
 * whatever the server's default time zone: the home page's key-dates component, saved unchanged and published,
 * still shows 23 septembre on a server in UTC, in Paris and in New York.
 */
class SiteTimeZoneTest {

    private static final String COMPONENT = "/journees-usines-ouvertes/main/3";

    @ParameterizedTest
    @ValueSource(strings = {"UTC", "Europe/Paris", "America/New_York"})
    void savingTheKeyDatesUnchangedKeepsEveryDay(String serverZone) throws Exception {
        TimeZone original = TimeZone.getDefault();
        TimeZone.setDefault(TimeZone.getTimeZone(serverZone));
        PlatformExtension platform = PlatformExtension
                .withLightModules(Path.of("../../light-modules").toAbsolutePath().normalize())
                .inMemory().modules(new EventsModule());
        try {
            platform.beforeAll(null);
            assertThat(keyDates(platform)).as("seed, " + serverZone).contains("23 septembre 2025", "31 janvier 2026");

            AdminBrowser editor = platform.staff();
            String dialog = "/admin/pages/component?path=" + URLEncoder.encode(COMPONENT, StandardCharsets.UTF_8);
            Document form = Jsoup.parse(editor.get(dialog).body());
            Map<String, String> unchanged = new LinkedHashMap<>(); // what a browser submits: checked boxes only
            for (Element input : form.select("form.generated-form input[name], form.generated-form textarea[name], form.generated-form select[name]")) {
                boolean unchecked = input.attr("type").matches("checkbox|radio") && !input.hasAttr("checked");
                if (!unchecked && !input.attr("type").equals("submit") && !input.attr("name").equals("_csrf")) {
                    unchanged.put(input.attr("name"), input.is("textarea") ? input.text() : input.val());
                }
            }
            assertThat(unchanged).as(serverZone).containsValue("2025-09-23").containsValue("2026-01-31");
            HttpResponse<String> saved = editor.post(dialog, unchanged);
            assertThat(saved.statusCode()).as(saved.body()).isEqualTo(303);
            platform.publish("website", "/journees-usines-ouvertes");

            assertThat(keyDates(platform)).as("saved, " + serverZone).contains("23 septembre 2025", "31 janvier 2026")
                    .doesNotContain("22 septembre 2025", "30 janvier 2026");
            assertThat(Jsoup.parse(editor.get(dialog).body()).select("input[type=date]").eachAttr("value"))
                    .contains("2025-09-23", "2026-01-31");
            String delivery = platform.get("/.rest/delivery/pages/v1/journees-usines-ouvertes").body();
            assertThat(delivery).as(serverZone).contains("\"2025-09-23T00:00:00.000+02:00\"")
                    .contains("\"2026-01-31T00:00:00.000+01:00\"");
        } finally {
            platform.afterAll(null);
            TimeZone.setDefault(original);
        }
    }

    private static String keyDates(PlatformExtension platform) {
        return Jsoup.parse(platform.get("/").body()).select(".key-dates .timeline-date").text();
    }
}
