package fr.usinesouvertes.events.backoffice;

import static org.assertj.core.api.Assertions.assertThat;

import fr.usinesouvertes.events.EventsModule;
import fr.usinesouvertes.platform.definition.ContentTypeDefinition;
import fr.usinesouvertes.platform.definition.DefinitionRegistry;
import fr.usinesouvertes.platform.testing.AdminBrowser;
import fr.usinesouvertes.platform.testing.PlatformExtension;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.jcr.Node;
import javax.jcr.NodeIterator;
import javax.jcr.RepositoryException;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The back office's forms of the site and of the events module speak French (and English with ?lang=en): no
 * content app's form and no dialog of the seed pages shows a raw property name as a label.
 */
class BackOfficeFormsTest {

    @RegisterExtension
    static final PlatformExtension PLATFORM = PlatformExtension
            .withLightModules(Path.of("../../light-modules").toAbsolutePath().normalize())
            .inMemory().modules(new EventsModule());

    @Test
    void noFormShowsARawPropertyName() throws Exception {
        AdminBrowser staff = PLATFORM.staff();
        DefinitionRegistry registry = PLATFORM.platform().definitions().current();
        Set<String> names = new TreeSet<>();
        for (ContentTypeDefinition type : registry.contentTypes()) {
            type.properties().forEach(p -> names.add(p.name()));
            type.subModels().forEach(s -> s.properties().forEach(p -> names.add(p.name())));
        }
        registry.dialogs().forEach(d -> d.fields().forEach(f -> {
            names.add(f.name());
            f.properties().forEach(p -> names.add(p.name()));
            if (f.field() != null) {
                f.field().properties().forEach(p -> names.add(p.name()));
            }
        }));

        Map<String, String> forms = new LinkedHashMap<>();
        for (String app : List.of("pressReleases", "partners", "showcases", "companies", "sites", "events", "editions")) {
            forms.put(app, "/admin/content/" + app + "/new");
        }
        PLATFORM.platform().repository().read(session -> {
            collect(session.getNode("/website"), forms, registry);
            return null;
        });
        assertThat(forms.keySet()).contains("usines-ouvertes:components/hero", "usines-ouvertes:components/key-dates",
                "usines-ouvertes:pages/home");

        List<String> raw = new ArrayList<>();
        for (Map.Entry<String, String> form : forms.entrySet()) {
            for (String lang : List.of("", "lang=en")) {
                String url = form.getValue() + (lang.isEmpty() ? "" : (form.getValue().contains("?") ? "&" : "?") + lang);
                Document page = Jsoup.parse(staff.get(url).body());
                assertThat(page.select("form.generated-form")).as(url).isNotEmpty();
                for (String text : page.select("form.generated-form label, form.generated-form legend").eachText()) {
                    String label = text.replace(" *", "").trim();
                    if (names.contains(label) || label.contains(".label")) {
                        raw.add(url + ": " + label);
                    }
                }
            }
        }
        assertThat(raw).isEmpty();

        Document hero = Jsoup.parse(staff.get(forms.get("usines-ouvertes:components/hero")).body());
        assertThat(hero.selectFirst("h1").text()).isEqualTo("Bandeau d'accroche");
        assertThat(hero.select("fieldset.i18n-field > legend").eachText()).startsWith("Surtitre", "Titre", "Sous-titre");
        Document heroEn = Jsoup.parse(staff.get(forms.get("usines-ouvertes:components/hero") + "&lang=en").body());
        assertThat(heroEn.selectFirst("h1").text()).isEqualTo("Hero banner");
        assertThat(heroEn.select("fieldset.i18n-field > legend").eachText()).startsWith("Kicker", "Title", "Subtitle");
        Document release = Jsoup.parse(staff.get("/admin/content/pressReleases/new").body());
        assertThat(release.select("fieldset.i18n-field > legend").eachText()).containsExactly("Titre", "Chapô", "Texte");
        assertThat(release.selectFirst("label[for=f-place]").text()).isEqualTo("Lieu");

        // the content apps and the partners' roles in the back office's language
        assertThat(Jsoup.parse(staff.get("/admin/content/").body()).text()).contains("Communiqués de presse", "Partenaires");
        assertThat(Jsoup.parse(staff.get("/admin/content/?lang=en").body()).text()).contains("Press releases", "Partners")
                .doesNotContain("Partenaires");
        Document partnerEn = Jsoup.parse(staff.get("/admin/content/partners/new?lang=en").body());
        assertThat(partnerEn.select("#f-role option").eachText()).contains("Organiser", "Regional partner");
        assertThat(partnerEn.selectFirst("label[for=f-role]").text()).startsWith("Role");
    }

    /** The first dialog URL of each page and component template found below {@code node}. */
    private static void collect(Node node, Map<String, String> forms, DefinitionRegistry registry) throws RepositoryException {
        for (NodeIterator children = node.getNodes(); children.hasNext(); ) {
            Node child = children.nextNode();
            if (child.hasProperty("mgnl:template")) {
                String template = child.getProperty("mgnl:template").getString();
                String dialog = registry.template(template).map(t -> t.dialog()).orElse(null);
                String path = URLEncoder.encode(child.getPath().substring("/website".length()), StandardCharsets.UTF_8);
                if (dialog != null && !forms.containsKey(dialog)) {
                    forms.put(dialog, child.isNodeType("mgnl:page") ? "/admin/pages/properties?path=" + path
                            : "/admin/pages/component?path=" + path);
                }
            }
            collect(child, forms, registry);
        }
    }
}
