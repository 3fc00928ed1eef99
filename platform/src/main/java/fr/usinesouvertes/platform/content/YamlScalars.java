package fr.usinesouvertes.platform.content;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Calendar;

/**
 * YAML scalars as Magnolia's exports write them: strings single-quoted (double-quoted with escapes
 * when they hold line breaks or other control characters), timestamps with milliseconds and offset.
 */
final class YamlScalars {

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX");

    private YamlScalars() {
    }

    static String quoted(String text) {
        if (text.chars().anyMatch(YamlScalars::needsEscape)) {
            return doubleQuoted(text);
        }
        return "'" + text.replace("'", "''") + "'";
    }

    private static boolean needsEscape(int c) {
        return c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == 0x2028 || c == 0x2029 || c == 0xFEFF
                || c == 0xFFFE || c == 0xFFFF;
    }

    private static String doubleQuoted(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                case '\r' -> out.append("\\r");
                default -> {
                    if (needsEscape(c)) {
                        out.append(String.format("\\u%04X", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    /** A double that reads back as a double: always with a decimal point or exponent, YAML's own NaN and infinities. */
    static String decimal(double value) {
        if (Double.isNaN(value)) {
            return ".nan";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? ".inf" : "-.inf";
        }
        // Double.toString always has a point; YAML 1.1 wants a signed exponent: 1.0E10 -> 1.0e+10
        return Double.toString(value).replaceFirst("E(\\d)", "e+$1").replace("E-", "e-");
    }

    static String timestamp(Calendar calendar) {
        ZoneOffset offset = ZoneOffset.ofTotalSeconds(calendar.getTimeZone().getOffset(calendar.getTimeInMillis()) / 1000);
        return ZonedDateTime.ofInstant(calendar.toInstant(), offset).format(TIMESTAMP);
    }
}
