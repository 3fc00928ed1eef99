package fr.usinesouvertes.platform.admin.authoring.form;

import static org.assertj.core.api.Assertions.assertThat;

import fr.usinesouvertes.platform.definition.DefinitionRegistry;
import fr.usinesouvertes.platform.repository.ContentRepository;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Calendar;
import java.util.List;
import javax.jcr.Node;
import javax.jcr.PropertyType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The form engine against a real Oak repository: every field type stored, read back, and refused when invalid. */
class FormSubmissionTest {

    static final String COMPONENT = "/website/home/main/0";
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-02-10T09:00:00Z"), ZoneOffset.UTC);
    static final java.time.ZoneId PARIS = java.time.ZoneId.of("Europe/Paris");
    static DefinitionRegistry registry;
    static Form form;
    FormFixtures.Fixture fixture;
    ContentRepository repository;

    @BeforeAll
    static void load() {
        registry = FormFixtures.registry();
        form = FormFixtures.allFields(registry);
    }

    @BeforeEach
    void open() {
        fixture = FormFixtures.repository();
        repository = fixture.repository();
    }

    @AfterEach
    void close() {
        repository.close();
    }

    private FormValues valid() {
        return FormValues.empty()
                .set("title", "Bonjour").set("title_en", "Hello")
                .set("summary", "Ligne 1\nLigne 2")
                .set("body", "<p>Texte <script>alert(1)</script><b>gras</b></p>")
                .set("body_en", "<p onclick=\"x()\">Text</p>")
                .set("start", "2026-03-20T09:30").set("day", "2026-03-21")
                .set("hideInNav", "true").set("maxItems", "5")
                .set("role", "regional").set("roles", List.of("a", "b"))
                .set("page", fixture.pageId()).set("image", "jcr:" + fixture.assetId())
                .set("partner", fixture.partnerId())
                .set("tags", List.of("usine", "", "visite"))
                .set("email", "contact@example.fr").set("code", "ABC")
                .set("address.street", "1 rue de la Forge").set("address.city", "Lyon")
                .set("dates.0.date", "2026-03-20").set("dates.0.label", "Ouverture").set("dates.0.label_en", "Opening")
                .set("dates.1.date", "").set("dates.1.label", "")
                .set("dates.2.date", "2026-03-21").set("dates.2.label", "Clôture")
                .set("visual.field", "text").set("visual.visualText", "Un texte").set("visual.visualImage", "")
                .set("secret", "s3")
                .file("attachment", new UploadedFile("note.txt", "text/plain", "bonjour".getBytes()));
    }

    private List<FieldError> submit(FormValues values) {
        return repository.write(session -> FormSubmission.apply(form, values, session.getNode(COMPONENT), "editor@x.fr", CLOCK, PARIS));
    }

    @Test
    void validValuesAreStoredWithTheirJcrTypes() {
        assertThat(submit(valid())).isEmpty();
        repository.read(session -> {
            Node node = session.getNode(COMPONENT);
            assertThat(node.getProperty("title").getString()).isEqualTo("Bonjour");
            assertThat(node.getProperty("title_en").getString()).isEqualTo("Hello");
            assertThat(node.getProperty("summary").getString()).isEqualTo("Ligne 1\nLigne 2");
            assertThat(node.getProperty("body").getString()).contains("<b>gras</b>").doesNotContain("script");
            assertThat(node.getProperty("body_en").getString()).isEqualTo("<p>Text</p>");
            assertThat(node.getProperty("start").getType()).isEqualTo(PropertyType.DATE);
            assertThat(node.getProperty("start").getDate().toInstant()).isEqualTo(Instant.parse("2026-03-20T08:30:00Z"));
            assertThat(node.getProperty("day").getDate().toInstant()).isEqualTo(Instant.parse("2026-03-20T23:00:00Z"));
            assertThat(node.getProperty("hideInNav").getType()).isEqualTo(PropertyType.BOOLEAN);
            assertThat(node.getProperty("hideInNav").getBoolean()).isTrue();
            assertThat(node.getProperty("legacyFlag").getBoolean()).isFalse();
            assertThat(node.getProperty("maxItems").getType()).isEqualTo(PropertyType.LONG);
            assertThat(node.getProperty("maxItems").getLong()).isEqualTo(5);
            assertThat(node.getProperty("role").getString()).isEqualTo("regional");
            assertThat(node.getProperty("roles").isMultiple()).isTrue();
            assertThat(node.getProperty("page").getString()).isEqualTo(fixture.pageId());
            assertThat(node.getProperty("image").getString()).isEqualTo("jcr:" + fixture.assetId());
            assertThat(node.getProperty("partner").getString()).isEqualTo(fixture.partnerId());
            assertThat(node.getProperty("tags").getValues()).extracting(v -> v.getString())
                    .containsExactly("usine", "visite");
            assertThat(node.getNode("address").getProperty("city").getString()).isEqualTo("Lyon");
            Node dates = node.getNode("dates");
            assertThat(dates.getNodes().getSize()).isEqualTo(2); // the blank row is dropped, rows renumbered
            assertThat(dates.getNode("0").getProperty("label_en").getString()).isEqualTo("Opening");
            assertThat(dates.getNode("1").getProperty("label").getString()).isEqualTo("Clôture");
            assertThat(node.getNode("visual").getProperty("field").getString()).isEqualTo("text");
            assertThat(node.getNode("visual").getProperty("visualText").getString()).isEqualTo("Un texte");
            assertThat(node.getNode("visual").hasProperty("visualImage")).isFalse();
            assertThat(node.getProperty("secret").getString()).isEqualTo("s3");
            assertThat(node.getNode("attachment").getProperty("fileName").getString()).isEqualTo("note.txt");
            assertThat(node.getProperty("mgnl:lastModifiedBy").getString()).isEqualTo("editor@x.fr");
            assertThat(node.getProperty("mgnl:lastModified").getDate().toInstant()).isEqualTo(CLOCK.instant());
            return null;
        });
    }

    @Test
    void storedValuesReadBackAsTheFormSentThem() {
        submit(valid());
        FormValues read = repository.read(session -> new FormReader(PARIS).read(form, session.getNode(COMPONENT)));
        assertThat(read.first("title_en")).isEqualTo("Hello");
        assertThat(read.first("start")).isEqualTo("2026-03-20T09:30");
        assertThat(read.first("day")).isEqualTo("2026-03-21");
        assertThat(read.first("hideInNav")).isEqualTo("true");
        assertThat(read.first("maxItems")).isEqualTo("5");
        assertThat(read.all("roles")).containsExactly("a", "b");
        assertThat(read.all("tags")).containsExactly("usine", "visite");
        assertThat(read.first("address.city")).isEqualTo("Lyon");
        assertThat(read.first("dates.1.label")).isEqualTo("Clôture");
        assertThat(read.first("dates.1.date")).isEqualTo("2026-03-21");
        assertThat(read.first("visual.field")).isEqualTo("text");
        assertThat(read.first("visual.visualText")).isEqualTo("Un texte");
        // submitting what was read back changes nothing
        assertThat(submit(read)).isEmpty();
        FormValues again = repository.read(session -> new FormReader(PARIS).read(form, session.getNode(COMPONENT)));
        assertThat(again.asMap()).isEqualTo(read.asMap());
    }

    @Test
    void aNewNodeShowsTheDefaultValues() throws Exception {
        FormValues values = new FormReader(PARIS).read(form, null);
        assertThat(values.first("maxItems")).isEqualTo("3");
        assertThat(values.first("hideInNav")).isEqualTo("false");
    }

    @Test
    void emptyingAFieldRemovesItsPropertyAndDeletedRowsGo() {
        submit(valid());
        FormValues values = valid().set("summary", "").set("title_en", "").set("tags", List.of())
                .set("dates.0._delete", "on");
        assertThat(submit(values)).isEmpty();
        repository.read(session -> {
            Node node = session.getNode(COMPONENT);
            assertThat(node.hasProperty("summary")).isFalse();
            assertThat(node.hasProperty("title_en")).isFalse();
            assertThat(node.hasProperty("tags")).isFalse();
            assertThat(node.getNode("dates").getNodes().getSize()).isEqualTo(1);
            assertThat(node.getNode("dates/0").getProperty("label").getString()).isEqualTo("Clôture");
            return null;
        });
    }

    @Test
    void switchingOptionDropsTheOtherOptionsFields() {
        submit(valid());
        assertThat(submit(valid().set("visual.field", "image").set("visual.visualImage", fixture.assetId()))).isEmpty();
        repository.read(session -> {
            Node visual = session.getNode(COMPONENT + "/visual");
            assertThat(visual.getProperty("field").getString()).isEqualTo("image");
            assertThat(visual.getProperty("visualImage").getString()).isEqualTo("jcr:" + fixture.assetId());
            assertThat(visual.hasProperty("visualText")).isFalse();
            return null;
        });
    }

    @Test
    void invalidValuesAreReportedPerFieldInFrenchAndNothingIsWritten() {
        submit(valid());
        FormValues bad = valid()
                .set("title", "").set("title_en", "x".repeat(21))
                .set("start", "20/03/2026").set("day", "demain")
                .set("maxItems", "trois").set("role", "pirate").set("roles", List.of("a", "z"))
                .set("page", "00000000-0000-4000-8000-000000000000").set("image", "jcr:not-an-id")
                .set("partner", fixture.pageId()) // a page is not a partner
                .set("tags", List.of("beaucoup trop long"))
                .set("email", "pas-une-adresse").set("code", "abc")
                .set("address.city", "")
                .set("dates.0.date", "32/13/2026")
                .set("visual.field", "text").set("visual.visualText", "")
                .set("hideInNav", "maybe");
        List<FieldError> errors = submit(bad);
        assertThat(errors).extracting(FieldError::field).containsExactly("title", "title_en", "start", "day",
                "hideInNav", "maxItems", "role", "roles", "page", "image", "partner", "tags", "email", "code",
                "address.city", "dates.0.date", "visual.visualText");
        assertThat(errors.get(0).message()).isEqualTo("Ce champ est obligatoire.");
        assertThat(errors.get(0).messageEn()).isEqualTo("This field is required.");
        assertThat(errors.get(0).label()).isEqualTo("Titre");
        assertThat(errors.get(1).message()).isEqualTo("20 caractères au plus (actuellement 21).");
        assertThat(errors.get(2).message()).startsWith("Date et heure invalides");
        assertThat(errors.get(5).message()).isEqualTo("Nombre entier attendu.");
        assertThat(errors.get(6).message()).isEqualTo("Choix inconnu.");
        assertThat(errors.get(8).message()).isEqualTo("Page introuvable.");
        assertThat(errors.get(9).message()).isEqualTo("Fichier introuvable dans la médiathèque.");
        assertThat(errors.get(10).message()).isEqualTo("Élément introuvable.");
        assertThat(errors.get(12).message()).isEqualTo("Adresse e-mail invalide.");
        assertThat(errors.get(13).message()).isEqualTo("Trois majuscules");
        repository.read(session -> {
            Node node = session.getNode(COMPONENT);
            assertThat(node.getProperty("title").getString()).isEqualTo("Bonjour");
            assertThat(node.getProperty("maxItems").getLong()).isEqualTo(5);
            assertThat(node.getNode("address").getProperty("city").getString()).isEqualTo("Lyon");
            Calendar start = node.getProperty("start").getDate();
            assertThat(start.toInstant()).isEqualTo(Instant.parse("2026-03-20T08:30:00Z"));
            return null;
        });
    }

    @Test
    void aRichTextWithOnlyMarkupCountsAsEmptyForARequiredField() {
        FormField body = new FormField("body", FieldKind.RICH_TEXT, "Texte", null, false, true, null, 1, false,
                ValueType.STRING, List.of(), null, null, List.of(), java.util.Map.of(), null, false, null, null);
        Form required = new Form("Texte", List.of(body));
        List<FieldError> empty = repository.read(session -> FormValidator.validate(required,
                FormValues.empty().set("body", "<p> </p><br>"), session));
        assertThat(empty).extracting(FieldError::field).containsExactly("body");
        List<FieldError> filled = repository.read(session -> FormValidator.validate(required,
                FormValues.empty().set("body", "<p>Oui</p>"), session));
        assertThat(filled).isEmpty();
    }

    @Test
    void aRequiredMultiFieldNeedsOneRowAndItsRowsAreChecked() {
        Form news = FormFixtures.contentTypeForm(registry, "news", "news");
        FormValues values = FormValues.empty().set("title", "Titre").set("date", "2026-01-01T10:00")
                .set("places.0.city", "").set("places.0.zip", "69000")
                .set("attachments", List.of(fixture.assetId()));
        List<FieldError> errors = repository.read(session -> FormValidator.validate(news, values, session));
        assertThat(errors).extracting(FieldError::field).containsExactly("places.0.city");
    }
}
