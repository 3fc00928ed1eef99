package fr.usinesouvertes.platform.http;

import fr.usinesouvertes.platform.annotation.PluginApi;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * A servlet whose GET (and HEAD) and POST requests go through its {@link Router}: the route of the request's method
 * and path info runs, and a request no route takes gets the servlet's {@link #notFound} answer (the container's 404
 * unless the servlet has its own page), whatever its method: a POST to a GET-only path is "not found", as the
 * hand-routed servlets answered. A servlet without POST routes, and the other methods, keep {@link HttpServlet}'s 405.
 */
@PluginApi
public abstract class RoutedServlet extends HttpServlet {

    private transient volatile Router<Router.Page> routes;

    /** The servlet's routes, asked once, at its first request (when its own fields are set). */
    protected abstract Router<Router.Page> routes();

    /** The answer to a request no route takes: by default the container's 404. */
    protected void notFound(HttpServletRequest request, HttpServletResponse response)
            throws IOException, ServletException {
        response.sendError(HttpServletResponse.SC_NOT_FOUND);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        dispatch(request, response);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        if (router().hasRoutesFor("POST")) {
            dispatch(request, response);
        } else {
            super.doPost(request, response);
        }
    }

    /** Runs the request's route, or answers {@link #notFound}. */
    protected final void dispatch(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        if (!Router.dispatch(router(), request, response)) {
            notFound(request, response);
        }
    }

    private Router<Router.Page> router() {
        Router<Router.Page> router = routes;
        if (router == null) {
            router = routes();
            routes = router;
        }
        return router;
    }
}
