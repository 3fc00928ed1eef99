package fr.usinesouvertes.platform.admin.authoring.shared;

import fr.usinesouvertes.platform.definition.SiteDefinition;
import fr.usinesouvertes.platform.http.RoutedServlet;
import fr.usinesouvertes.platform.module.AdminViews;
import fr.usinesouvertes.platform.admin.authoring.form.FormValues;
import fr.usinesouvertes.platform.admin.authoring.form.UploadedFile;
import fr.usinesouvertes.platform.publishing.PublishingException;
import fr.usinesouvertes.platform.repository.RepositoryException;
import fr.usinesouvertes.platform.security.Account;
import fr.usinesouvertes.platform.security.CurrentAccount;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the authoring apps share: the signed-in account, parameters and uploads as form values, pages
 * rendered through the back-office layout, and refusals ({@link AuthoringException}, publishing errors,
 * what Oak's access control denies) shown as a French page with a 4xx status instead of a failure, and a path
 * no route takes refused as not found.
 */
public abstract class AuthoringServlet extends RoutedServlet {

    protected final transient AuthoringContext context;

    protected AuthoringServlet(AuthoringContext context) {
        this.context = context;
    }

    /** A path no route takes: the refusal page, 404. */
    @Override
    protected final void notFound(HttpServletRequest request, HttpServletResponse response) {
        throw AuthoringException.notFound("Page introuvable.", "Page not found.");
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        request.setCharacterEncoding("UTF-8");
        try {
            super.service(request, response);
        } catch (AuthoringException e) {
            refuse(request, response, e.status(), e.message(AdminViews.lang(request)));
        } catch (PublishingException e) {
            refuse(request, response, switch (e.kind()) {
                case NOT_FOUND -> 404;
                case INVALID -> 400;
                case CONFLICT -> 409;
            }, PublishingMessages.of(e, AdminViews.lang(request)));
        } catch (RepositoryException e) {
            if (!e.isAccessDenied()) {
                throw e;
            }
            refuse(request, response, 403, "en".equals(AdminViews.lang(request))
                    ? "You may not see or change this content." : "Vous n'avez pas accès à ce contenu.");
        }
    }

    protected static Account account(HttpServletRequest request) {
        return CurrentAccount.require(request);
    }

    protected static String lang(HttpServletRequest request) {
        return AdminViews.lang(request);
    }

    /** The languages of the site ({@code i18n} of its definition; French then English without one). */
    protected final SiteDefinition.SiteLanguages siteLanguages() {
        return context.definitions().get().siteLanguages(context.publicUrl().host());
    }

    /**
     * The language a preview asks for ({@code language}, one of the site's locales), or the site's default language
     * when it asks for none or for one the site does not have.
     */
    protected final String previewLanguage(HttpServletRequest request) {
        SiteDefinition.SiteLanguages languages = siteLanguages();
        return languages.ofPrefix(param(request, "language")).orElse(languages.defaultLocale());
    }

    /** {@code sitePath} as the preview's language shows it: under its prefix ({@code /de/…}), none for the default. */
    protected final String inPreviewLanguage(HttpServletRequest request, String sitePath) {
        return siteLanguages().prefix(previewLanguage(request)) + sitePath;
    }

    /**
     * The site's languages but {@code except} for the links that switch a preview to them: {@code code}, {@code name}
     * (the language's own name: "English", "Deutsch (Schweiz)") and {@code param} ({@code &language=<code>}, empty
     * for the default language).
     */
    protected final java.util.List<Map<String, String>> previewLanguages(String except) {
        SiteDefinition.SiteLanguages languages = siteLanguages();
        java.util.List<Map<String, String>> choices = new java.util.ArrayList<>();
        for (String code : languages.enabled() ? languages.locales() : java.util.List.of(languages.defaultLocale())) {
            if (!code.equals(except)) {
                java.util.Locale locale = java.util.Locale.forLanguageTag(code.replace('_', '-'));
                String name = locale.getDisplayName(locale);
                choices.add(Map.of("code", code,
                        "name", name.isEmpty() ? code : name.substring(0, 1).toUpperCase(locale) + name.substring(1),
                        "param", languages.isDefault(code) ? "" : "&language=" + code));
            }
        }
        return choices;
    }

    /** A parameter, trimmed; empty when absent. */
    protected static String param(HttpServletRequest request, String name) {
        String value = request.getParameter(name);
        return value == null ? "" : value.trim();
    }

    /** Every parameter, plus the uploaded files of a multipart request. */
    protected static FormValues values(HttpServletRequest request) throws IOException, ServletException {
        FormValues values = FormValues.of(request.getParameterMap());
        String type = request.getContentType();
        if (type != null && type.startsWith("multipart/form-data")) {
            for (Part part : request.getParts()) {
                if (part.getSubmittedFileName() != null && part.getSize() > 0) {
                    try (InputStream in = part.getInputStream()) {
                        values.file(part.getName(), new UploadedFile(part.getSubmittedFileName(), part.getContentType(),
                                in.readAllBytes()));
                    }
                }
            }
        }
        return values;
    }

    protected static void render(HttpServletRequest request, HttpServletResponse response, int status, String template,
                                 Map<String, Object> model) throws IOException {
        response.setStatus(status);
        Map<String, Object> data = new LinkedHashMap<>(model);
        data.putIfAbsent("langQuery", "en".equals(lang(request)) ? "&lang=en" : "");
        AdminViews.render(request, response, "authoring/" + template, data);
    }

    /** A 303 to {@code location} (an {@code /admin/...} path), keeping the language, with a message shown once. */
    protected static void redirect(HttpServletRequest request, HttpServletResponse response, String location,
                                   String flash) throws IOException {
        if (flash != null) {
            AdminViews.flash(request, flash);
        }
        String target = location;
        if ("en".equals(lang(request))) {
            target += (location.contains("?") ? "&" : "?") + "lang=en";
        }
        AdminViews.redirect(response, target);
    }

    protected static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    protected static String t(HttpServletRequest request, String fr, String en) {
        return "en".equals(lang(request)) ? en : fr;
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response, int status, String message)
            throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        render(request, response, status, "refused.ftlh", Map.of("message", message, "status", status));
    }
}
