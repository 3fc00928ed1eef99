package fr.usinesouvertes.events.checkin;

import com.fasterxml.jackson.databind.JsonNode;
import fr.usinesouvertes.platform.repository.NodesByIdentifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One check-in a phone made, possibly offline, as it sends it: {@code {"type": "present", "slot": "<uuid>",
 * "registration": "<uuid>", "persons": 26}}, {@code absent}, {@code undo} (back to expected), {@code walk-in} with the
 * phone's own {@code walkIn} id and {@code persons}, {@code remove-walk-in}, {@code close} (the slot's missing bookings
 * become no-shows).
 */
public record CheckInOperation(Type type, String slot, String registration, String walkIn, long persons) {

    /** At most this many operations in one request (a day of check-ins at a large gate fits). */
    public static final int MAX_OPERATIONS = 2_000;
    /** At most this many persons in one booking or walk-in group. */
    public static final int MAX_PERSONS = 999;
    private static final Pattern WALK_IN_ID = Pattern.compile("[A-Za-z0-9-]{8,64}");

    public enum Type {
        PRESENT, ABSENT, UNDO, WALK_IN, REMOVE_WALK_IN, CLOSE;

        static Type of(String text) {
            try {
                return valueOf(text.toUpperCase(Locale.ROOT).replace('-', '_'));
            } catch (IllegalArgumentException | NullPointerException e) {
                throw new CheckInRefusedException("type", "type must be present, absent, undo, walk-in, remove-walk-in "
                        + "or close, not '" + text + "'");
            }
        }
    }

    /** The operations of a request body {@code {"operations": [...]}}; {@link CheckInRefusedException} naming the field. */
    public static List<CheckInOperation> parse(JsonNode body) {
        JsonNode list = body == null ? null : body.get("operations");
        if (list == null || !list.isArray()) {
            throw new CheckInRefusedException("operations", "operations must be a list");
        }
        if (list.size() > MAX_OPERATIONS) {
            throw new CheckInRefusedException("operations", "at most " + MAX_OPERATIONS + " operations at once");
        }
        List<CheckInOperation> operations = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            operations.add(one(list.get(i), "operations[" + i + "]."));
        }
        return operations;
    }

    private static CheckInOperation one(JsonNode item, String at) {
        Type type = Type.of(text(item, "type"));
        String slot = identifier(item, at, "slot");
        return switch (type) {
            case PRESENT -> new CheckInOperation(type, slot, identifier(item, at, "registration"), null,
                    persons(item, at));
            case ABSENT, UNDO -> new CheckInOperation(type, slot, identifier(item, at, "registration"), null, 0);
            case WALK_IN -> new CheckInOperation(type, slot, null, walkIn(item, at), persons(item, at));
            case REMOVE_WALK_IN -> new CheckInOperation(type, slot, null, walkIn(item, at), 0);
            case CLOSE -> new CheckInOperation(type, slot, null, null, 0);
        };
    }

    private static String text(JsonNode item, String name) {
        JsonNode value = item == null ? null : item.get(name);
        return value == null || !value.isTextual() ? null : value.asText();
    }

    private static String identifier(JsonNode item, String at, String name) {
        String value = text(item, name);
        if (value == null || !NodesByIdentifier.isIdentifier(value)) {
            throw new CheckInRefusedException(at + name, name + " must be an identifier");
        }
        return value;
    }

    private static String walkIn(JsonNode item, String at) {
        String value = text(item, "walkIn");
        if (value == null || !WALK_IN_ID.matcher(value).matches()) {
            throw new CheckInRefusedException(at + "walkIn", "walkIn must be the phone's id of the group (8 to 64 "
                    + "letters, digits or dashes)");
        }
        return value;
    }

    private static long persons(JsonNode item, String at) {
        JsonNode value = item.get("persons");
        if (value == null || !value.canConvertToInt() || value.asInt() < 1 || value.asInt() > MAX_PERSONS
                || !value.isIntegralNumber()) {
            throw new CheckInRefusedException(at + "persons", "persons must be a whole number from 1 to " + MAX_PERSONS);
        }
        return value.asLong();
    }
}
