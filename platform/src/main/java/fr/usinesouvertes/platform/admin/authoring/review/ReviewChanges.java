package fr.usinesouvertes.platform.admin.authoring.review;

import fr.usinesouvertes.platform.admin.authoring.content.ContentApp;
import fr.usinesouvertes.platform.admin.authoring.form.FieldKind;
import fr.usinesouvertes.platform.admin.authoring.form.Form;
import fr.usinesouvertes.platform.admin.authoring.form.FormField;
import fr.usinesouvertes.platform.admin.authoring.form.Forms;
import fr.usinesouvertes.platform.definition.DefinitionRegistry;
import fr.usinesouvertes.platform.definition.TemplateDefinition;
import fr.usinesouvertes.platform.publishing.VersionDifference;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.jcr.Node;
import javax.jcr.RepositoryException;
import javax.jcr.Session;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Safelist;

/**
 * The differences between the published copy and the draft in the terms of the forms: each changed field by
 * its label (French, or English), the old (published) and the new (draft) value side by side, rich text rendered
 * (sanitised with jsoup's relaxed safelist, as the site does) rather than shown as markup, dates in the site's time
 * zone, options by their labels, links by the title of their target; for pages, the components added, removed or
 * changed, named by their template. Metadata ({@code mgnl:}, {@code jcr:} properties) is left out.
 */
final class ReviewChanges {

    private static final Safelist RICH = Safelist.relaxed().preserveRelativeLinks(true);
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final DefinitionRegistry registry;
    private final ZoneId zone;
    private final String lang;

    ReviewChanges(DefinitionRegistry registry, ZoneId zone, String lang) {
        this.registry = registry;
        this.zone = zone;
        this.lang = lang;
    }

    /**
     * One row per difference: {@code where} (the component, empty for the item itself), {@code label}, {@code before}
     * and {@code after} (HTML when {@code rich}, else text), {@code change} ({@code added}, {@code removed},
     * {@code changed}, {@code node_added}, {@code node_removed}). {@code session} reads the draft ({@code draft})
     * and whatever its links point to.
     */
    List<Map<String, Object>> rows(Session session, String workspace, Node draft, List<VersionDifference> differences)
            throws RepositoryException {
        Form itemForm = "website".equals(workspace) ? pageForm(draft) : contentForm(workspace);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (VersionDifference difference : differences) {
            if (difference.property() != null && (difference.property().startsWith("mgnl:")
                    || difference.property().startsWith("jcr:"))) {
                continue;
            }
            String change = difference.change().name().toLowerCase(java.util.Locale.ROOT);
            Node part = difference.path().equals("/") ? draft : child(draft, difference.path().substring(1));
            if ("website".equals(workspace) && !difference.path().equals("/")) {
                Map<String, Object> row = componentRow(session, draft, difference, change);
                row.put("order", 1_000_000 + rows.size()); // components after the page's own fields, in place
                rows.add(row);
                continue;
            }
            Map<String, Object> row = new LinkedHashMap<>();
            String fieldName = difference.path().equals("/") ? difference.property()
                    : difference.path().substring(1).split("/")[0];
            row.put("order", order(itemForm, fieldName == null ? "" : fieldName));
            row.put("change", change);
            row.put("where", "");
            if (difference.property() == null) {
                FormField field = field(itemForm, difference.path().substring(1).split("/")[0]);
                row.put("label", field == null ? difference.path().substring(1) : field.displayLabel());
                row.put("before", difference.change() == VersionDifference.Change.NODE_REMOVED ? t("(supprimé)", "(removed)") : "");
                row.put("after", difference.change() == VersionDifference.Change.NODE_ADDED ? t("(ajouté)", "(added)") : "");
                row.put("rich", false);
                rows.add(row);
                continue;
            }
            FormField field = difference.path().equals("/") ? field(itemForm, difference.property())
                    : subField(itemForm, difference.path(), difference.property());
            fill(row, session, field, difference, label(itemForm, difference.path(), difference.property(), field));
            rows.add(row);
        }
        rows.sort(java.util.Comparator.comparingInt(row -> (Integer) row.get("order")));
        return rows;
    }

    /** Where a property comes in the form: its field's place, the other languages right after; unknown ones last. */
    private static int order(Form form, String property) {
        if (form != null) {
            String name = baseName(property);
            for (int i = 0; i < form.fields().size(); i++) {
                if (form.fields().get(i).name().equals(name)) {
                    return i * 10 + (name.equals(property) ? 0 : 1);
                }
            }
        }
        return 500_000;
    }

    private Map<String, Object> componentRow(Session session, Node page, VersionDifference difference, String change)
            throws RepositoryException {
        String[] segments = difference.path().substring(1).split("/");
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("change", change);
        Node component = segments.length >= 2 ? child(page, segments[0] + "/" + segments[1]) : null;
        String template = component != null && component.hasProperty("mgnl:template")
                ? component.getProperty("mgnl:template").getString() : null;
        String templateTitle = template == null ? null : registry.template(template)
                .map(t -> t.title() == null ? t.id() : t.title()).orElse(template);
        String area = t("zone « ", "area \"") + segments[0] + t(" »", "\"");
        row.put("where", segments.length >= 2 ? (templateTitle == null ? t("Composant ", "Component ") + segments[1]
                : templateTitle) + " (" + area + ")" : area);
        if (difference.property() == null) {
            boolean added = difference.change() == VersionDifference.Change.NODE_ADDED;
            row.put("label", segments.length >= 2 ? (added ? t("Composant ajouté", "Component added")
                    : t("Composant supprimé", "Component removed")) : (added ? t("Zone ajoutée", "Area added")
                    : t("Zone supprimée", "Area removed")));
            row.put("before", added ? "" : t("(supprimé)", "(removed)"));
            row.put("after", added ? summary(component) : "");
            row.put("rich", false);
            return row;
        }
        Form form = component == null ? null : dialogForm(template);
        FormField field = form == null ? null : (segments.length == 2 ? field(form, difference.property())
                : subField(form, "/" + String.join("/", java.util.Arrays.copyOfRange(segments, 2, segments.length)),
                difference.property()));
        fill(row, session, field, difference, form == null ? difference.property()
                : label(form, segments.length == 2 ? "/" : "/" + segments[2], difference.property(), field));
        return row;
    }

    /** The text values of a component just added, for the "new" column. */
    private String summary(Node component) throws RepositoryException {
        if (component == null) {
            return "";
        }
        List<String> values = new ArrayList<>();
        for (javax.jcr.PropertyIterator it = component.getProperties(); it.hasNext() && values.size() < 3; ) {
            javax.jcr.Property property = it.nextProperty();
            if (!property.isMultiple() && property.getType() == javax.jcr.PropertyType.STRING
                    && !property.getName().contains(":")) {
                String text = Jsoup.parse(property.getString()).text();
                values.add(text.length() > 80 ? text.substring(0, 80) + "…" : text);
            }
        }
        return String.join(" · ", values);
    }

    private void fill(Map<String, Object> row, Session session, FormField field, VersionDifference difference,
                      String label) throws RepositoryException {
        boolean rich = field != null && field.kind() == FieldKind.RICH_TEXT;
        row.put("label", label);
        row.put("rich", rich);
        row.put("before", value(session, field, difference.before(), rich));
        row.put("after", value(session, field, difference.after(), rich));
    }

    private String value(Session session, FormField field, String raw, boolean rich) throws RepositoryException {
        if (raw == null) {
            return "";
        }
        if (rich) {
            return Jsoup.clean(raw, "http://localhost/", RICH, new Document.OutputSettings().prettyPrint(false));
        }
        if (field == null) {
            return raw;
        }
        return switch (field.kind()) {
            case CHECKBOX -> "true".equals(raw) ? t("Oui", "Yes") : t("Non", "No");
            case DATE -> date(raw, field.time());
            case SELECT -> field.options().stream().filter(o -> o.value().equals(raw)).map(o -> o.label()).findFirst()
                    .orElse(raw);
            case PAGE_LINK, ASSET_LINK, LINK -> linked(session, raw);
            default -> raw;
        };
    }

    private String date(String raw, boolean time) {
        try {
            OffsetDateTime at = OffsetDateTime.parse(raw);
            return at.atZoneSameInstant(zone).format(time ? DATE_TIME : DATE);
        } catch (DateTimeParseException e) {
            return raw;
        }
    }

    /** The title (or name) and path of the node a link names by uuid ({@code jcr:} prefix for assets). */
    private static String linked(Session session, String raw) throws RepositoryException {
        String id = raw.startsWith("jcr:") ? raw.substring(4) : raw;
        try {
            Node target = session.getNodeByIdentifier(id);
            String title = target.hasProperty("title") ? target.getProperty("title").getString() : target.getName();
            String path = target.getPath();
            return title + " (" + path.substring(path.indexOf('/', 1)) + ")";
        } catch (javax.jcr.ItemNotFoundException | IllegalArgumentException e) {
            return raw;
        } catch (javax.jcr.RepositoryException e) {
            return raw;
        }
    }

    /** {@code Titre}, {@code Titre (anglais)} for {@code title_en}, {@code Pièces jointes › Fichier} in a sub-node. */
    private String label(Form form, String path, String property, FormField field) {
        String base;
        if (path.equals("/")) {
            base = field == null ? property : field.displayLabel();
        } else {
            FormField parent = field(form, path.substring(1).split("/")[0]);
            base = (parent == null ? path.substring(1) : parent.displayLabel()) + " › "
                    + (field == null ? property : field.displayLabel());
        }
        for (String other : Form.OTHER_LANGUAGES) {
            if (property.endsWith("_" + other) && field != null && field.i18n()) {
                return base + ("en".equals(other) ? t(" (anglais)", " (English)") : " (" + other + ")");
            }
        }
        return base;
    }

    /** The field stored as {@code property} (or its language variant) on the item itself. */
    private static FormField field(Form form, String property) {
        if (form == null) {
            return null;
        }
        String name = baseName(property);
        return form.fields().stream().filter(f -> f.name().equals(name)).findFirst().orElse(null);
    }

    /** A sub-field of the field whose child node holds the property (composite, multi-field rows). */
    private static FormField subField(Form form, String path, String property) {
        FormField parent = field(form, path.substring(1).split("/")[0]);
        if (parent == null) {
            return null;
        }
        List<FormField> children = new ArrayList<>(parent.children());
        if (parent.item() != null) {
            children.add(parent.item());
            children.addAll(parent.item().children());
        }
        String name = baseName(property);
        return children.stream().filter(f -> f.name().equals(name)).findFirst().orElse(null);
    }

    private static String baseName(String property) {
        for (String other : Form.OTHER_LANGUAGES) {
            if (property.endsWith("_" + other)) {
                return property.substring(0, property.length() - other.length() - 1);
            }
        }
        return property;
    }

    private Form pageForm(Node page) throws RepositoryException {
        return dialogForm(page.hasProperty("mgnl:template") ? page.getProperty("mgnl:template").getString() : null);
    }

    private Form dialogForm(String template) {
        if (template == null) {
            return null;
        }
        return registry.template(template).map(TemplateDefinition::dialog).flatMap(registry::dialog)
                .map(Forms::fromDialog).orElse(null);
    }

    private Form contentForm(String workspace) {
        Optional<ContentApp> app = ContentApp.all(registry).stream().filter(a -> a.workspace().equals(workspace))
                .findFirst();
        return app.map(a -> a.form(registry)).orElse(null);
    }

    private static Node child(Node node, String relative) throws RepositoryException {
        return node.hasNode(relative) ? node.getNode(relative) : null;
    }

    private String t(String fr, String en) {
        return "en".equals(lang) ? en : fr;
    }
}
