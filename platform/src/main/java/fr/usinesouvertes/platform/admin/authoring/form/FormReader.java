package fr.usinesouvertes.platform.admin.authoring.form;

import fr.usinesouvertes.platform.rendering.RichTextPageLinks;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import javax.jcr.Node;
import javax.jcr.NodeIterator;
import javax.jcr.Property;
import javax.jcr.PropertyType;
import javax.jcr.RepositoryException;
import javax.jcr.Value;

/** Reads a stored node into form values, the inverse of {@link FormWriter}. */
public final class FormReader {

    private final ZoneId zone;
    private final SiteAddresses addresses;

    /** {@code zone}: the site's time zone, in which stored dates are shown. */
    public FormReader(ZoneId zone) {
        this(zone, SiteAddresses.NONE);
    }

    /** {@code addresses}: where rich text's links to pages point now (a renamed page's links show its new address). */
    public FormReader(ZoneId zone, SiteAddresses addresses) {
        this.zone = zone;
        this.addresses = addresses;
    }

    /** The values of {@code form} stored on {@code node}; a field's default value when the node is null. */
    public FormValues read(Form form, Node node) throws RepositoryException {
        FormValues values = FormValues.empty();
        for (FormField field : form.fields()) {
            read(field, node, "", values);
        }
        return values;
    }

    private void read(FormField field, Node node, String prefix, FormValues values) throws RepositoryException {
        String name = prefix + field.name();
        switch (field.kind()) {
            case STATIC, UPLOAD -> {
                // nothing to send back: static text is in the definition, a file stays until replaced
            }
            case COMPOSITE -> {
                Node child = child(node, field.name());
                for (FormField sub : field.children()) {
                    read(sub, child, name + ".", values);
                }
            }
            case SWITCHABLE -> {
                Node child = child(node, field.name());
                values.set(name + ".field", string(child, "field", false));
                for (FormField sub : field.children()) {
                    read(sub, child, name + ".", values);
                }
            }
            case MULTI_FIELD -> {
                Node child = child(node, field.name());
                if (child == null) {
                    return;
                }
                int row = 0;
                for (NodeIterator rows = child.getNodes(); rows.hasNext(); row++) {
                    Node rowNode = rows.nextNode();
                    String rowPrefix = name + "." + row + ".";
                    if (field.item().kind() == FieldKind.COMPOSITE) {
                        for (FormField sub : field.item().children()) {
                            read(sub, rowNode, rowPrefix, values);
                        }
                    } else {
                        read(field.item(), rowNode, rowPrefix, values);
                    }
                }
            }
            case MULTI_VALUE, CHECKBOX_GROUP -> values.set(name, strings(node, field.name(),
                    field.kind() == FieldKind.MULTI_VALUE && field.item() != null && field.item().time()));
            case CHECKBOX -> {
                String stored = string(node, field.name(), false);
                values.set(name, stored.isEmpty() && node == null ? field.defaultValue() : stored);
            }
            default -> {
                String stored = linked(field, string(node, field.name(), field.time()));
                values.set(name, stored.isEmpty() && node == null ? field.defaultValue() : stored);
                if (field.i18n()) {
                    for (String language : Form.OTHER_LANGUAGES) {
                        values.set(name + "_" + language,
                                linked(field, string(node, field.name() + "_" + language, field.time())));
                    }
                }
            }
        }
    }

    /** A rich text with its links to pages at the pages' current addresses; any other value as it is. */
    private String linked(FormField field, String value) {
        return field.kind() == FieldKind.RICH_TEXT ? RichTextPageLinks.refresh(value, addresses::address) : value;
    }

    private Node child(Node node, String name) throws RepositoryException {
        return node != null && node.hasNode(name) ? node.getNode(name) : null;
    }

    private String string(Node node, String name, boolean time) throws RepositoryException {
        if (node == null || !node.hasProperty(name)) {
            return "";
        }
        Property property = node.getProperty(name);
        Value value = property.isMultiple() ? (property.getValues().length == 0 ? null : property.getValues()[0])
                : property.getValue();
        return value == null ? "" : text(value, time);
    }

    private List<String> strings(Node node, String name, boolean time) throws RepositoryException {
        List<String> result = new ArrayList<>();
        if (node == null || !node.hasProperty(name)) {
            return result;
        }
        Property property = node.getProperty(name);
        if (!property.isMultiple()) {
            result.add(text(property.getValue(), time));
            return result;
        }
        for (Value value : property.getValues()) {
            result.add(text(value, time));
        }
        return result;
    }

    private String text(Value value, boolean time) throws RepositoryException {
        if (value.getType() == PropertyType.DATE) {
            return FormDates.format(value.getDate(), time, zone);
        }
        return value.getString();
    }
}
