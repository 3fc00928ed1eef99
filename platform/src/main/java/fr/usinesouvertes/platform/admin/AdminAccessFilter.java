package fr.usinesouvertes.platform.admin;

import fr.usinesouvertes.platform.module.AdminViews;
import fr.usinesouvertes.platform.http.CacheControl;
import fr.usinesouvertes.platform.module.AdminApp;
import fr.usinesouvertes.platform.security.Account;
import fr.usinesouvertes.platform.security.CurrentAccount;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Guards {@code /admin/*}: the login, password-reset and static paths are open; everything else needs a
 * logged-in account (else a redirect to {@code /admin/login?next=...}), and an app's path one of its
 * roles (else a 403 page). Adds the back office's security headers.
 */
public final class AdminAccessFilter extends HttpFilter {

    private static final Set<String> OPEN = Set.of("login", "password-reset", "invitation", "static");

    private final AdminShell shell;

    public AdminAccessFilter(AdminShell shell) {
        this.shell = shell;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        request.setAttribute(AdminViews.RENDERER, shell.pages());
        String section = firstSegment(request.getRequestURI());
        if (!section.equals("static")) {
            response.setHeader("Cache-Control", CacheControl.NO_STORE);
        }
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "same-origin");
        response.setHeader("Content-Security-Policy", "default-src 'self'; script-src 'self'; "
                + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; object-src 'none'; "
                + "base-uri 'self'; form-action 'self'; frame-ancestors 'none'");
        FlashResponse wrapped = new FlashResponse(request, response);
        if (OPEN.contains(section)) {
            chain.doFilter(request, wrapped);
            return;
        }
        Optional<Account> account = CurrentAccount.of(request);
        if (account.isEmpty()) {
            String target = request.getRequestURI() + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
            wrapped.sendRedirect("/admin/login?next=" + URLEncoder.encode(target, StandardCharsets.UTF_8));
            return;
        }
        Optional<AdminApp> app = shell.app(section);
        if (app.isPresent() && !app.get().allows(account.get())) {
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            AdminViews.render(request, wrapped, "admin/forbidden.ftlh", Map.of());
            return;
        }
        chain.doFilter(request, wrapped);
    }

    /** {@code accounts} for {@code /admin/accounts/new}, empty for {@code /admin/}. */
    static String firstSegment(String uri) {
        String rest = uri.length() > "/admin/".length() ? uri.substring("/admin/".length()) : "";
        int slash = rest.indexOf('/');
        return slash < 0 ? rest : rest.substring(0, slash);
    }

    /** Redirects as 303 (the browser GETs the target, also after a POST) and carries a pending flash message. */
    static final class FlashResponse extends HttpServletResponseWrapper {
        private final HttpServletRequest request;

        FlashResponse(HttpServletRequest request, HttpServletResponse response) {
            super(response);
            this.request = request;
        }

        @Override
        public void sendRedirect(String location) throws IOException {
            Object pending = request.getAttribute(AdminViews.PENDING_FLASH);
            if (pending instanceof String message) {
                addCookie(AdminPages.flashCookie(message));
                request.removeAttribute(AdminViews.PENDING_FLASH);
            }
            resetBuffer();
            setStatus(SC_SEE_OTHER);
            setHeader("Location", location);
        }
    }
}
