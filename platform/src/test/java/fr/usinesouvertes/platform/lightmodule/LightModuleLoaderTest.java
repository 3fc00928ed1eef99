package fr.usinesouvertes.platform.lightmodule;

import static org.assertj.core.api.Assertions.assertThat;

import fr.usinesouvertes.platform.definition.AreaDefinition;
import fr.usinesouvertes.platform.definition.ContentTypeDefinition;
import fr.usinesouvertes.platform.definition.DefinitionRegistry;
import fr.usinesouvertes.platform.definition.Problem;
import fr.usinesouvertes.platform.definition.DefinitionType;
import fr.usinesouvertes.platform.definition.DeliveryEndpointDefinition;
import fr.usinesouvertes.platform.definition.DialogDefinition;
import fr.usinesouvertes.platform.definition.FieldDefinition;
import fr.usinesouvertes.platform.definition.LightModuleInfo;
import fr.usinesouvertes.platform.definition.TemplateDefinition;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class LightModuleLoaderTest {

    static final Path FIXTURES = Path.of("src/test/resources/light-modules");
    static DefinitionRegistry registry;

    @BeforeAll
    static void load() throws Exception {
        registry = new LightModuleLoader(new LightModuleOrigins(FIXTURES,
                Map.of("events", "classpath-modules/events", "demo", "classpath-modules/demo"))).load();
    }

    @Test
    void aFolderWrittenWithDotDotSegmentsLoadsTheSameDefinitions() throws Exception {
        // e.g. --light-modules ../light-modules from webapp/: every file must still be found inside its module
        Path roundabout = FIXTURES.toAbsolutePath().resolve("../light-modules");
        DefinitionRegistry loaded = new LightModuleLoader(new LightModuleOrigins(roundabout, Map.of())).load();
        assertThat(loaded.template("demo:pages/article")).hasValueSatisfying(
                article -> assertThat(article.templateScript()).isEqualTo("/demo/templates/pages/article.ftl"));
        DefinitionRegistry direct = new LightModuleLoader(new LightModuleOrigins(FIXTURES, Map.of())).load();
        assertThat(loaded.problems()).containsExactlyInAnyOrderElementsOf(direct.problems());
        assertThat(loaded.definitions().keySet()).isEqualTo(direct.definitions().keySet());
    }

    @Test
    void discoversFolderAndClasspathModulesWithTheirDescriptor() {
        assertThat(registry.modules()).extracting(LightModuleInfo::name)
                .containsExactly("events", "broken", "decorator", "demo");
        LightModuleInfo demo = module("demo");
        assertThat(demo.origin()).endsWith("light-modules/demo");
        assertThat(demo.version()).isEqualTo("1.2.0");
        assertThat(demo.dependencies()).containsEntry("core", "6.2/*").containsEntry("pages", "6.2.17");
        assertThat(module("events").origin()).isEqualTo("classpath:classpath-modules/events");
        assertThat(registry.template("events:components/slot")).hasValueSatisfying(
                t -> assertThat(t.title()).isEqualTo("Créneau"));
    }

    @Test
    void folderModuleReplacesClasspathModuleOfTheSameName() {
        assertThat(registry.template("demo:pages/from-classpath")).isEmpty();
        assertThat(registry.template("demo:pages/home")).isPresent();
    }

    @Test
    void readsPageTemplateWithAreasInOrderAndDecoration() {
        TemplateDefinition home = registry.template("demo:pages/home").orElseThrow();
        assertThat(home.kind()).isEqualTo(TemplateDefinition.Kind.PAGE);
        assertThat(home.title()).isEqualTo("Accueil");
        assertThat(home.dialog()).isEqualTo("demo:pages/home");
        assertThat(home.parameters()).containsEntry("cssClass", "home");
        assertThat(home.areas()).containsOnlyKeys("main", "header", "footer");
        AreaDefinition main = home.areas().get("main");
        // the third id comes from decorator/decorations/demo/templates/pages/home.areas.main.availableComponents.yaml
        assertThat(main.availableComponents())
                .containsExactly("demo:components/text", "demo:components/teaser", "demo:components/list");
        assertThat(main.maxComponents()).isEqualTo(20);
        assertThat(main.inheritance()).isEqualTo("all");
        AreaDefinition header = home.areas().get("header");
        assertThat(header.isSingle()).isTrue();
        assertThat(header.areas().get("logo").acceptsComponents()).isFalse();
        assertThat(header.areas().get("logo").createAreaNode()).isFalse();
        assertThat(home.areas().get("footer").editable()).isFalse();
        assertThat(home.areas().get("footer").optional()).isTrue();
        assertThat(home.areas().get("footer").type()).isEqualTo("list");
    }

    @Test
    void inheritDeepMergesAndOverrideReplaces() {
        TemplateDefinition article = registry.template("demo:pages/article").orElseThrow();
        assertThat(article.title()).isEqualTo("Article");
        assertThat(article.description()).isEqualTo("Page d'accueil");
        assertThat(article.templateScript()).isEqualTo("/demo/templates/pages/article.ftl");
        assertThat(article.parameters()).isEqualTo(Map.of("layout", "narrow"));
        assertThat(article.areas().get("main").maxComponents()).isEqualTo(5);
        // the parent's decoration is inherited too, as Magnolia's !inherit reads the decorated definition
        assertThat(article.areas().get("main").availableComponents())
                .containsExactly("demo:components/text", "demo:components/teaser", "demo:components/list");
        assertThat(article.areas()).containsKeys("header", "footer");
    }

    @Test
    void componentKindAndAvailableComponentsInListForm() {
        TemplateDefinition list = registry.template("demo:components/list").orElseThrow();
        assertThat(list.isPage()).isFalse();
        assertThat(list.areas().get("items").availableComponents())
                .containsExactly("demo:components/text", "demo:components/teaser");
    }

    @Test
    void unsupportedJavascriptModelIsAWarningAndTheTemplateStillLoads() {
        TemplateDefinition teaser = registry.template("demo:components/teaser").orElseThrow();
        assertThat(teaser.modelClass()).isNull();
        assertThat(problem("demo/templates/components/teaser.yaml"))
                .satisfies(p -> {
                    assertThat(p.severity()).isEqualTo("warning");
                    assertThat(p.line()).isEqualTo(4);
                    assertThat(p.definitionId()).isEqualTo("demo:components/teaser");
                    assertThat(p.reason()).isEqualTo(
                            "unsupported: info.magnolia.module.jsmodels.rendering.JavascriptRenderingModel");
                });
    }

    @Test
    void spaPagesLoadAndPersonalizationClassesAreUnsupportedButTheDefinitionsLoad() {
        TemplateDefinition spa = registry.template("demo:pages/spa").orElseThrow();
        assertThat(spa.renderType()).isEqualTo("spa");
        assertThat(spa.isFrontEnd()).isTrue();
        assertThat(spa.areas().get("main").availableComponents()).containsExactly("demo:components/text");
        assertThat(registry.problems()).noneMatch(p -> "demo:pages/spa".equals(p.definitionId()));
        DialogDefinition dialog = registry.dialog("demo:components/personalized").orElseThrow();
        assertThat(dialog.fields()).extracting(FieldDefinition::name).containsExactly("widget", "trait");
        assertThat(registry.problems()).filteredOn(p -> "demo:components/personalized".equals(p.definitionId()))
                .extracting(p -> p.line() + " " + p.reason())
                .containsExactlyInAnyOrder("7 unsupported: fieldType fancyWidget; read as textField",
                        "9 unsupported: info.magnolia.personalization.trait.TraitFieldDefinition");
    }

    @Test
    void readsMagnolia6DialogWithIncludeOverrideLayoutAndDecoration() {
        DialogDefinition dialog = registry.dialog("demo:pages/home").orElseThrow();
        assertThat(dialog.label()).isEqualTo("Page (décorée)");
        assertThat(dialog.fields()).extracting(FieldDefinition::name).containsExactly("title", "body", "date",
                "hideInNav", "image", "categories", "links", "imageChooser", "email", "seoTitle");
        FieldDefinition title = field(dialog, "title");
        assertThat(title.type()).isEqualTo("textField");
        assertThat(title.label()).isEqualTo("Titre de la page"); // the key under !include wins
        assertThat(title.i18n()).isTrue();
        assertThat(title.required()).isTrue();
        assertThat(title.raw()).containsEntry("maxLength", 300);
        assertThat(field(dialog, "categories").field().workspace()).isEqualTo("category");
        FieldDefinition links = field(dialog, "links");
        assertThat(links.type()).isEqualTo("jcrMultiField");
        assertThat(links.field().type()).isEqualTo("compositeField");
        assertThat(links.field().properties()).extracting(FieldDefinition::type)
                .containsExactly("textField", "pageLinkField");
        FieldDefinition chooser = field(dialog, "imageChooser");
        assertThat(chooser.options()).extracting(o -> o.get("label")).containsExactly("Interne", "Externe");
        assertThat(chooser.properties()).extracting(FieldDefinition::name).containsExactly("image", "url");
        assertThat(field(dialog, "email").validators()).containsKey("email");
        assertThat(dialog.tabs()).extracting(DialogDefinition.Tab::name).containsExactly("main", "more");
        assertThat(dialog.tabs().get(0).fieldNames()).containsExactly("title", "body", "date");
    }

    @Test
    void readsMagnolia5DialogWithAliasesClassesAndIncludedListItems() {
        DialogDefinition dialog = registry.dialog("demo:components/text").orElseThrow();
        assertThat(dialog.tabs()).extracting(DialogDefinition.Tab::name).containsExactly("tabMain", "tabContent");
        assertThat(dialog.tabs().get(0).fieldNames()).containsExactly("title", "subtitle"); // !include as map value
        Map<String, String> types = new java.util.LinkedHashMap<>();
        dialog.fields().forEach(f -> types.put(f.name(), f.type()));
        assertThat(types).containsExactly(Map.entry("title", "textField"), Map.entry("subtitle", "textField"),
                Map.entry("body", "richTextField"), Map.entry("image", "damLinkField"),
                Map.entry("visible", "checkBoxField"), Map.entry("style", "comboBoxField"),
                Map.entry("links", "jcrMultiValueField"), Map.entry("when", "dateField"),
                Map.entry("secret", "hiddenField"));
        assertThat(field(dialog, "body").label()).isEqualTo("Corps du texte"); // !include list item + override
        assertThat(field(dialog, "image").workspace()).isEqualTo("dam");
        assertThat(field(dialog, "style").options()).extracting(o -> o.get("value")).containsExactly("light", "dark");
        assertThat(field(dialog, "links").field().type()).isEqualTo("pageLinkField");
        assertThat(registry.problems()).noneMatch(p -> "demo:components/text".equals(p.definitionId()));
    }

    @Test
    void inheritedDialogMergesNamedTabsAndOverridesTheirFields() {
        DialogDefinition teaser = registry.dialog("demo:components/teaser").orElseThrow();
        assertThat(teaser.label()).isEqualTo("Teaser");
        assertThat(teaser.tabs()).extracting(DialogDefinition.Tab::name).containsExactly("tabMain", "tabContent");
        assertThat(teaser.tabs().get(0).label()).isEqualTo("Main");
        assertThat(teaser.tabs().get(0).fieldNames()).containsExactly("headline");
    }

    @Test
    void readsContentTypesInListAndMapForms() {
        ContentTypeDefinition tour = registry.contentType("demo:tour").orElseThrow();
        assertThat(tour.workspace()).isEqualTo("tours");
        assertThat(tour.nodeType()).isEqualTo("uo:tour");
        assertThat(tour.autoCreate()).isTrue();
        assertThat(tour.namespaces()).containsEntry("uo", "https://www.usinesouvertes.fr/jcr/1.0/uo");
        assertThat(tour.properties()).extracting(ContentTypeDefinition.Property::type)
                .containsExactly("String", "String", "asset", "Date", "Long", "richText", "reference:page", "stop");
        assertThat(tour.properties().get(7).multiple()).isTrue();
        assertThat(tour.subModels()).extracting(ContentTypeDefinition.SubModel::name).containsExactly("stop");

        ContentTypeDefinition partner = registry.contentType("partner").orElseThrow();
        assertThat(partner.workspace()).isEqualTo("partners");
        assertThat(partner.nodeType()).isEqualTo("mgnl:contentNode");
        assertThat(partner.properties()).extracting(ContentTypeDefinition.Property::name)
                .containsExactly("name", "logo", "website", "address");
        assertThat(partner.properties().get(0).required()).isTrue();
        assertThat(partner.subModels().get(0).properties()).extracting(ContentTypeDefinition.Property::name)
                .containsExactly("street", "city");
    }

    @Test
    void readsAppsFromContentTypesAndPlainApps() {
        assertThat(registry.apps()).extracting(a -> a.id() + "=" + a.contentType())
                .containsExactlyInAnyOrder("demo:tours=tour", "demo:bookmarks=null", "demo:ghosts=ghost");
        var tours = registry.apps().stream().filter(a -> a.id().equals("demo:tours")).findFirst().orElseThrow();
        assertThat(tours.label()).isEqualTo("Parcours");
        assertThat(tours.overrides()).containsKey("subApps");
        assertThat(problem("demo/apps/ghosts.yaml").reason()).contains("unknown content type: ghost");
    }

    @Test
    void readsDeliveryEndpointsWithDerivedAndExplicitPaths() {
        DeliveryEndpointDefinition pages = registry.endpoint("delivery/pages/v1").orElseThrow();
        assertThat(pages.id()).isEqualTo("demo:delivery/pages_v1");
        assertThat(pages.depth()).isEqualTo(10);
        assertThat(pages.limit()).isEqualTo(10);
        assertThat(pages.referenceDepth()).isEqualTo(1);
        assertThat(pages.rootPath()).isEqualTo("/");
        assertThat(pages.nodeTypes()).containsExactly("mgnl:page");
        assertThat(pages.systemProperties()).containsExactly("mgnl:lastModified", "mgnl:template");
        assertThat(pages.references()).extracting(r -> r.name() + ":" + r.resolver() + ":" + r.targetWorkspace())
                .containsExactly("assetReference:asset:dam", "pageReference:jcr:website");
        assertThat(pages.references().get(0).assetRenditions()).containsExactly("960x720", "480x360");

        DeliveryEndpointDefinition tours = registry.endpoint("delivery/tours/v2").orElseThrow();
        assertThat(tours.workspace()).isEqualTo("tours");
        assertThat(tours.depth()).isZero();
        assertThat(tours.limit()).isEqualTo(50);
        assertThat(tours.referenceDepth()).isEqualTo(-1);
        // Magnolia's defaults
        assertThat(tours.nodeTypes()).containsExactly("mgnl:content");
        assertThat(tours.includeSystemProperties()).isTrue();
        assertThat(tours.referenceRepeat()).isFalse();
        assertThat(tours.typedValues()).isFalse();

        assertThat(registry.endpoints()).hasSize(2); // the v1 legacy endpoint is reported, kept raw only
        assertThat(registry.definition(DefinitionType.REST_ENDPOINT, "demo:legacy_v1")).isPresent();
        assertThat(problem("demo/restEndpoints/legacy_v1.yaml").severity()).isEqualTo("error");
        assertThat(problem("demo/restEndpoints/legacy_v1.yaml").reason()).startsWith("unsupported endpoint type "
                + "info.magnolia.rest.delivery.jcr.v1.JcrDeliveryEndpointDefinition: the endpoint is not served");
    }

    @Test
    void endpointPathDerivationFollowsMagnolia() {
        assertThat(EndpointReader.endpointPath(Map.of(), "m:delivery/pages_v1")).isEqualTo("delivery/pages/v1");
        assertThat(EndpointReader.endpointPath(Map.of(), "m:a/b/press_releases_v12")).isEqualTo("a/b/press_releases/v12");
        assertThat(EndpointReader.endpointPath(Map.of(), "m:delivery/nav")).isEqualTo("delivery/nav");
    }

    @Test
    void keepsOtherDefinitionFoldersAsRawDefinitions() {
        assertThat(registry.definition(DefinitionType.SITE, "demo:main")).hasValueSatisfying(
                d -> assertThat(d.properties()).containsKey("i18n"));
        assertThat(registry.definition(DefinitionType.BLOCK, "demo:quote")).isPresent();
        assertThat(registry.definition(DefinitionType.TEMPLATE, "demo:pages/home")).hasValueSatisfying(
                d -> assertThat(d.source()).isEqualTo("demo/templates/pages/home.yaml"));
        assertThat(registry.definition(DefinitionType.DIALOG, "demo:pages/home")).isPresent();
    }

    @Test
    void mergesMessageBundlesByLanguage() {
        assertThat(registry.messages().message("fr", "demo.greeting")).isEqualTo("Bienvenue à l’usine");
        assertThat(registry.messages().message("en", "demo.greeting")).isEqualTo("Welcome to the factory");
        assertThat(registry.messages().message("en", "tours.detail.label")).isEqualTo("Détail du parcours");
        assertThat(registry.messages().message("en", "decorator.label")).isEqualTo("Decorator");
        assertThat(registry.messages().message("de", "demo.only.base")).isEqualTo("Base");
        assertThat(registry.messages().message("fr", "events.slot")).isEqualTo("Créneau");
    }

    @Test
    void brokenFilesAreReportedWithPathAndLineWhileTheRestLoads() {
        assertThat(problem("broken/templates/pages/bad-syntax.yaml")).satisfies(p -> {
            assertThat(p.severity()).isEqualTo("error");
            assertThat(p.line()).isEqualTo(5);
            assertThat(p.reason()).startsWith("invalid YAML");
        });
        assertThat(problem("broken/templates/pages/missing-include.yaml")).satisfies(p -> {
            assertThat(p.line()).isEqualTo(3);
            assertThat(p.reason()).contains("included file not found: /broken/includes/does-not-exist.yaml");
        });
        assertThat(problem("broken/templates/pages/unknown-parent.yaml")).satisfies(p -> {
            assertThat(p.line()).isEqualTo(1);
            assertThat(p.definitionId()).isEqualTo("broken:pages/unknown-parent");
            assertThat(p.reason()).contains("demo:pages/does-not-exist");
        });
        assertThat(registry.problems()).anySatisfy(p -> {
            assertThat(p.reason()).contains("include cycle").contains("broken/dialogs/cycle.yaml");
            assertThat(p.line()).isEqualTo(1);
            assertThat(p.definitionId()).isEqualTo("broken:cycle");
        });
        assertThat(registry.template("broken:pages/bad-syntax")).isEmpty();
        assertThat(registry.template("broken:pages/missing-include")).isEmpty();
        assertThat(registry.template("broken:pages/unknown-parent")).isEmpty();
        assertThat(registry.dialog("broken:cycle")).isEmpty();
        assertThat(registry.template("broken:pages/fine")).isPresent();
        assertThat(registry.problems()).anySatisfy(p -> {
            assertThat(p.source()).isEqualTo("broken/templates/pages/loop-b.yaml");
            assertThat(p.reason()).startsWith("!inherit cycle");
        });
        assertThat(registry.template("broken:pages/loop-a")).isEmpty();
        assertThat(registry.template("broken:pages/loop-b")).isEmpty();
        assertThat(registry.problems()).noneMatch(p -> p.source().contains("includes/not-scanned"));
    }

    @Test
    void decorationOfAMissingDefinitionIsAWarning() {
        assertThat(problem("decorator/decorations/missing/templates/pages/nothing.yaml")).satisfies(p -> {
            assertThat(p.severity()).isEqualTo("warning");
            assertThat(p.reason()).contains("missing:pages/nothing");
        });
    }

    private static LightModuleInfo module(String name) {
        return registry.modules().stream().filter(m -> m.name().equals(name)).findFirst().orElseThrow();
    }

    private static Problem problem(String source) {
        List<Problem> found = registry.problems().stream().filter(p -> p.source().equals(source)).toList();
        assertThat(found).as("problems of " + source).hasSize(1);
        return found.get(0);
    }

    private static FieldDefinition field(DialogDefinition dialog, String name) {
        return dialog.fields().stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow();
    }
}
