package fr.usinesouvertes.platform.module;

import java.util.Locale;
import java.util.Map;

/**
 * {@code ctx}: the request as Magnolia's WebContext shows it to templates ({@code ctx.contextPath},
 * {@code ctx.getParameter('x')}, {@code ctx.parameters}, {@code ctx.locale}, {@code ctx.aggregationState},
 * {@code ctx.response.setStatus(400)}). A module's templating functions receive it when a template passes
 * {@code ctx}. The platform runs at the root context, so the context path is empty.
 */
public interface WebContextView {

    String getContextPath();

    String getParameter(String name);

    String[] getParameterValues(String name);

    /** First value of each request parameter. */
    Map<String, String> getParameters();

    Locale getLocale();

    String getLanguage();

    /** The site's public address without trailing slash, e.g. {@code https://journees-usines-ouvertes.fr}. */
    String getPublicUrl();

    boolean isEditMode();
}
