package fr.usinesouvertes.platform.admin;

import fr.usinesouvertes.platform.http.RoutedServlet;
import fr.usinesouvertes.platform.module.AdminViews;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;

/** A servlet of the back office's own pages: a path none of its routes takes shows the back office's 404 page. */
abstract class BackOfficeServlet extends RoutedServlet {

    @Override
    protected final void notFound(HttpServletRequest request, HttpServletResponse response) throws IOException {
        notFoundPage(request, response);
    }

    /** The back office's 404 page. */
    static void notFoundPage(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        AdminViews.render(request, response, "admin/not-found.ftlh", Map.of());
    }
}
