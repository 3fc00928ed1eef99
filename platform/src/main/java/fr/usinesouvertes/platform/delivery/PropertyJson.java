package fr.usinesouvertes.platform.delivery;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Calendar;
import java.util.Set;
import javax.jcr.Property;
import javax.jcr.PropertyType;
import javax.jcr.RepositoryException;
import javax.jcr.Value;

/**
 * Writes JCR values as JSON as Magnolia's Delivery API does: every value as a string ({@code "hideInNav": "false"},
 * {@code "duration": "7"}), dates in ISO-8601 with milliseconds and their stored offset
 * ({@code 2015-07-01T08:50:23.426Z}, {@code 2026-03-20T09:00:00.000+01:00}), multi-valued properties as arrays.
 * With an endpoint's {@code typedValues: true}, longs, doubles and decimals are JSON numbers and booleans JSON
 * booleans instead. Binary values are skipped: files are served by the DAM at an asset's {@code @link}.
 */
final class PropertyJson {

    /** Structural properties Magnolia never shows as plain properties, even with system properties on. */
    static final Set<String> NEVER_SHOWN = Set.of("jcr:primaryType", "jcr:uuid", "jcr:mixinTypes");

    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX");

    private PropertyJson() {
    }

    static boolean isSystem(String name) {
        return name.startsWith("mgnl:") || name.startsWith("jcr:") || name.startsWith("rep:") || name.startsWith("oak:")
                || name.startsWith("uo:"); // the platform's own (publishing: uo:sourceId, uo:fingerprint)
    }

    static boolean isBinary(Property property) throws RepositoryException {
        return property.getType() == PropertyType.BINARY;
    }

    /** Writes the property's value, or an array of values when it is multi-valued; {@code typed}: see the class. */
    static void write(JsonGenerator json, Property property, boolean typed) throws RepositoryException, IOException {
        if (property.isMultiple()) {
            json.writeStartArray();
            for (Value value : property.getValues()) {
                write(json, value, typed);
            }
            json.writeEndArray();
        } else {
            write(json, property.getValue(), typed);
        }
    }

    static void write(JsonGenerator json, Value value, boolean typed) throws RepositoryException, IOException {
        switch (value.getType()) {
            case PropertyType.DATE -> json.writeString(format(value.getDate()));
            case PropertyType.BINARY -> json.writeNull();
            case PropertyType.LONG -> {
                if (typed) {
                    json.writeNumber(value.getLong());
                } else {
                    json.writeString(value.getString());
                }
            }
            case PropertyType.DOUBLE -> {
                if (typed) {
                    json.writeNumber(value.getDouble());
                } else {
                    json.writeString(value.getString());
                }
            }
            case PropertyType.DECIMAL -> {
                if (typed) {
                    json.writeNumber(value.getDecimal());
                } else {
                    json.writeString(value.getString());
                }
            }
            case PropertyType.BOOLEAN -> {
                if (typed) {
                    json.writeBoolean(value.getBoolean());
                } else {
                    json.writeString(value.getString());
                }
            }
            default -> json.writeString(value.getString());
        }
    }

    static String format(Calendar calendar) {
        int offsetSeconds = calendar.getTimeZone().getOffset(calendar.getTimeInMillis()) / 1000;
        return calendar.toInstant().atOffset(ZoneOffset.ofTotalSeconds(offsetSeconds)).format(ISO);
    }
}
