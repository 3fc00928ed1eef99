package fr.usinesouvertes.platform.rendering;

import fr.usinesouvertes.platform.module.WebContextView;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * {@code ctx}, the {@link WebContextView} of the request being rendered, with the aggregation state and the
 * response a template may set the status of.
 */
public final class WebContext implements WebContextView {

    private final RenderContext context;

    WebContext(RenderContext context) {
        this.context = context;
    }

    @Override
    public String getContextPath() {
        return "";
    }

    @Override
    public String getParameter(String name) {
        String[] values = context.parameters().get(name);
        return values == null || values.length == 0 ? null : values[0];
    }

    @Override
    public String[] getParameterValues(String name) {
        return context.parameters().get(name);
    }

    /** First value of each request parameter. */
    @Override
    public Map<String, String> getParameters() {
        Map<String, String> first = new LinkedHashMap<>();
        context.parameters().forEach((name, values) -> first.put(name, values.length == 0 ? "" : values[0]));
        return first;
    }

    @Override
    public Locale getLocale() {
        return context.locale();
    }

    @Override
    public String getLanguage() {
        return context.language();
    }

    public AggregationState getAggregationState() {
        return context.state();
    }

    /** The site's public address without trailing slash, e.g. {@code https://journees-usines-ouvertes.fr}. */
    @Override
    public String getPublicUrl() {
        return context.publicUrl();
    }

    /** The answer's status, settable by the template ({@link ResponseView}). */
    public ResponseView getResponse() {
        return new ResponseView(context);
    }

    @Override
    public boolean isEditMode() {
        return false;
    }
}
