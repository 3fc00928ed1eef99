package fr.usinesouvertes.platform.rendering;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An image's focal point: where its subject is, in percentages from the left and from the top, stored on the asset
 * as {@code focalPoint} ({@code "30 65"}). The media library sets it; the site keeps it in view when it crops.
 *
 * @param x from 0 (left) to 100 (right)
 * @param y from 0 (top) to 100 (bottom)
 */
public record FocalPoint(double x, double y) {

    /** Two percentages from 0 to 100, as stored or typed: {@code 30 65}, {@code 30% 65%}, {@code 30,65}. */
    public static final Pattern FORMAT = Pattern.compile(
            "\\s*(100|\\d{1,2}(?:\\.\\d{1,2})?)%?[\\s,;]+(100|\\d{1,2}(?:\\.\\d{1,2})?)%?\\s*");

    /** The point written in {@link #FORMAT}; empty when unreadable. */
    public static Optional<FocalPoint> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher matcher = FORMAT.matcher(text);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        return Optional.of(new FocalPoint(Double.parseDouble(matcher.group(1)), Double.parseDouble(matcher.group(2))));
    }

    /** As stored: {@code 30 65}. */
    public String stored() {
        return number(x) + " " + number(y);
    }

    /** As CSS {@code object-position}: {@code 30% 65%}. */
    public String css() {
        return number(x) + "% " + number(y) + "%";
    }

    private static String number(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
