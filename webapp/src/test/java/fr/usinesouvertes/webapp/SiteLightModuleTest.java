package fr.usinesouvertes.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import freemarker.core.HTMLOutputFormat;
import freemarker.template.Configuration;
import freemarker.template.Template;

/**
 * Checks the site's light module {@code light-modules/usines-ouvertes} as files: Magnolia YAML that parses,
 * bootstrap content in Magnolia's export format, references that resolve, and the facts of the seeds.
 */
class SiteLightModuleTest {

    private static final String MODULE_NAME = "usines-ouvertes";
    private static final Path MODULE = locateModule();
    /** The events plugin's class-path light module, whose templates and content types the site uses. */
    private static final Path EVENTS_MODULE = MODULE.getParent().getParent()
            .resolve("modules/events/src/main/resources/light-modules/events");
    /** RFC 4122 identifiers: random (v4) or name-based (v3/v5, used by generated seed files). */
    private static final Pattern UUID =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    private static final Pattern BOOTSTRAP_NAME = Pattern.compile("([a-z0-9-]+)((?:\\.[A-Za-z0-9_-]+)*)\\.yaml");
    private static final Pattern MESSAGE_KEY = Pattern.compile("i18n\\['([^']+)'\\]");
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private final Map<String, Object> facts = loadFacts();

    @Test
    void everyYamlFileOfTheModuleParses() throws IOException {
        List<Path> files = filesEndingWith(MODULE, ".yaml");

        assertThat(files).hasSizeGreaterThan(40);
        for (Path file : files) {
            Object root = MagnoliaYaml.load(file);
            Object unwrapped = root instanceof MagnoliaYaml.Tagged tagged ? tagged.value() : root;
            assertThat(unwrapped).as(MODULE.relativize(file).toString()).isInstanceOf(Map.class);
        }
    }

    @Test
    void bootstrapFileNamesAreWorkspaceDotPathAndHoldTheNamedNode() throws IOException {
        Set<String> workspaces = contentTypeWorkspaces(MODULE);
        workspaces.addAll(contentTypeWorkspaces(EVENTS_MODULE));
        workspaces.add("website");

        for (Path file : filesEndingWith(MODULE.resolve("bootstrap"), ".yaml")) {
            Matcher name = BOOTSTRAP_NAME.matcher(file.getFileName().toString());
            assertThat(name.matches()).as(file.getFileName().toString()).isTrue();
            assertThat(workspaces).as("workspace of " + file.getFileName()).contains(name.group(1));
            if (!name.group(2).isEmpty()) {
                String lastSegment = name.group(2).substring(name.group(2).lastIndexOf('.') + 1);
                assertThat(map(MagnoliaYaml.load(file)).keySet()).as(file.getFileName().toString()).containsExactly(lastSegment);
            }
        }
    }

    @Test
    void everyBootstrapNodeHasAPrimaryTypeAndAUniqueUuid() throws IOException {
        Map<String, String> pathByUuid = new HashMap<>();
        List<String> problems = new ArrayList<>();

        forEachBootstrapNode((path, node) -> {
            if (!(node.get("jcr:primaryType") instanceof String type) || !type.startsWith("mgnl:")) {
                problems.add(path + ": jcr:primaryType missing");
            }
            if (!(node.get("jcr:uuid") instanceof String uuid) || !UUID.matcher(uuid).matches()) {
                problems.add(path + ": jcr:uuid missing or not a UUID");
            } else if (pathByUuid.put(uuid, path) != null) {
                problems.add(path + ": jcr:uuid " + uuid + " also used by " + pathByUuid.get(uuid));
            }
        });

        assertThat(pathByUuid.size()).isGreaterThan(150);
        assertThat(problems).isEmpty();
    }

    @Test
    void everyTemplateIdDialogAndScriptResolvesToAFileOfTheModule() throws IOException {
        List<String> problems = new ArrayList<>();
        forEachBootstrapNode((path, node) -> {
            if (node.get("mgnl:template") instanceof String id && !definitionExists("templates", id)) {
                problems.add(path + ": unknown template " + id);
            }
        });
        for (Path file : filesEndingWith(MODULE.resolve("templates"), ".yaml")) {
            Map<String, Object> template = map(MagnoliaYaml.load(file));
            checkScript(file, template, problems);
            if (!definitionExists("dialogs", (String) template.get("dialog"))) {
                problems.add(file + ": unknown dialog " + template.get("dialog"));
            }
            for (Object area : map(template.getOrDefault("areas", Map.of())).values()) {
                checkScript(file, map(area), problems);
                for (Object component : map(map(area).get("availableComponents")).values()) {
                    if (!definitionExists("templates", (String) map(component).get("id"))) {
                        problems.add(file + ": unknown component " + map(component).get("id"));
                    }
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void everyIncludeAndAppPointsToSomethingThatExists() throws IOException {
        List<Object> tagged = new ArrayList<>();
        for (Path file : filesEndingWith(MODULE, ".yaml")) {
            collectTagged(MagnoliaYaml.load(file), tagged);
        }
        Set<String> contentTypes = new HashSet<>();
        for (Path file : filesEndingWith(MODULE.resolve("contentTypes"), ".yaml")) {
            contentTypes.add(file.getFileName().toString().replace(".yaml", ""));
        }

        assertThat(tagged).isNotEmpty();
        for (Object value : tagged) {
            String tag = ((MagnoliaYaml.Tagged) value).tag();
            if (tag.startsWith("!include:")) {
                assertThat(MODULE.getParent().resolve(tag.substring("!include:/".length()))).as(tag).isRegularFile();
            } else {
                assertThat(tag).startsWith("!content-type:");
                assertThat(contentTypes).contains(tag.substring("!content-type:".length()));
            }
        }
    }

    @Test
    void deliveryEndpointsServePagesAndEveryContentTypeWorkspace() throws IOException {
        Map<String, String> workspaceByEndpoint = new LinkedHashMap<>();
        for (Path file : filesEndingWith(MODULE.resolve("restEndpoints/delivery"), "_v1.yaml")) {
            Map<String, Object> endpoint = map(MagnoliaYaml.load(file));
            assertThat(endpoint.get("$type")).isEqualTo("jcrDeliveryEndpoint_v2");
            workspaceByEndpoint.put(file.getFileName().toString(), (String) endpoint.get("workspace"));
        }

        assertThat(workspaceByEndpoint).containsEntry("pages_v1.yaml", "website")
                .containsEntry("press-releases_v1.yaml", "press-releases")
                .containsEntry("partners_v1.yaml", "partners")
                .containsEntry("showcases_v1.yaml", "showcases");
        assertThat(new HashSet<>(workspaceByEndpoint.values())).containsAll(contentTypeWorkspaces(MODULE));
    }

    @Test
    void showcasesHoldEveryCompanyOfThePressKitWithAllItsSites() throws IOException {
        Map<String, Object> showcases = bootstrap("showcases.yaml");
        Map<String, Integer> siteCounts = new LinkedHashMap<>();
        showcases.forEach((name, showcase) -> siteCounts.put(name, sites(map(showcase)).size()));

        assertThat(siteCounts).containsExactlyInAnyOrderEntriesOf(typedMap(facts.get("showcaseSites")));
        assertThat(siteCounts).containsEntry("colas", 13).containsEntry("mecachrome", 3);
        Map<String, List<String>> regions = typedMap(facts.get("showcaseRegions"));
        regions.forEach((name, expected) -> {
            Set<Object> actual = new HashSet<>();
            sites(map(showcases.get(name))).forEach(site -> actual.add(site.get("region")));
            assertThat(actual).as(name).containsExactlyInAnyOrderElementsOf(expected);
        });
        assertThat(map(showcases.get("upsa")).get("url")).isEqualTo("https://journees-usines-ouvertes.fr/site-industriel/?id=4811");
    }

    @Test
    void everySiteHasARegionAndACommuneWithAMatchingInseeCode() throws IOException {
        List<String> problems = new ArrayList<>();
        bootstrap("showcases.yaml").forEach((name, showcase) -> {
            assertThat(map(showcase).get("company")).as(name).isInstanceOf(String.class);
            for (Map<String, Object> site : sites(map(showcase))) {
                String where = name + "/" + site.get("name");
                if (!(site.get("region") instanceof String)) {
                    problems.add(where + ": no region");
                }
                if (site.get("inseeCode") instanceof String insee
                        && (!insee.matches("\\d[0-9AB]\\d{3}") || !insee.startsWith((String) site.get("department")))) {
                    problems.add(where + ": INSEE code " + insee + " does not match department " + site.get("department"));
                }
                if (site.get("commune") != null && site.get("inseeCode") == null) {
                    problems.add(where + ": commune without INSEE code");
                }
            }
        });
        assertThat(problems).isEmpty();
    }

    @Test
    void pressReleasesHaveTheSeedDatesPlaceLeadAndBody() throws IOException {
        List<String> dates = new ArrayList<>();
        for (Object release : bootstrap("press-releases.yaml").values()) {
            Map<String, Object> fields = map(release);
            assertThat(fields.get("date")).isInstanceOf(Date.class);
            dates.add(((Date) fields.get("date")).toInstant().atZone(PARIS).toLocalDate().toString());
            assertThat(fields).containsEntry("place", "Paris").containsKeys("title", "title_en", "lead", "lead_en", "body");
        }
        assertThat(dates).containsExactlyInAnyOrderElementsOf(typedList(facts.get("pressReleaseDates")));
    }

    @Test
    void homePageHasThe2026DatesAndFiguresAndEveryPlannedPage() throws IOException {
        Map<String, Object> home = map(bootstrap("website.journees-usines-ouvertes.yaml").get("journees-usines-ouvertes"));
        String homeText = new Yaml().dump(home.get("main"));

        assertThat(home).containsEntry("mgnl:template", "usines-ouvertes:pages/home").containsKeys("title", "title_en");
        for (String text : typedList(facts.get("homeTexts"))) {
            assertThat(homeText).as("home page text").contains(text);
        }
        for (String page : typedList(facts.get("pages"))) {
            Map<String, Object> node = home;
            for (String segment : page.split("/")) {
                node = map(node.get(segment));
            }
            assertThat(node).as(page).containsEntry("jcr:primaryType", "mgnl:page").containsKey("title_en");
        }
    }

    @Test
    void partnersCoverTheRolesNamedInTheSeeds() throws IOException {
        Set<String> roles = new HashSet<>();
        bootstrap("partners.yaml").values().forEach(partner -> roles.add((String) map(partner).get("role")));

        assertThat(roles).containsAll(typedList(facts.get("partnerRoles")));
        assertThat(bootstrap("partners.yaml")).containsKeys("societe-des-ingenieurs-arts-et-metiers", "cci-france", "bpifrance", "anct");
    }

    @Test
    void noPersonalContactOfTheDocumentsIsPublished() throws IOException {
        Pattern phone = Pattern.compile("0[1-9](?:[ .]\\d{2}){4}");
        for (Path file : filesEndingWith(MODULE, "")) {
            if (file.getFileName().toString().matches(".*\\.(png|jpe?g|gif|webp|ico|pdf|woff2?)")) {
                continue; // binary web resources (the Open Graph image) hold no text
            }
            String text = Files.readString(file, StandardCharsets.UTF_8);
            assertThat(phone.matcher(text).find()).as("phone number in " + file).isFalse();
            for (String forbidden : typedList(facts.get("forbidden"))) {
                assertThat(text).as(file.toString()).doesNotContain(forbidden);
            }
        }
    }

    @Test
    void everyFreeMarkerScriptParsesInSquareBracketHtmlMode() throws IOException {
        Configuration configuration = new Configuration(Configuration.VERSION_2_3_34);
        configuration.setTagSyntax(Configuration.SQUARE_BRACKET_TAG_SYNTAX);
        configuration.setOutputFormat(HTMLOutputFormat.INSTANCE);

        List<Path> scripts = filesEndingWith(MODULE.resolve("templates"), ".ftl");
        assertThat(scripts).hasSizeGreaterThan(15);
        for (Path script : scripts) {
            String source = Files.readString(script, StandardCharsets.UTF_8);
            assertThat(new Template(script.toString(), new StringReader(source), configuration)).isNotNull();
            assertThat(source).as(script + " must not bypass escaping").doesNotContain("?no_esc");
        }
    }

    @Test
    void everyMessageKeyUsedByTheScriptsExistsInFrenchAndEnglish() throws IOException {
        Set<String> keys = new TreeSet<>(List.of("partners.role.organiser", "partners.role.institutional",
                "partners.role.contributing", "partners.role.regional"));
        for (Path script : filesEndingWith(MODULE.resolve("templates"), ".ftl")) {
            Matcher matcher = MESSAGE_KEY.matcher(Files.readString(script, StandardCharsets.UTF_8));
            while (matcher.find()) {
                keys.add(matcher.group(1));
            }
        }
        for (String language : List.of("fr", "en")) {
            Properties messages = new Properties();
            try (var reader = Files.newBufferedReader(
                    MODULE.resolve("i18n/" + MODULE_NAME + "-messages_" + language + ".properties"), StandardCharsets.UTF_8)) {
                messages.load(reader);
            }
            assertThat(messages.stringPropertyNames()).as(language).containsAll(keys);
        }
    }

    // --- helpers ---

    private static Path locateModule() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("light-modules").resolve(MODULE_NAME))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("light-modules/" + MODULE_NAME + " not found above " + Path.of("").toAbsolutePath());
        }
        return dir.resolve("light-modules").resolve(MODULE_NAME);
    }

    private static List<Path> filesEndingWith(Path dir, String suffix) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).filter(f -> f.getFileName().toString().endsWith(suffix)).sorted().toList();
        }
    }

    private static Map<String, Object> bootstrap(String fileName) throws IOException {
        return map(MagnoliaYaml.load(MODULE.resolve("bootstrap").resolve(fileName)));
    }

    private static void forEachBootstrapNode(BiConsumer<String, Map<String, Object>> visitor) throws IOException {
        for (Path file : filesEndingWith(MODULE.resolve("bootstrap"), ".yaml")) {
            map(MagnoliaYaml.load(file)).forEach((name, node) -> visit(file.getFileName() + ":/" + name, map(node), visitor));
        }
    }

    private static void visit(String path, Map<String, Object> node, BiConsumer<String, Map<String, Object>> visitor) {
        visitor.accept(path, node);
        node.forEach((name, value) -> {
            if (value instanceof Map) {
                visit(path + "/" + name, map(value), visitor);
            }
        });
    }

    private static List<Map<String, Object>> sites(Map<String, Object> showcase) {
        List<Map<String, Object>> sites = new ArrayList<>();
        map(showcase.get("sites")).forEach((name, value) -> {
            if (value instanceof Map) {
                sites.add(map(value));
            }
        });
        return sites;
    }

    /** Whether a definition id names a file of this module or of the events plugin's light module. */
    private static boolean definitionExists(String type, String id) {
        if (id == null || id.indexOf(':') < 0) {
            return false;
        }
        Path module = switch (id.substring(0, id.indexOf(':'))) {
            case MODULE_NAME -> MODULE;
            case "events" -> EVENTS_MODULE;
            default -> null;
        };
        return module != null && Files.isRegularFile(module.resolve(type).resolve(id.substring(id.indexOf(':') + 1) + ".yaml"));
    }

    private static void checkScript(Path file, Map<String, Object> definition, List<String> problems) {
        Object script = definition.get("templateScript");
        if (script != null && !Files.isRegularFile(MODULE.getParent().resolve(((String) script).substring(1)))) {
            problems.add(file + ": missing script " + script);
        }
    }

    private static Set<String> contentTypeWorkspaces(Path module) throws IOException {
        Set<String> workspaces = new HashSet<>();
        for (Path file : filesEndingWith(module.resolve("contentTypes"), ".yaml")) {
            Map<String, Object> contentType = map(MagnoliaYaml.load(file));
            assertThat(map(contentType.get("model"))).as(file.toString()).containsEntry("nodeType", "mgnl:content");
            workspaces.add((String) map(contentType.get("datasource")).get("workspace"));
        }
        return workspaces;
    }

    private static void collectTagged(Object value, List<Object> tagged) {
        if (value instanceof MagnoliaYaml.Tagged) {
            tagged.add(value);
            collectTagged(((MagnoliaYaml.Tagged) value).value(), tagged);
        } else if (value instanceof Map<?, ?> map) {
            map.values().forEach(v -> collectTagged(v, tagged));
        } else if (value instanceof List<?> list) {
            list.forEach(v -> collectTagged(v, tagged));
        }
    }

    private Map<String, Object> loadFacts() {
        try (var in = getClass().getResourceAsStream("/site-seed-facts.yaml")) {
            return new Yaml().load(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        Object unwrapped = value instanceof MagnoliaYaml.Tagged tagged ? tagged.value() : value;
        assertThat(unwrapped).isInstanceOf(Map.class);
        return (Map<String, Object>) unwrapped;
    }

    @SuppressWarnings("unchecked")
    private static <V> Map<String, V> typedMap(Object value) {
        return (Map<String, V>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<String> typedList(Object value) {
        return (List<String>) value;
    }
}
