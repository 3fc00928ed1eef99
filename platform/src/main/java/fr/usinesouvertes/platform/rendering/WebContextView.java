package fr.usinesouvertes.platform.rendering;

import fr.usinesouvertes.platform.annotation.PluginApi;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * {@code ctx}: the request as Magnolia's WebContext shows it to templates ({@code ctx.contextPath},
 * {@code ctx.getParameter('x')}, {@code ctx.parameters}, {@code ctx.locale}, {@code ctx.aggregationState},
 * {@code ctx.response.setStatus(400)}).
 * The platform runs at the root context, so the context path is empty.
 */
@PluginApi
public final class WebContextView {

    private final RenderContext context;

    WebContextView(RenderContext context) {
        this.context = context;
    }

    public String getContextPath() {
        return "";
    }

    public String getParameter(String name) {
        String[] values = context.parameters().get(name);
        return values == null || values.length == 0 ? null : values[0];
    }

    public String[] getParameterValues(String name) {
        return context.parameters().get(name);
    }

    /** First value of each request parameter. */
    public Map<String, String> getParameters() {
        Map<String, String> first = new LinkedHashMap<>();
        context.parameters().forEach((name, values) -> first.put(name, values.length == 0 ? "" : values[0]));
        return first;
    }

    public Locale getLocale() {
        return context.locale();
    }

    public String getLanguage() {
        return context.language();
    }

    public AggregationState getAggregationState() {
        return context.state();
    }

    /** The site's public address without trailing slash, e.g. {@code https://journees-usines-ouvertes.fr}. */
    public String getPublicUrl() {
        return context.publicUrl();
    }

    /** The answer's status, settable by the template ({@link ResponseView}). */
    public ResponseView getResponse() {
        return new ResponseView(context);
    }

    public boolean isEditMode() {
        return false;
    }
}
