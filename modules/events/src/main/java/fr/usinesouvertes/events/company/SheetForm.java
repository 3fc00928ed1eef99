package fr.usinesouvertes.events.company;

import fr.usinesouvertes.events.edition.Audience;
import fr.usinesouvertes.events.edition.Edition;
import fr.usinesouvertes.events.edition.EventDay;
import fr.usinesouvertes.events.i18n.Lang;
import fr.usinesouvertes.events.i18n.Text;
import fr.usinesouvertes.events.registration.EmailAddresses;
import fr.usinesouvertes.events.registration.FieldError;
import java.net.URI;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An event sheet as the company fills it in: practical information, registration modality and up to
 * {@value #MAX_SLOTS} time slots ({@code slot.N.day}, {@code .start}, {@code .end}, {@code .capacity},
 * {@code .maxPersons}, one checkbox {@code .audience.<id>} per audience), each on a day of the edition
 * and for audiences that day welcomes.
 */
public record SheetForm(String registrationMode, String externalUrl, String contactEmail, String meetingPoint,
                        String access, String parking, String safetyEquipment, Long minimumAge,
                        boolean reducedMobilityAccess, List<String> languages, String description, List<SlotForm> slots) {

    public static final int MAX_SLOTS = 8;
    public static final List<String> MODES = List.of("platform", "external", "contact");
    public static final List<String> LANGUAGES = List.of("fr", "en", "de", "es", "it");
    public static final List<String> TEXT_FIELDS = List.of("registrationMode", "externalUrl", "contactEmail",
            "meetingPoint", "access", "parking", "safetyEquipment", "minimumAge", "description");

    /** The validated form, or the errors next to their fields. */
    public record Result(SheetForm form, List<FieldError> errors) {
    }

    /**
     * Checks the posted fields; a slot's day (one of {@code edition}'s) and times mean that day and those times in
     * {@code zone}, the site's time zone.
     */
    public static Result validate(Map<String, String> values, Edition edition, ZoneId zone, Lang lang) {
        FormInput input = new FormInput(values, lang);
        String mode = Optional.ofNullable(input.text("registrationMode", true, 20)).orElse("platform");
        if (!MODES.contains(mode)) {
            input.error("registrationMode", "sheetError.mode");
        }
        String externalUrl = input.text("externalUrl", mode.equals("external"), 500);
        if (externalUrl != null && !isWebAddress(externalUrl)) {
            input.error("externalUrl", "sheetError.externalUrl");
        }
        String contactText = input.text("contactEmail", mode.equals("contact"), EmailAddresses.MAX_LENGTH);
        String contactEmail = contactText == null ? null : EmailAddresses.normalise(contactText).orElse(null);
        if (contactText != null && contactEmail == null) {
            input.error("contactEmail", "formError.email");
        }
        String meetingPoint = input.text("meetingPoint", true, 500);
        String access = input.text("access", false, 1000);
        String parking = input.text("parking", false, 500);
        String safety = input.text("safetyEquipment", false, 500);
        Long minimumAge = input.number("minimumAge", false, 0, 99);
        List<String> languages = LANGUAGES.stream().filter(code -> input.checked("language." + code)).toList();
        String description = input.text("description", false, 10_000);
        List<SlotForm> slots = slots(input, values, edition, zone);
        List<FieldError> errors = input.errors();
        return new Result(errors.isEmpty() ? new SheetForm(mode, externalUrl, contactEmail, meetingPoint, access, parking,
                safety, minimumAge, input.checked("reducedMobilityAccess"), languages.isEmpty() ? List.of("fr") : languages,
                RichText.clean(description), slots) : null, errors);
    }

    private static List<SlotForm> slots(FormInput input, Map<String, String> values, Edition edition, ZoneId zone) {
        List<SlotForm> slots = new ArrayList<>();
        for (int n = 0; n < MAX_SLOTS; n++) {
            String prefix = "slot." + n + ".";
            if (!input.present(prefix + "start") && !input.present(prefix + "end") && !input.present(prefix + "capacity")) {
                continue;
            }
            String dayName = input.text(prefix + "day", true, 40);
            Optional<EventDay> day = edition.days().stream().filter(d -> d.name().equals(dayName)).findFirst();
            if (dayName != null && day.isEmpty()) {
                input.error(prefix + "day", "sheetError.day");
            }
            LocalTime start = time(input, values, prefix + "start");
            LocalTime end = time(input, values, prefix + "end");
            if (start != null && end != null && !end.isAfter(start)) {
                input.error(prefix + "end", "sheetError.endBeforeStart");
            }
            Long capacity = input.number(prefix + "capacity", true, 1, 2_000);
            Long maxPersons = input.number(prefix + "maxPersons", false, 1, 2_000);
            if (capacity != null && maxPersons != null && maxPersons > capacity) {
                input.error(prefix + "maxPersons", "sheetError.maxPersons");
            }
            Set<Audience> audiences = EnumSet.noneOf(Audience.class);
            for (Audience audience : Audience.values()) {
                if (audience.isVisitor() && input.checked(prefix + "audience." + audience.id())) {
                    audiences.add(audience);
                }
            }
            if (audiences.isEmpty()) {
                input.error(prefix + "audiences", "sheetError.noAudience");
            } else if (day.isPresent() && !day.get().audiences().containsAll(audiences)) {
                input.error(prefix + "audiences", "sheetError.audienceNotThatDay",
                        (Text) lang -> labels(day.get(), lang));
            }
            if (day.isPresent() && start != null && end != null && end.isAfter(start) && capacity != null) {
                slots.add(new SlotForm(day.get().date().atTime(start).atZone(zone),
                        day.get().date().atTime(end).atZone(zone), capacity, audiences, maxPersons,
                        slotId(values, prefix + "id")));
            }
        }
        if (slots.isEmpty() && input.errors().stream().noneMatch(e -> e.field().startsWith("slot."))) {
            input.error("slot.0.start", "sheetError.noSlot");
        }
        return slots;
    }

    /** The hidden id of a published slot's row; anything but a uuid is ignored (the change then checks the slots). */
    private static String slotId(Map<String, String> values, String field) {
        String id = values.get(field);
        return id != null && id.strip().matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}") ? id.strip() : null;
    }

    private static LocalTime time(FormInput input, Map<String, String> values, String field) {
        String text = input.text(field, true, 5);
        if (text == null) {
            return null;
        }
        try {
            return LocalTime.parse(text.length() == 4 ? "0" + text : text);
        } catch (DateTimeParseException e) {
            input.error(field, "sheetError.time");
            return null;
        }
    }

    private static String labels(EventDay day, Lang lang) {
        return String.join(", ", day.audiences().stream().sorted().map(a -> AudienceLabels.of(a, lang)).toList());
    }

    private static boolean isWebAddress(String text) {
        try {
            URI uri = URI.create(text);
            return ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
