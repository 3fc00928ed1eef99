package fr.usinesouvertes.events.mail;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds one message as plain text and as HTML from the same blocks, so both say the same thing;
 * every value is escaped in the HTML, because names and addresses come from visitors and companies.
 */
final class MailBody {

    private final List<String> text = new ArrayList<>();
    private final List<String> html = new ArrayList<>();

    MailBody paragraph(String line) {
        text.add(line);
        html.add("<p>" + escape(line) + "</p>");
        return this;
    }

    /** A block of lines kept together, e.g. the visit's details; a null or blank line is skipped. */
    MailBody lines(String... lines) {
        List<String> kept = new ArrayList<>();
        for (String line : lines) {
            if (line != null && !line.isBlank()) {
                kept.add(line);
            }
        }
        text.add(String.join("\n", kept));
        html.add("<p>" + String.join("<br>\n", kept.stream().map(MailBody::escape).toList()) + "</p>");
        return this;
    }

    MailBody link(String label, String url) {
        text.add(label + "\n" + url);
        html.add("<p><a href=\"" + escape(url) + "\">" + escape(label) + "</a></p>");
        return this;
    }

    String text() {
        return String.join("\n\n", text) + "\n";
    }

    String html(String lang, String title) {
        return "<!DOCTYPE html>\n<html lang=\"" + lang + "\"><head><meta charset=\"UTF-8\"><title>" + escape(title)
                + "</title></head>\n<body style=\"font-family: Arial, sans-serif; line-height: 1.5\">\n"
                + String.join("\n", html) + "\n</body></html>\n";
    }

    static String escape(String value) {
        StringBuilder out = new StringBuilder(value.length() + 16);
        for (char c : value.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
