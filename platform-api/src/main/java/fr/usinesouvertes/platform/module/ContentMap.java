package fr.usinesouvertes.platform.module;

import java.util.Map;
import javax.jcr.Node;

/**
 * A node seen by templates as a map, like Magnolia's ContentMap: properties by name, child nodes by name,
 * and the special keys {@code @name}, {@code @id}, {@code @uuid}, {@code @path} (path inside the
 * workspace), {@code @nodeType}, {@code @depth}. Dates come out as {@link java.util.Date}, multi-valued
 * properties as lists. In a language other than French, {@code title} reads {@code title_<lang>} when
 * that property exists (Magnolia's i18n content support: {@code wrapForI18n} is always applied).
 *
 * <p>A {@linkplain #decoded() decoded} map returns its text properties as HTML markup sanitised with
 * jsoup's relaxed safelist, so rich text is output unescaped but never as arbitrary HTML.
 */
public interface ContentMap extends Map<String, Object> {

    /** The node this map reads. */
    Node getJCRNode();

    /** The same content whose text properties are sanitised HTML markup (see {@code cmsfn.decode}). */
    ContentMap decoded();
}
