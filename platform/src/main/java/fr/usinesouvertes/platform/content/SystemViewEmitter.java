package fr.usinesouvertes.platform.content;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Calendar;
import java.util.Date;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TimeZone;
import org.apache.jackrabbit.util.ISO8601;
import org.xml.sax.ContentHandler;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.AttributesImpl;

/**
 * Turns one node of a {@link MagnoliaYamlFile} into JCR system-view events, the form in which the
 * repository's own importer keeps {@code jcr:uuid}, applies mixins and types every value.
 *
 * <p>Typing follows the YAML value: string → String, integer → Long (Decimal past 64 bits), float →
 * Double, boolean → Boolean, timestamp → Date, {@code !!binary} → Binary, a {@link TypedValue} → its type, list → multi-valued property
 * of its items' type (String when empty). A quoted ISO date-time in one of Magnolia's date properties
 * ({@code mgnl:created}, {@code mgnl:lastModified}, ...) is a Date too, as older exports write them.
 * A map is a child node; without {@code jcr:primaryType} it becomes an {@code mgnl:contentNode}, the
 * default child type of Magnolia's node types.
 */
final class SystemViewEmitter {

    static final String SV = "http://www.jcp.org/jcr/sv/1.0";
    static final String DEFAULT_CHILD_TYPE = "mgnl:contentNode";
    private static final Set<String> DATE_PROPERTIES = Set.of("mgnl:created", "mgnl:lastModified",
            "mgnl:lastActivated", "mgnl:lastActivatedVersionCreated", "mgnl:deleted", "jcr:created",
            "jcr:lastModified");
    private static final String PRIMARY_TYPE = "jcr:primaryType";
    private static final String MIXIN_TYPES = "jcr:mixinTypes";
    private static final String UUID = "jcr:uuid";

    private final ContentHandler handler;

    SystemViewEmitter(ContentHandler handler) {
        this.handler = handler;
    }

    /** Emits a whole document holding one node and its subtree. */
    void emitDocument(String name, Map<String, Object> node, String path) throws SAXException {
        handler.startDocument();
        handler.startPrefixMapping("sv", SV);
        emitNode(name, node, path);
        handler.endPrefixMapping("sv");
        handler.endDocument();
    }

    @SuppressWarnings("unchecked")
    private void emitNode(String name, Map<String, Object> node, String path) throws SAXException {
        handler.startElement(SV, "node", "sv:node", nameAttribute(name, null));
        emitProperty(PRIMARY_TYPE, "Name", false, List.of(primaryType(node, path)));
        if (node.containsKey(MIXIN_TYPES)) {
            emitProperty(MIXIN_TYPES, "Name", true, names(node.get(MIXIN_TYPES), path));
        }
        if (node.containsKey(UUID)) {
            emitProperty(UUID, "String", false, List.of(text(node.get(UUID), path + "/" + UUID)));
        }
        for (Map.Entry<String, Object> entry : node.entrySet()) {
            String key = entry.getKey();
            if (!(entry.getValue() instanceof Map) && !key.equals(PRIMARY_TYPE) && !key.equals(MIXIN_TYPES)
                    && !key.equals(UUID)) {
                emitValue(key, entry.getValue(), path + "/" + key);
            }
        }
        for (Map.Entry<String, Object> entry : node.entrySet()) {
            if (entry.getValue() instanceof Map) {
                emitNode(entry.getKey(), (Map<String, Object>) entry.getValue(), path + "/" + entry.getKey());
            }
        }
        handler.endElement(SV, "node", "sv:node");
    }

    static String primaryType(Map<String, Object> node, String path) {
        Object type = node.get(PRIMARY_TYPE);
        return type == null ? DEFAULT_CHILD_TYPE : text(type, path + "/" + PRIMARY_TYPE);
    }

    static List<String> names(Object value, String path) {
        List<String> names = new ArrayList<>();
        if (value instanceof List<?> list) {
            list.forEach(item -> names.add(text(item, path + "/" + MIXIN_TYPES)));
        } else {
            names.add(text(value, path + "/" + MIXIN_TYPES));
        }
        return names;
    }

    private static String text(Object value, String where) {
        if (!(value instanceof String text)) {
            throw new ContentImportException("'" + where + "' must be a string, not " + describe(value));
        }
        return text;
    }

    private void emitValue(String name, Object value, String where) throws SAXException {
        if (value instanceof List<?> list) {
            String type = list.isEmpty() ? "String" : null;
            List<String> values = new ArrayList<>();
            for (Object item : list) {
                Typed typed = typed(name, item, where);
                if (type != null && !type.equals(typed.type())) {
                    throw new ContentImportException("'" + where + "' mixes " + type + " and " + typed.type() + " values");
                }
                type = typed.type();
                values.add(typed.text());
            }
            emitProperty(name, type, true, values);
        } else {
            Typed typed = typed(name, value, where);
            emitProperty(name, typed.type(), false, List.of(typed.text()));
        }
    }

    private static Typed typed(String name, Object value, String where) {
        if (value instanceof String text) {
            Calendar date = DATE_PROPERTIES.contains(name) ? isoDate(text) : null;
            return date != null ? new Typed("Date", ISO8601.format(date)) : new Typed("String", text);
        }
        if (value instanceof Boolean || value instanceof Integer || value instanceof Long) {
            return new Typed(value instanceof Boolean ? "Boolean" : "Long", value.toString());
        }
        if (value instanceof BigInteger big) {
            return new Typed("Decimal", new BigDecimal(big).toPlainString());
        }
        if (value instanceof Double || value instanceof Float) {
            return new Typed("Double", value.toString());
        }
        if (value instanceof Calendar calendar) {
            return new Typed("Date", ISO8601.format(calendar));
        }
        if (value instanceof Date date) {
            GregorianCalendar calendar = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
            calendar.setTime(date);
            return new Typed("Date", ISO8601.format(calendar));
        }
        if (value instanceof byte[] bytes) {
            return new Typed("Binary", Base64.getEncoder().encodeToString(bytes));
        }
        if (value instanceof TypedValue tagged) {
            return new Typed(tagged.type(), tagged.text());
        }
        throw new ContentImportException("'" + where + "' has " + describe(value)
                + ", which is not a property value (string, number, boolean, date, binary or a list of them)");
    }

    private static Calendar isoDate(String text) {
        try {
            OffsetDateTime parsed = OffsetDateTime.parse(text.trim());
            return GregorianCalendar.from(parsed.toZonedDateTime());
        } catch (DateTimeParseException e) {
            return null; // not a date: kept as the string it is
        }
    }

    private static String describe(Object value) {
        if (value == null) {
            return "no value";
        }
        return value instanceof List ? "a list" : value instanceof Map ? "a map" : "a " + value.getClass().getSimpleName();
    }

    private void emitProperty(String name, String type, boolean multiple, List<String> values) throws SAXException {
        AttributesImpl attributes = nameAttribute(name, type);
        if (multiple) {
            attributes.addAttribute(SV, "multiple", "sv:multiple", "CDATA", "true");
        }
        handler.startElement(SV, "property", "sv:property", attributes);
        for (String value : values) {
            handler.startElement(SV, "value", "sv:value", new AttributesImpl());
            char[] chars = value.toCharArray();
            handler.characters(chars, 0, chars.length);
            handler.endElement(SV, "value", "sv:value");
        }
        handler.endElement(SV, "property", "sv:property");
    }

    private static AttributesImpl nameAttribute(String name, String type) {
        AttributesImpl attributes = new AttributesImpl();
        attributes.addAttribute(SV, "name", "sv:name", "CDATA", name);
        if (type != null) {
            attributes.addAttribute(SV, "type", "sv:type", "CDATA", type);
        }
        return attributes;
    }

    private record Typed(String type, String text) {
    }
}
