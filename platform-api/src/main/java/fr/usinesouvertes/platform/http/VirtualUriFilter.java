package fr.usinesouvertes.platform.http;

import fr.usinesouvertes.platform.definition.Definitions;
import fr.usinesouvertes.platform.definition.VirtualUriMapping;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;

/**
 * Applies the light modules' virtual URI mappings (see {@link VirtualUriMapping}): the first mapping whose
 * {@code fromUri} matches the request path redirects (302 or 301) or forwards the request; other requests go on
 * unchanged. A target built from the path never leaves the site: leading slashes collapse to one, so {@code /$1}
 * cannot become {@code //other.example}.
 */
public final class VirtualUriFilter implements Filter {

    private final Definitions definitions;

    public VirtualUriFilter(Definitions definitions) {
        this.definitions = definitions;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        Optional<VirtualUriMapping.Target> target = Optional.empty();
        for (VirtualUriMapping mapping : definitions.current().virtualUriMappings()) {
            target = mapping.map(request.getRequestURI());
            if (target.isPresent()) {
                break;
            }
        }
        if (target.isEmpty()) {
            chain.doFilter(req, res);
            return;
        }
        String uri = target.get().uri().startsWith("/") ? target.get().uri().replaceFirst("^/+", "/") : target.get().uri();
        switch (target.get().kind()) {
            case REDIRECT -> response.sendRedirect(uri);
            case PERMANENT -> {
                response.setStatus(HttpServletResponse.SC_MOVED_PERMANENTLY);
                response.setHeader("Location", uri);
            }
            case FORWARD -> request.getRequestDispatcher(uri.startsWith("/") ? uri : "/" + uri).forward(req, res);
        }
    }
}
