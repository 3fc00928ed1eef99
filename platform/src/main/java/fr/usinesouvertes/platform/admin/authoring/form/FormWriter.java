package fr.usinesouvertes.platform.admin.authoring.form;

import fr.usinesouvertes.platform.rendering.RichTextPageLinks;
import fr.usinesouvertes.platform.rendering.RichTextSanitizer;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.time.ZoneId;
import java.util.Calendar;
import java.util.List;
import javax.jcr.Binary;
import javax.jcr.Node;
import javax.jcr.RepositoryException;
import javax.jcr.Value;
import javax.jcr.ValueFactory;

/**
 * Writes validated form values onto a node: strings, numbers, booleans and JCR dates as typed
 * properties, i18n fields as {@code name_<lang>}, multi-values as multi-valued properties, composite and
 * switchable fields on a child node, multi-field rows as children {@code 0, 1, ...} of a child node, rich
 * text sanitised (what cleaning removed is kept as a {@link FieldNotice}). An empty value removes the property. The caller saves (or not) the session.
 */
public final class FormWriter {

    private static final String CHILD_TYPE = "mgnl:contentNode";

    private final ZoneId zone;
    private final List<FieldNotice> notices = new ArrayList<>();

    private final SiteAddresses addresses;

    /** {@code zone}: the site's time zone, in which a date without time is that day's midnight. */
    public FormWriter(ZoneId zone) {
        this(zone, SiteAddresses.NONE);
    }

    /** {@code addresses}: the pages rich text links to, whose ids are stored with the links (rename-proof). */
    public FormWriter(ZoneId zone, SiteAddresses addresses) {
        this.zone = zone;
        this.addresses = addresses;
    }

    /** What the writes so far changed in the values they were given (what cleaning removed from rich text). */
    public List<FieldNotice> notices() {
        return List.copyOf(notices);
    }

    /** Writes {@code values}, which {@link FormValidator} found valid, onto {@code node}. */
    public void write(Form form, FormValues values, Node node) throws RepositoryException {
        for (FormField field : form.fields()) {
            write(field, values, node, "");
        }
    }

    private void write(FormField field, FormValues values, Node node, String prefix) throws RepositoryException {
        String name = prefix + field.name();
        switch (field.kind()) {
            case STATIC -> {
                // nothing stored
            }
            case UPLOAD -> writeUpload(field, values.fileOf(name), node);
            case COMPOSITE -> {
                Node child = childNode(node, field.name());
                for (FormField sub : field.children()) {
                    write(sub, values, child, name + ".");
                }
            }
            case SWITCHABLE -> writeSwitchable(field, values, node, name);
            case MULTI_FIELD -> writeRows(field, values, node, name);
            case MULTI_VALUE, CHECKBOX_GROUP -> writeMultiValue(field, values.all(name), node);
            case CHECKBOX -> node.setProperty(field.name(), List.of("true", "on").contains(values.first(name)));
            default -> {
                writeOne(field, name, field.name(), values.first(name), node);
                if (field.i18n()) {
                    for (String language : Form.OTHER_LANGUAGES) {
                        writeOne(field, name + "_" + language, field.name() + "_" + language,
                                values.first(name + "_" + language), node);
                    }
                }
            }
        }
    }

    private void writeSwitchable(FormField field, FormValues values, Node node, String name)
            throws RepositoryException {
        String option = values.first(name + ".field");
        if (node.hasNode(field.name())) {
            node.getNode(field.name()).remove(); // the fields of the option no longer chosen must not linger
        }
        if (option.isEmpty()) {
            return;
        }
        Node child = node.addNode(field.name(), CHILD_TYPE);
        child.setProperty("field", option);
        List<String> shown = field.switchForms().getOrDefault(option, List.of());
        for (FormField sub : field.children()) {
            if (shown.contains(sub.name())) {
                write(sub, values, child, name + ".");
            }
        }
    }

    private void writeRows(FormField field, FormValues values, Node node, String name) throws RepositoryException {
        if (node.hasNode(field.name())) {
            node.getNode(field.name()).remove();
        }
        List<String> kept = new ArrayList<>();
        for (int row : values.rows(name + ".")) {
            String rowPrefix = name + "." + row + ".";
            if (values.first(rowPrefix + FormValues.DELETE).isEmpty() && values.anyValueUnder(rowPrefix)) {
                kept.add(rowPrefix);
            }
        }
        if (kept.isEmpty()) {
            return;
        }
        Node rows = node.addNode(field.name(), CHILD_TYPE);
        for (int i = 0; i < kept.size(); i++) {
            Node row = rows.addNode(String.valueOf(i), CHILD_TYPE);
            List<FormField> fields = field.item().kind() == FieldKind.COMPOSITE ? field.item().children()
                    : List.of(field.item());
            for (FormField sub : fields) {
                write(sub, values, row, kept.get(i));
            }
        }
    }

    private void writeMultiValue(FormField field, List<String> all, Node node) throws RepositoryException {
        if (all.isEmpty()) {
            remove(node, field.name());
            return;
        }
        FormField item = field.item() == null ? field : field.item();
        ValueFactory factory = node.getSession().getValueFactory();
        Value[] array = new Value[all.size()];
        for (int i = 0; i < array.length; i++) {
            array[i] = value(item, all.get(i), factory);
        }
        remove(node, field.name()); // a single-valued property cannot become multi-valued in place
        node.setProperty(field.name(), array);
    }

    private void writeOne(FormField field, String input, String property, String text, Node node)
            throws RepositoryException {
        if (text.isEmpty()) {
            remove(node, property);
            return;
        }
        Value value;
        if (field.kind() == FieldKind.RICH_TEXT) {
            RichTextSanitizer.Result cleaned = RichTextSanitizer.check(text);
            if (!cleaned.removed().isEmpty()) {
                notices.add(FieldNotice.richTextCleaned(input, cleaned.removed()));
            }
            value = node.getSession().getValueFactory().createValue(RichTextPageLinks.stamp(cleaned.html(),
                    addresses::pageId));
        } else {
            value = value(field, text, node.getSession().getValueFactory());
        }
        if (node.hasProperty(property) && node.getProperty(property).isMultiple()) {
            node.getProperty(property).remove();
        }
        node.setProperty(property, value);
    }

    private Value value(FormField field, String text, ValueFactory factory) {
        return switch (field.kind()) {
            case DATE -> {
                Calendar date = FormDates.parse(text, field.time(), zone).orElseThrow(
                        () -> new IllegalArgumentException("not a date: " + text));
                yield factory.createValue(date);
            }
            case RICH_TEXT -> factory.createValue(RichTextPageLinks.stamp(RichTextSanitizer.check(text).html(),
                    addresses::pageId));
            case CHECKBOX -> factory.createValue(List.of("true", "on").contains(text));
            case ASSET_LINK -> factory.createValue(text.startsWith("jcr:") ? text : "jcr:" + text);
            default -> switch (field.valueType()) {
                case LONG -> factory.createValue(Long.parseLong(text));
                case DOUBLE -> factory.createValue(Double.parseDouble(text.replace(',', '.')));
                case DECIMAL -> factory.createValue(new BigDecimal(text.replace(',', '.')));
                case STRING -> factory.createValue(text);
            };
        };
    }

    private void writeUpload(FormField field, UploadedFile file, Node node) throws RepositoryException {
        if (file == null || file.data().length == 0) {
            return; // no new file: keep the stored one
        }
        if (node.hasNode(field.name())) {
            node.getNode(field.name()).remove();
        }
        Node resource = node.addNode(field.name(), "mgnl:resource");
        Binary binary = node.getSession().getValueFactory().createBinary(new ByteArrayInputStream(file.data()));
        resource.setProperty("jcr:data", binary);
        resource.setProperty("jcr:mimeType", file.declaredType() == null ? "application/octet-stream" : file.declaredType());
        resource.setProperty("fileName", file.fileName());
        resource.setProperty("size", (long) file.data().length);
        resource.setProperty("jcr:lastModified", Calendar.getInstance());
    }

    private Node childNode(Node node, String name) throws RepositoryException {
        return node.hasNode(name) ? node.getNode(name) : node.addNode(name, CHILD_TYPE);
    }

    private void remove(Node node, String property) throws RepositoryException {
        if (node.hasProperty(property)) {
            node.getProperty(property).remove();
        }
    }
}
