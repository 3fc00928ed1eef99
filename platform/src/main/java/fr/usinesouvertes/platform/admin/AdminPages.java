package fr.usinesouvertes.platform.admin;

import fr.usinesouvertes.platform.module.AdminApp;
import fr.usinesouvertes.platform.module.AdminViews;
import fr.usinesouvertes.platform.security.Account;
import fr.usinesouvertes.platform.security.CurrentAccount;
import fr.usinesouvertes.platform.security.Csrf;
import freemarker.template.SimpleScalar;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateMethodModelEx;
import freemarker.template.TemplateModelException;
import freemarker.template.utility.DeepUnwrap;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Writer;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;

import java.util.Map;

/**
 * The back office's {@link AdminViews.Renderer}: renders a template of the shell with the page's model plus
 * the account, CSRF token, menu, language, {@code i18n} and the flash message, which a cookie carries
 * across a redirect.
 */
final class AdminPages implements AdminViews.Renderer {

    static final String FLASH_COOKIE = "uo_flash";

    private final AdminShell shell;

    AdminPages(AdminShell shell) {
        this.shell = shell;
    }

    @Override
    public void render(HttpServletRequest request, HttpServletResponse response, String template,
                       Map<String, Object> model) throws IOException {
        String name = template.startsWith(AdminShell.TEMPLATE_ROOT + "/")
                ? template.substring(AdminShell.TEMPLATE_ROOT.length() + 1) : template;
        String lang = AdminViews.lang(request);
        Map<String, Object> data = new HashMap<>(model);
        Account account = CurrentAccount.of(request).orElse(null);
        data.put("account", account == null ? null : accountModel(account, lang));
        data.put("csrf", Csrf.token(request));
        data.put("csrfToken", data.get("csrf"));
        data.put("csrfField", Csrf.FIELD);
        data.put("apps", menu(shell, account, lang, request));
        data.put("lang", lang);
        data.put("i18n", new I18n(lang));
        data.put("path", request.getRequestURI());
        Object flash = takeFlash(request, response);
        if (flash != null || !data.containsKey("flash")) {
            data.put("flash", flash); // else the page's own message (a form saved and shown again) stays
        }
        response.setContentType("text/html;charset=UTF-8");
        try {
            Template loaded = shell.templates().getTemplate(name);
            Writer out = response.getWriter();
            loaded.process(data, out);
        } catch (TemplateException e) {
            throw new IOException("Admin template " + name + " failed: " + e.getMessage(), e);
        }
    }

    static Cookie flashCookie(String message) {
        Cookie cookie = new Cookie(FLASH_COOKIE, URLEncoder.encode(message, StandardCharsets.UTF_8));
        cookie.setPath("/admin/");
        cookie.setHttpOnly(true);
        cookie.setAttribute("SameSite", "Lax");
        return cookie;
    }

    private static String takeFlash(HttpServletRequest request, HttpServletResponse response) {
        Object pending = request.getAttribute(AdminViews.PENDING_FLASH);
        if (pending instanceof String message) {
            request.removeAttribute(AdminViews.PENDING_FLASH);
            return message; // set during this request and rendered at once
        }
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return null;
        }
        for (Cookie cookie : cookies) {
            if (FLASH_COOKIE.equals(cookie.getName()) && !cookie.getValue().isEmpty()) {
                Cookie cleared = flashCookie("");
                cleared.setMaxAge(0);
                response.addCookie(cleared);
                try {
                    return URLDecoder.decode(cookie.getValue(), StandardCharsets.UTF_8);
                } catch (IllegalArgumentException e) {
                    return null;
                }
            }
        }
        return null;
    }

    private static Map<String, Object> accountModel(Account account, String lang) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("login", account.login());
        model.put("displayName", account.displayName());
        model.put("roles", account.roles().stream().map(role -> role.name()).sorted().toList());
        model.put("roleLabels", AccountsServlet.roleLabels(account.roles(), lang));
        model.put("company", account.company());
        model.put("staff", account.isStaff());
        return model;
    }

    private static List<Map<String, Object>> menu(AdminShell shell, Account account, String lang,
                                                  HttpServletRequest request) {
        List<Map<String, Object>> entries = new ArrayList<>();
        if (account == null) {
            return entries;
        }
        for (AdminApp app : shell.apps()) {
            if (app.allows(account)) {
                String href = "/admin/" + app.name() + "/";
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("name", app.name());
                entry.put("label", "en".equals(lang) ? app.labelEn() : app.labelFr());
                entry.put("href", "en".equals(lang) ? href + "?lang=en" : href);
                entry.put("active", request.getRequestURI().startsWith(href));
                entries.add(entry);
            }
        }
        return entries;
    }

    /** {@code i18n("texte français", "English text")}: the text of the page's language. */
    private record I18n(String lang) implements TemplateMethodModelEx {
        @Override
        public Object exec(@SuppressWarnings("rawtypes") List arguments) throws TemplateModelException {
            if (arguments.size() != 2) {
                throw new TemplateModelException("i18n needs two texts, French then English");
            }
            Object chosen = DeepUnwrap.unwrap((freemarker.template.TemplateModel) arguments.get("en".equals(lang) ? 1 : 0));
            return new SimpleScalar(String.valueOf(chosen));
        }
    }
}
