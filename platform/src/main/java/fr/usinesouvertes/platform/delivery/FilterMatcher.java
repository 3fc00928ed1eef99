package fr.usinesouvertes.platform.delivery;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import javax.jcr.Node;
import javax.jcr.Property;
import javax.jcr.PropertyType;
import javax.jcr.RepositoryException;
import javax.jcr.Value;

/**
 * Evaluates a {@link PropertyFilter} on a node, comparing by the stored type as a JCR query would:
 * longs, doubles and decimals numerically (the filter value must be a number), dates in time (the value
 * must be {@code yyyy-MM-dd}, meaning that whole day in the platform's time zone, or a full ISO date-time),
 * booleans as {@code true}/{@code false}, everything else as case-sensitive strings. An offset's
 * {@code +} sent unencoded (decoded as a space) is taken back.
 *
 * <p>A multi-valued property matches when one of its values does; {@code |} alternatives match when one
 * of them does. The negated operators ({@code ne}, {@code not-in}) match when none does. Only
 * {@code null} matches a missing property (as in JCR-SQL2, where a comparison with a missing property is
 * false).
 */
final class FilterMatcher {

    private final ZoneId zone;

    FilterMatcher(ZoneId zone) {
        this.zone = zone;
    }

    boolean matches(Node node, PropertyFilter filter) throws RepositoryException {
        List<Value> stored = storedValues(node, filter.property(), filter.parameter());
        if (filter.operator() == FilterOperator.NULL) {
            return stored.isEmpty() == Boolean.parseBoolean(filter.values().get(0));
        }
        if (stored.isEmpty()) {
            return false;
        }
        boolean any = false;
        for (Value value : stored) {
            for (String alternative : filter.values()) {
                if (test(value, filter, alternative)) {
                    any = true;
                    break;
                }
            }
        }
        return filter.operator().negated() != any;
    }

    /** False for a missing property; a 400 for a name JCR refuses (e.g. an unknown namespace prefix). */
    static boolean hasProperty(Node node, String property, String parameter) {
        try {
            return node.hasProperty(property);
        } catch (RepositoryException e) {
            throw NodeQueryParser.invalid(parameter, "'" + property + "' is not a valid property name");
        }
    }

    private List<Value> storedValues(Node node, String property, String filter) throws RepositoryException {
        List<Value> values = new ArrayList<>();
        if (property.equals("@name")) {
            values.add(node.getSession().getValueFactory().createValue(node.getName()));
        } else if (property.equals("@jcr:uuid") || property.equals("@id")) {
            values.add(node.getSession().getValueFactory().createValue(
                    fr.usinesouvertes.platform.publishing.ContentStage.identifier(node)));
        } else if (hasProperty(node, property, filter)) {
            Property stored = node.getProperty(property);
            if (stored.isMultiple()) {
                values.addAll(List.of(stored.getValues()));
            } else {
                values.add(stored.getValue());
            }
        }
        return values;
    }

    private boolean test(Value value, PropertyFilter filter, String raw) throws RepositoryException {
        return switch (filter.operator()) {
            case LIKE -> like(raw).matcher(value.getString()).matches();
            case IN, NOT_IN -> {
                int tilde = raw.indexOf('~');
                yield compare(value, filter, raw.substring(0, tilde), FilterOperator.GTE)
                        && compare(value, filter, raw.substring(tilde + 1), FilterOperator.LTE);
            }
            case NE -> compare(value, filter, raw, FilterOperator.EQ);
            default -> compare(value, filter, raw, filter.operator());
        };
    }

    private boolean compare(Value value, PropertyFilter filter, String raw, FilterOperator operator)
            throws RepositoryException {
        if (value.getType() == PropertyType.DATE) {
            Instant[] day = interval(filter, raw);
            Instant stored = value.getDate().toInstant();
            return switch (operator) {
                case GT -> !stored.isBefore(day[1]);
                case GTE -> !stored.isBefore(day[0]);
                case LT -> stored.isBefore(day[0]);
                case LTE -> stored.isBefore(day[1]);
                default -> !stored.isBefore(day[0]) && stored.isBefore(day[1]);
            };
        }
        int order = switch (value.getType()) {
            case PropertyType.LONG, PropertyType.DOUBLE, PropertyType.DECIMAL ->
                    value.getDecimal().compareTo(number(filter, raw));
            case PropertyType.BOOLEAN -> Boolean.compare(value.getBoolean(), bool(filter, raw));
            default -> value.getString().compareTo(raw);
        };
        return switch (operator) {
            case GT -> order > 0;
            case GTE -> order >= 0;
            case LT -> order < 0;
            case LTE -> order <= 0;
            default -> order == 0;
        };
    }

    /** The instants a date value covers: a whole day for {@code yyyy-MM-dd}, one millisecond otherwise. */
    private Instant[] interval(PropertyFilter filter, String value) {
        // an unencoded '+' of an offset arrives as a space (form decoding): take it back
        String raw = value.length() > 19 ? value.replace(' ', '+') : value;
        try {
            if (raw.length() == 10) {
                LocalDate day = LocalDate.parse(raw);
                return new Instant[] {day.atStartOfDay(zone).toInstant(), day.plusDays(1).atStartOfDay(zone).toInstant()};
            }
            Instant instant = OffsetDateTime.parse(raw).toInstant();
            return new Instant[] {instant, instant.plusMillis(1)};
        } catch (DateTimeParseException e) {
            throw NodeQueryParser.invalid(filter.parameter(), "'" + raw + "' is not a date (yyyy-MM-dd or "
                    + "yyyy-MM-dd'T'HH:mm:ss.SSSXXX)");
        }
    }

    private static BigDecimal number(PropertyFilter filter, String raw) {
        try {
            return new BigDecimal(raw.trim());
        } catch (NumberFormatException e) {
            throw NodeQueryParser.invalid(filter.parameter(), "'" + raw + "' is not a number");
        }
    }

    private static boolean bool(PropertyFilter filter, String raw) {
        if (!raw.equals("true") && !raw.equals("false")) {
            throw NodeQueryParser.invalid(filter.parameter(), "'" + raw + "' is not true or false");
        }
        return Boolean.parseBoolean(raw);
    }

    /** {@code %} any run of characters, {@code _} one character, everything else literal. */
    static Pattern like(String pattern) {
        StringBuilder regex = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            if (c == '%' || c == '_') {
                if (!literal.isEmpty()) {
                    regex.append(Pattern.quote(literal.toString()));
                    literal.setLength(0);
                }
                regex.append(c == '%' ? ".*" : ".");
            } else {
                literal.append(c);
            }
        }
        if (!literal.isEmpty()) {
            regex.append(Pattern.quote(literal.toString()));
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }
}
