package fr.usinesouvertes.platform.rendering;

import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Links to the site's pages in rich text, kept by the page's id ({@value #ATTRIBUTE} beside {@code href}) so that a
 * page renamed or moved keeps its links: the id is stamped when the text is saved, and the address is written again
 * from the id wherever the text is shown (the site, the Delivery API, the editor). A link whose page is gone keeps
 * the address it had. The HTML is parsed (jsoup), never matched as text; a text without stamps is returned as it is,
 * unparsed.
 */
public final class RichTextPageLinks {

    /** The attribute holding the page's id ({@code jcr:uuid}) on a link. */
    public static final String ATTRIBUTE = "data-page-id";
    static final Pattern ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private RichTextPageLinks() {
    }

    /**
     * Stamps each link to an address of the site ({@code /usines}, fragment and query ignored) with the id of the page
     * {@code idOfAddress} finds there, and removes the stamp of any other link.
     */
    public static String stamp(String html, Function<String, Optional<String>> idOfAddress) {
        if (html == null || html.indexOf("href=\"/") < 0 && html.indexOf(ATTRIBUTE) < 0) {
            return html;
        }
        Document document = parse(html);
        for (Element link : document.body().select("a[href]")) {
            String href = link.attr("href");
            Optional<String> id = isSiteAddress(href) ? idOfAddress.apply(addressPart(href)) : Optional.empty();
            if (id.isPresent()) {
                link.attr(ATTRIBUTE, id.get());
            } else {
                link.removeAttr(ATTRIBUTE);
            }
        }
        return document.body().html();
    }

    /** Writes each stamped link's address again from its page ({@code addressOfId}), keeping its fragment. */
    public static String refresh(String html, Function<String, Optional<String>> addressOfId) {
        if (html == null || html.indexOf(ATTRIBUTE) < 0) {
            return html;
        }
        Document document = parse(html);
        for (Element link : document.body().select("a[" + ATTRIBUTE + "]")) {
            String id = link.attr(ATTRIBUTE);
            if (!ID.matcher(id).matches()) {
                continue;
            }
            String href = link.attr("href");
            int hash = href.indexOf('#');
            addressOfId.apply(id).ifPresent(address -> link.attr("href", hash < 0 ? address : address + href.substring(hash)));
        }
        return document.body().html();
    }

    private static Document parse(String html) {
        Document document = Jsoup.parseBodyFragment(html);
        document.outputSettings().prettyPrint(false);
        return document;
    }

    private static boolean isSiteAddress(String href) {
        return href.startsWith("/") && !href.startsWith("//") && !href.startsWith("/dam/") && !href.startsWith("/.");
    }

    private static String addressPart(String href) {
        int end = href.length();
        for (char stop : new char[] {'#', '?'}) {
            int at = href.indexOf(stop);
            if (at >= 0 && at < end) {
                end = at;
            }
        }
        String path = href.substring(0, end);
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
