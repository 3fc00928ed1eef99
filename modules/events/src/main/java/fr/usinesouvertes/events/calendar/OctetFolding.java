package fr.usinesouvertes.events.calendar;

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
        int start = 0;
        while (start < unfolded.length()) {
            int end = unfolded.indexOf("\r\n", start);
            if (end < 0) {
                end = unfolded.length();
            }
            if (end > start) {
                foldLine(unfolded, start, end, out);
            }
            start = end + 2;
        }
        return out.toString();
    }

    /** Appends the line {@code text[start, end)} and its CRLF, folded; most lines need no folding at all. */
    private static void foldLine(String text, int start, int end, StringBuilder out) {
        if (utf8Length(text, start, end) <= MAX_OCTETS) {
            out.append(text, start, end).append("\r\n");
            return;
        }
        int octets = 0;
        int limit = MAX_OCTETS;
        for (int i = start; i < end; ) {
            int codePoint = text.codePointAt(i);
            int size = utf8Length(codePoint);
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

    private static int utf8Length(String text, int start, int end) {
        int octets = 0;
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            octets += c < 0x80 ? 1 : c < 0x800 || Character.isSurrogate(c) ? 2 : 3; // a surrogate pair: 4
        }
        return octets;
    }

    private static int utf8Length(int codePoint) {
        return codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
    }
}
