package fr.usinesouvertes.platform.admin.authoring.form;

import static org.assertj.core.api.Assertions.assertThat;

import fr.usinesouvertes.platform.definition.DefinitionRegistry;
import fr.usinesouvertes.platform.repository.ContentRepository;
import freemarker.cache.ClassTemplateLoader;
import freemarker.core.HTMLOutputFormat;
import freemarker.template.Configuration;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The generated form as HTML: inputs per field kind, values escaped, errors next to their field. */
class FormViewTest {

    static DefinitionRegistry registry;
    static FormFixtures.Fixture fixture;
    static Configuration freemarker;

    @BeforeAll
    static void setUp() {
        registry = FormFixtures.registry();
        fixture = FormFixtures.repository();
        freemarker = new Configuration(Configuration.VERSION_2_3_34);
        freemarker.setTemplateLoader(new ClassTemplateLoader(FormViewTest.class, "/admin-templates"));
        freemarker.setTagSyntax(Configuration.SQUARE_BRACKET_TAG_SYNTAX);
        freemarker.setOutputFormat(HTMLOutputFormat.INSTANCE);
    }

    @AfterAll
    static void tearDown() {
        fixture.repository().close();
    }

    private Document render(FormValues values, List<FieldError> errors, String lang) throws Exception {
        Form form = FormFixtures.allFields(registry);
        ContentRepository repository = fixture.repository();
        Map<String, Object> view = repository.read(session -> FormView.of(form, values, errors, session, lang));
        StringWriter out = new StringWriter();
        freemarker.getTemplate("authoring-test/form-page.ftlh").process(Map.of("view", view, "lang", lang), out);
        return Jsoup.parse(out.toString());
    }

    @Test
    void everyFieldKindHasItsInput() throws Exception {
        FormValues values = FormValues.empty().set("title", "Titre <b>brut</b>").set("title_en", "Title")
                .set("summary", "a").set("start", "2026-03-20T09:30").set("day", "2026-03-21")
                .set("hideInNav", "true").set("role", "regional").set("roles", List.of("b"))
                .set("page", fixture.pageId()).set("image", "jcr:" + fixture.assetId())
                .set("tags", List.of("usine")).set("dates.0.label", "Ouverture").set("visual.field", "text")
                .set("secret", "s3");
        Document html = render(values, List.of(), "fr");
        assertThat(html.select("input[name=_csrf]").val()).isEqualTo("tok");
        assertThat(html.select("input#f-title").val()).isEqualTo("Titre <b>brut</b>");
        assertThat(html.select("input#f-title").outerHtml()).contains("&lt;b&gt;");
        assertThat(html.select("label[for=f-title]").text()).contains("Titre – Français").contains("*");
        assertThat(html.select("label[for=f-title_en]").text()).contains("Titre – English");
        assertThat(html.select("fieldset.i18n-field:has(#f-title) > legend").text()).isEqualTo("Titre");
        assertThat(html.select("input#f-title_en").val()).isEqualTo("Title");
        assertThat(html.select("input#f-title").attr("maxlength")).isEqualTo("20");
        assertThat(html.select("textarea#f-summary").attr("rows")).isEqualTo("3");
        assertThat(html.select("textarea#f-body").hasClass("rich-text")).isTrue();
        assertThat(html.select("input#f-start").attr("type")).isEqualTo("datetime-local");
        assertThat(html.select("input#f-start").val()).isEqualTo("2026-03-20T09:30");
        assertThat(html.select("input#f-day").attr("type")).isEqualTo("date");
        assertThat(html.select("input#f-hideInNav").hasAttr("checked")).isTrue();
        assertThat(html.select("input#f-legacyFlag").hasAttr("checked")).isFalse();
        assertThat(html.select("select#f-role option[selected]").val()).isEqualTo("regional");
        assertThat(html.select("input[name=roles][checked]").val()).isEqualTo("b");
        assertThat(html.select("select#f-page option[selected]").val()).isEqualTo(fixture.pageId());
        assertThat(html.select("select#f-page option").eachAttr("value")).contains(fixture.pageId());
        assertThat(html.select("select#f-image option[selected]").val()).isEqualTo("jcr:" + fixture.assetId());
        assertThat(html.select("select#f-partner option").eachAttr("value")).contains(fixture.partnerId());
        assertThat(html.select("input[name=tags]").eachAttr("value")).containsExactly("usine", "", "");
        assertThat(html.select("input#f-address-city")).hasSize(1);
        assertThat(html.select("input#f-dates-0-label").val()).isEqualTo("Ouverture");
        assertThat(html.select("input#f-dates-1-label").val()).isEmpty(); // a blank row to add one
        assertThat(html.select("input[name=dates.0._delete]")).hasSize(1);
        assertThat(html.select("select#f-visual-field option[selected]").val()).isEqualTo("text");
        assertThat(html.select("input#f-visual-visualText")).hasSize(1);
        assertThat(html.select("input[type=hidden]#f-secret").val()).isEqualTo("s3");
        assertThat(html.select("input[type=file]#f-attachment")).hasSize(1);
        assertThat(html.select(".error-summary")).isEmpty();
    }

    @Test
    void errorsAreSummarisedAndShownNextToTheirField() throws Exception {
        List<FieldError> errors = List.of(new FieldError("title", "Titre", "Ce champ est obligatoire.", "This field is required."),
                new FieldError("dates.0.date", "Date", "Date invalide (attendu : AAAA-MM-JJ).", "Invalid date (expected: YYYY-MM-DD)."));
        Document html = render(FormValues.empty().set("dates.0.date", "32/13"), errors, "fr");
        Element summary = html.selectFirst(".error-summary");
        assertThat(summary.attr("role")).isEqualTo("alert");
        assertThat(summary.select("a").eachAttr("href")).containsExactly("#f-title", "#f-dates-0-date");
        assertThat(summary.text()).contains("2 erreur(s)").contains("Titre : Ce champ est obligatoire.");
        Element title = html.selectFirst("#f-title");
        assertThat(title.attr("aria-invalid")).isEqualTo("true");
        assertThat(html.selectFirst("#" + title.attr("aria-describedby").trim()).text()).isEqualTo("Ce champ est obligatoire.");
        Element date = html.selectFirst("#f-dates-0-date");
        assertThat(date.val()).isEqualTo("32/13");
        assertThat(html.selectFirst("#f-dates-0-date-error").text()).startsWith("Date invalide");
        Document english = render(FormValues.empty(), errors, "en");
        assertThat(english.selectFirst("#f-title-error").text()).isEqualTo("This field is required.");
        assertThat(english.selectFirst(".error-summary h2").text()).isEqualTo("The form has 2 error(s)");
    }
}
