package fr.usinesouvertes.events.registration;

import fr.usinesouvertes.events.edition.Audience;
import fr.usinesouvertes.events.i18n.Lang;
import fr.usinesouvertes.events.i18n.Messages;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Checks a submitted registration (decoded JSON or HTML form parameters) field by field and, when
 * everything is right, gives the typed {@link RegistrationForm}; otherwise every problem at once, in
 * the visitor's language.
 *
 * <p>JSON input must use JSON types (a head count sent as {@code "3"} is refused); form parameters
 * are all text, so in {@link InputKind#FORM} numbers and checkboxes are read from their text.
 */
public final class RegistrationValidator {

    /** Where the input comes from, which decides how strictly types are read. */
    public enum InputKind { JSON, FORM }

    /** The hidden field real visitors leave empty; bots fill it. */
    public static final String HONEYPOT = "website";

    /** Set when a group larger than the places left chose the waiting list (see {@link RegistrationService}). */
    public static final String WAITING_LIST = "waitingList";

    private static final Set<String> COMMON = Set.of("slot", "audience", "consent", "lang", HONEYPOT, WAITING_LIST);
    private static final Map<Audience, Set<String>> FIELDS = Map.of(
            Audience.PUBLIC, Set.of("name", "email", "persons"),
            Audience.SCHOOL, Set.of("schoolName", "uai", "commune", "level", "persons", "accompanyingAdults",
                    "teacherName", "email", "phone", "transportFunding", "transportAmount"),
            Audience.FRANCE_TRAVAIL, Set.of("agency", "adviserName", "adviserEmail", "persons"));

    /** The most a school may ask for its transport, in euros: a coach for the day. */
    public static final int MAX_TRANSPORT_AMOUNT = 20_000;

    private final FormLimits limits;

    public RegistrationValidator(FormLimits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    /**
     * Validates one submission.
     *
     * @param input      field name to value
     * @param kind       JSON (typed values) or FORM (text values)
     * @param maxPersons the slot's per-registration limit, in seats
     * @param lang       language of the error messages
     */
    public ValidationResult validate(Map<String, ?> input, InputKind kind, int maxPersons, Lang lang) {
        Reader reader = new Reader(input, kind, lang, limits.maxTextLength());
        String slot = reader.text("slot", true, 100);
        Audience audience = reader.audience();
        reader.consent();
        reader.honeypot();
        Lang chosen = reader.lang();
        if (audience == null) {
            reader.unknownFields(allFields());
            return reader.result(null);
        }
        reader.unknownFields(Stream.concat(COMMON.stream(), FIELDS.get(audience).stream()).collect(Collectors.toSet()));
        RegistrationForm form = switch (audience) {
            case PUBLIC -> publicForm(reader, slot, maxPersons, chosen);
            case SCHOOL -> schoolForm(reader, slot, maxPersons, chosen);
            case FRANCE_TRAVAIL -> franceTravailForm(reader, slot, maxPersons, chosen);
            case COMPANY -> throw new IllegalStateException("companies never reach the visitor forms");
        };
        return reader.result(form);
    }

    /**
     * The new head count asked for a registration's change ({@code persons}, plus {@code accompanyingAdults} for a
     * school group; the chosen {@code slot} is read by the caller): the same bounds as the registration forms
     * against the slot it should be on. A field left out keeps its current value.
     *
     * @param current    the registration's current head count (pupils for a school group) and adults
     * @param maxPersons the per-registration limit of the slot it should be on
     * @return the valid head count, or the errors
     */
    public ChangeCounts validateChange(Map<String, ?> input, InputKind kind, Audience audience, int currentPersons,
                                       int currentAdults, int maxPersons, Lang lang) {
        Reader reader = new Reader(input, kind, lang, limits.maxTextLength());
        reader.unknownFields(audience == Audience.SCHOOL ? Set.of("persons", "accompanyingAdults", "slot")
                : Set.of("persons", "slot"));
        int maxPeople = audience == Audience.PUBLIC ? maxPersons : Math.min(limits.maxGroupSize(), maxPersons);
        Integer persons = reader.present("persons") ? reader.count("persons", 1, maxPeople) : Integer.valueOf(currentPersons);
        Integer adults = 0;
        if (audience == Audience.SCHOOL) {
            adults = reader.present("accompanyingAdults") ? reader.count("accompanyingAdults", 1, limits.maxAccompanyingAdults())
                    : Integer.valueOf(currentAdults);
            if (persons != null && adults != null && persons + adults > maxPersons) {
                reader.error("persons", "registration.groupTooLarge", maxPersons);
            }
        }
        return new ChangeCounts(reader.ok() ? persons : 0, reader.ok() ? adults : 0, List.copyOf(reader.errors));
    }

    /**
     * A change's head count: {@code persons} (pupils for a school group), {@code accompanyingAdults} (0 unless a
     * school group), or the errors.
     */
    public record ChangeCounts(int persons, int accompanyingAdults, List<FieldError> errors) {

        public boolean isValid() {
            return errors.isEmpty();
        }

        /** Seats held on the slot, accompanying adults included. */
        public int seats() {
            return persons + accompanyingAdults;
        }
    }

    private RegistrationForm publicForm(Reader reader, String slot, int maxPersons, Lang lang) {
        String name = reader.text("name", true, limits.maxTextLength());
        String email = reader.email("email");
        Integer persons = reader.count("persons", 1, maxPersons);
        return reader.ok() ? new RegistrationForm.Public(slot, persons, name, email, lang) : null;
    }

    private RegistrationForm schoolForm(Reader reader, String slot, int maxPersons, Lang lang) {
        String schoolName = reader.text("schoolName", true, limits.maxTextLength());
        String uai = reader.uai("uai");
        String commune = reader.text("commune", true, limits.maxTextLength());
        SchoolLevel level = reader.level("level");
        Integer persons = reader.count("persons", 1, Math.min(limits.maxGroupSize(), maxPersons));
        Integer adults = reader.count("accompanyingAdults", 1, limits.maxAccompanyingAdults());
        String teacherName = reader.text("teacherName", true, limits.maxTextLength());
        String email = reader.email("email");
        String phone = reader.phone("phone");
        Boolean transportFunding = reader.bool("transportFunding", false);
        Integer transportAmount = reader.present("transportAmount")
                ? reader.count("transportAmount", 1, MAX_TRANSPORT_AMOUNT) : null;
        if (transportAmount != null && Boolean.FALSE.equals(transportFunding)) {
            reader.error("transportAmount", "registration.amountWithoutRequest");
        }
        if (persons != null && adults != null && persons + adults > maxPersons) {
            reader.error("persons", "registration.groupTooLarge", maxPersons);
        }
        return reader.ok() ? new RegistrationForm.School(slot, persons, schoolName, uai, commune, level, adults,
                teacherName, email, phone, transportFunding, transportAmount, lang) : null;
    }

    private RegistrationForm franceTravailForm(Reader reader, String slot, int maxPersons, Lang lang) {
        String agency = reader.text("agency", true, limits.maxTextLength());
        String adviserName = reader.text("adviserName", true, limits.maxTextLength());
        String adviserEmail = reader.email("adviserEmail");
        Integer persons = reader.count("persons", 1, Math.min(limits.maxGroupSize(), maxPersons));
        return reader.ok() ? new RegistrationForm.FranceTravail(slot, persons, agency, adviserName, adviserEmail, lang) : null;
    }

    private static Set<String> allFields() {
        Set<String> all = new TreeSet<>(COMMON);
        FIELDS.values().forEach(all::addAll);
        return all;
    }

    /** Reads fields one by one, collecting errors instead of stopping at the first. */
    private static final class Reader {
        private final Map<String, ?> input;
        private final InputKind kind;
        private final Lang lang;
        private final int maxText;
        private final List<FieldError> errors = new ArrayList<>();

        Reader(Map<String, ?> input, InputKind kind, Lang lang, int maxText) {
            this.input = input == null ? Map.of() : input;
            this.kind = kind;
            this.lang = lang;
            this.maxText = maxText;
        }

        boolean ok() {
            return errors.isEmpty();
        }

        ValidationResult result(RegistrationForm form) {
            return errors.isEmpty() ? ValidationResult.valid(form) : ValidationResult.invalid(errors);
        }

        void error(String field, String key, Object... args) {
            errors.add(new FieldError(field, Messages.of(Messages.EVENTS, lang).format(key, args)));
        }

        private void missing(String field) {
            error(field, "fieldError.required");
        }

        private boolean present(String field) {
            Object value = input.get(field);
            return value != null && !(value instanceof String text && text.isBlank());
        }

        String text(String field, boolean required, int maxLength) {
            Object value = input.get(field);
            if (!present(field)) {
                if (required) {
                    missing(field);
                }
                return null;
            }
            if (!(value instanceof String text)) {
                error(field, "fieldError.notText");
                return null;
            }
            String trimmed = text.strip();
            if (trimmed.length() > maxLength) {
                error(field, "fieldError.tooLong", maxLength);
                return null;
            }
            if (trimmed.chars().anyMatch(Character::isISOControl)) {
                error(field, "fieldError.invalidCharacters");
                return null;
            }
            return trimmed;
        }

        Audience audience() {
            String id = text("audience", true, 30);
            if (id == null) {
                return null;
            }
            Audience audience = Audience.fromId(id).filter(Audience::isVisitor).orElse(null);
            if (audience == null) {
                error("audience", "registration.unknownAudience");
            }
            return audience;
        }

        void consent() {
            Boolean consent = bool("consent", null);
            if (consent != null && !consent) {
                error("consent", "registration.consentNeeded");
            }
        }

        void honeypot() {
            if (present(HONEYPOT)) {
                error(HONEYPOT, "fieldError.honeypot");
            }
        }

        Lang lang() {
            String code = text("lang", false, 5);
            if (code == null) {
                return Lang.FR;
            }
            if (!code.equals("fr") && !code.equals("en")) {
                error("lang", "registration.unknownLang");
                return Lang.FR;
            }
            return Lang.fromCode(code);
        }

        void unknownFields(Set<String> allowed) {
            input.keySet().stream().filter(field -> !allowed.contains(field)).sorted().forEach(field ->
                    error(field, "fieldError.unknownField"));
        }

        Integer count(String field, int min, int max) {
            if (!present(field)) {
                missing(field);
                return null;
            }
            Object value = input.get(field);
            Long number = wholeNumber(value);
            if (number == null) {
                error(field, "fieldError.notWholeNumber");
                return null;
            }
            if (number < min || number > max) {
                error(field, "fieldError.outOfRange", min, max);
                return null;
            }
            return number.intValue();
        }

        private Long wholeNumber(Object value) {
            if (value instanceof Integer || value instanceof Long || value instanceof Short) {
                return ((Number) value).longValue();
            }
            if (value instanceof BigInteger big) {
                return big.bitLength() < 63 ? big.longValue() : Long.MAX_VALUE;
            }
            if (value instanceof BigDecimal || value instanceof Double || value instanceof Float) {
                return null; // 2.5 persons, or 2.0 sent by a client that cannot tell integers
            }
            if (kind == InputKind.FORM && value instanceof String text && text.strip().matches("-?[0-9]{1,9}")) {
                return Long.parseLong(text.strip());
            }
            if (kind == InputKind.FORM && value instanceof String text && text.strip().matches("-?[0-9]{10,}")) {
                return Long.MAX_VALUE;
            }
            return null;
        }

        Boolean bool(String field, Boolean fallback) {
            if (!present(field)) {
                if (fallback == null) {
                    missing(field);
                }
                return fallback;
            }
            Object value = input.get(field);
            if (value instanceof Boolean flag) {
                return flag;
            }
            if (kind == InputKind.FORM && value instanceof String text) {
                switch (text.strip().toLowerCase(Locale.ROOT)) {
                    case "true", "on", "yes", "1": return true;
                    case "false", "off", "no", "0": return false;
                    default: break;
                }
            }
            error(field, "fieldError.notBoolean");
            return null;
        }

        String email(String field) {
            String text = text(field, true, EmailAddresses.MAX_LENGTH);
            if (text == null) {
                return null;
            }
            return EmailAddresses.normalise(text).orElseGet(() -> {
                error(field, "fieldError.email");
                return null;
            });
        }

        String phone(String field) {
            String text = text(field, true, 30);
            if (text == null) {
                return null;
            }
            return PhoneNumbers.normalise(text).orElseGet(() -> {
                error(field, "fieldError.phone");
                return null;
            });
        }

        String uai(String field) {
            String text = text(field, false, 8);
            if (text == null) {
                return null;
            }
            String upper = text.toUpperCase(Locale.ROOT);
            if (!upper.matches("[0-9]{7}[A-Z]")) {
                error(field, "registration.invalidUai");
                return null;
            }
            return upper;
        }

        SchoolLevel level(String field) {
            String id = text(field, true, 30);
            if (id == null) {
                return null;
            }
            return SchoolLevel.fromId(id).orElseGet(() -> {
                String allowed = Stream.of(SchoolLevel.values()).map(SchoolLevel::id).collect(Collectors.joining(", "));
                error(field, "registration.unknownLevel", allowed);
                return null;
            });
        }
    }
}
