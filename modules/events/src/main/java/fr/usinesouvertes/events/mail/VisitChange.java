package fr.usinesouvertes.events.mail;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an approved change of a sheet changed for a registrant: the slot's times before (when they moved) and the
 * practical information that tells where to go (meeting point, access, parking) before and after. Kept in the queued
 * e-mail's details ({@link QueuedMail#details()}), since the e-mail is composed later from the slot as it is then.
 *
 * @param previousStart the slot's start before the change, or {@code null} when the times did not move
 * @param previousEnd   the slot's end before the change, or {@code null}
 * @param fields        the practical information that changed, in {@link #PLACE_FIELDS} order
 */
public record VisitChange(ZonedDateTime previousStart, ZonedDateTime previousEnd, List<FieldChange> fields) {

    /** The sheet's fields that tell registrants where to go: a change of one of them is mailed to every registrant. */
    public static final List<String> PLACE_FIELDS = List.of("meetingPoint", "access", "parking");

    /** One practical field, before and after (empty when it had or has no value). */
    public record FieldChange(String field, String before, String after) {
    }

    public VisitChange {
        fields = fields == null ? List.of() : List.copyOf(fields);
    }

    public boolean retimed() {
        return previousStart != null && previousEnd != null;
    }

    /** As the queue entry's details. */
    public Map<String, String> toDetails() {
        Map<String, String> details = new LinkedHashMap<>();
        if (retimed()) {
            details.put("previousStart", previousStart.toInstant().toString());
            details.put("previousEnd", previousEnd.toInstant().toString());
        }
        for (FieldChange field : fields) {
            details.put("before." + field.field(), field.before());
            details.put("after." + field.field(), field.after());
        }
        return details;
    }

    /**
     * From a queue entry's details, which keep the previous times as instants: they come back in UTC, and the e-mail
     * states them in the site's time zone ({@link RegistrationMailComposer}).
     */
    public static VisitChange fromDetails(Map<String, String> details) {
        ZonedDateTime start = details.containsKey("previousStart")
                ? Instant.parse(details.get("previousStart")).atZone(ZoneOffset.UTC) : null;
        ZonedDateTime end = details.containsKey("previousEnd")
                ? Instant.parse(details.get("previousEnd")).atZone(ZoneOffset.UTC) : null;
        List<FieldChange> fields = new java.util.ArrayList<>();
        for (String field : PLACE_FIELDS) {
            if (details.containsKey("before." + field) || details.containsKey("after." + field)) {
                fields.add(new FieldChange(field, details.getOrDefault("before." + field, ""),
                        details.getOrDefault("after." + field, "")));
            }
        }
        return new VisitChange(start, end, fields);
    }
}
