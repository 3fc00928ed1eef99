package fr.usinesouvertes.events.calendar;

import java.nio.charset.StandardCharsets;

/**
 * Folds content lines at 75 octets of UTF-8 as RFC 5545 §3.1 asks. ical4j folds at 75 characters,
 * which lets lines with accented French letters run past the limit, so its output is written unfolded
 * and folded here, never inside a character.
 */
final class OctetFolding {

    static final int MAX_OCTETS = 75;

    private OctetFolding() {
    }

    static String fold(String unfolded) {
        StringBuilder out = new StringBuilder(unfolded.length() + unfolded.length() / 70 * 3);
        for (String line : unfolded.split("\r\n", -1)) {
            if (line.isEmpty()) {
                continue;
            }
            int octets = 0;
            int limit = MAX_OCTETS;
            for (int i = 0; i < line.length(); ) {
                int codePoint = line.codePointAt(i);
                int size = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
                if (octets + size > limit) {
                    out.append("\r\n ");
                    octets = 0;
                    limit = MAX_OCTETS - 1; // the leading space of a continuation line counts
                }
                out.appendCodePoint(codePoint);
                octets += size;
                i += Character.charCount(codePoint);
            }
            out.append("\r\n");
        }
        return out.toString();
    }
}
