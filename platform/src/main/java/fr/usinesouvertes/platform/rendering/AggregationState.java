package fr.usinesouvertes.platform.rendering;

import java.util.Locale;
import javax.jcr.Node;

/**
 * What the current request resolved to, exposed to templates as {@code state} and
 * {@code ctx.aggregationState}, with the getters Magnolia's AggregationState has.
 */
public final class AggregationState {

    private final String originalURI;
    private final String currentURI;
    private final Locale locale;
    private Node mainContentNode;
    private Node currentContentNode;
    private String selector = "";

    public AggregationState(String originalURI, String currentURI, Locale locale) {
        this.originalURI = originalURI;
        this.currentURI = currentURI;
        this.locale = locale;
    }

    public String getOriginalURI() {
        return originalURI;
    }

    public String getCurrentURI() {
        return currentURI;
    }

    public Locale getLocale() {
        return locale;
    }

    public String getCharacterEncoding() {
        return "UTF-8";
    }

    /** The page being rendered. */
    public Node getMainContentNode() {
        return mainContentNode;
    }

    /** The node being rendered right now (page, area or component). */
    public Node getCurrentContentNode() {
        return currentContentNode;
    }

    /** The detail item's name on a detail page, else the empty string. */
    public String getSelector() {
        return selector;
    }

    public String getHandle() {
        try {
            return mainContentNode == null ? null : mainContentNode.getPath();
        } catch (javax.jcr.RepositoryException e) {
            return null;
        }
    }

    void setMainContentNode(Node node) {
        this.mainContentNode = node;
        this.currentContentNode = node;
    }

    void setCurrentContentNode(Node node) {
        this.currentContentNode = node;
    }

    void setSelector(String selector) {
        this.selector = selector == null ? "" : selector;
    }
}
