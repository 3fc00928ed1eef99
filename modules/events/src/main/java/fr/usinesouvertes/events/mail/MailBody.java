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

    /**
     * A ticket: in the text, its label and address; in the HTML, the QR code (an inline image part, {@code cid:}) with
     * its label and a link to the same address below it.
     */
    MailBody ticket(String label, String url, String contentId, String alt) {
        text.add(label + "\n" + url);
        html.add("<p><strong>" + escape(label) + "</strong><br>\n<img src=\"cid:" + escape(contentId) + "\" alt=\""
                + escape(alt) + "\" width=\"220\" height=\"220\" style=\"display: block; margin: 8px 0\"><a href=\""
                + escape(url) + "\">" + escape(url) + "</a></p>");
        return this;
    }

    /** A quoted block of someone else's words (a company's message), each line kept. */
    MailBody quote(String quoted) {
        List<String> lines = quoted.lines().toList();
        text.add(String.join("\n", lines.stream().map(line -> "> " + line).toList()));
        html.add("<blockquote style=\"border-left: 3px solid #999; margin: 0; padding-left: 12px\"><p>"
                + String.join("<br>\n", lines.stream().map(MailBody::escape).toList()) + "</p></blockquote>");
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
