package fr.usinesouvertes.platform.admin;

import fr.usinesouvertes.platform.module.AdminViews;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** Puts the back office's renderer on every request, so that {@link AdminViews} renders wherever a module serves a page. */
final class ShellAttributeFilter extends HttpFilter {

    private final AdminShell shell;

    ShellAttributeFilter(AdminShell shell) {
        this.shell = shell;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        request.setAttribute(AdminViews.RENDERER, shell.pages());
        chain.doFilter(request, response);
    }
}
