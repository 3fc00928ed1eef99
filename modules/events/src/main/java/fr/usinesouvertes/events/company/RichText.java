package fr.usinesouvertes.events.company;

import org.jsoup.Jsoup;
import org.jsoup.safety.Safelist;

/** Cleans the rich text companies type (descriptions) before it is stored: paragraphs, emphasis, lists, links. */
public final class RichText {

    private RichText() {
    }

    /** The text as safe HTML; plain text becomes paragraphs. */
    public static String clean(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String html = text.contains("<") ? text
                : "<p>" + String.join("</p><p>", text.strip().replace("&", "&amp;").split("\\R\\s*\\R")) + "</p>";
        return Jsoup.clean(html, Safelist.basic()).strip();
    }
}
