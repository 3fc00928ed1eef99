package fr.usinesouvertes.platform.http;

import fr.usinesouvertes.platform.annotation.PluginApi;
import java.util.function.IntSupplier;

/**
 * The site's public address, the one base of every absolute URL the platform writes (e-mail links, canonical
 * and Open Graph tags, sitemap, feeds, structured data): the {@code public-url} setting, else the platform's own
 * listening address ({@code http://localhost:<port>} when it listens on every interface). Never the request's
 * {@code Host} header, which the client chooses: a reset link mailed to {@code evil.example} would hand the
 * token to whoever owns it.
 */
@PluginApi
public final class PublicUrl {

    private final String configured;
    private final String host;
    private final IntSupplier port;

    /**
     * @param configured the {@code public-url} setting, or null
     * @param host       the interface the server listens on ({@code host} setting)
     * @param port       the port it listens on, asked when the first URL is built (a port 0 is known after start)
     */
    public PublicUrl(String configured, String host, IntSupplier port) {
        this.configured = configured == null || configured.isBlank() ? null : stripSlash(configured.strip());
        this.host = host;
        this.port = port;
    }

    /** A fixed address, e.g. {@code https://journees-usines-ouvertes.fr} (tests, commands that serve nothing). */
    public static PublicUrl of(String address) {
        return new PublicUrl(address, null, () -> {
            throw new IllegalStateException("no public address");
        });
    }

    /** Whether the {@code public-url} setting gave the address (production needs it). */
    public boolean isConfigured() {
        return configured != null;
    }

    /** E.g. {@code https://journees-usines-ouvertes.fr}, never with a trailing slash. */
    public String base() {
        if (configured != null) {
            return configured;
        }
        String name = host == null || host.isBlank() || host.equals("0.0.0.0") || host.equals("::") ? "localhost"
                : host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        int listening = port.getAsInt();
        return "http://" + name + (listening == 80 ? "" : ":" + listening);
    }

    /**
     * The absolute URL of a path of the site ({@code /admin/password-reset/<token>}, a query allowed): {@link #base()}
     * and the path, the one way the platform and its modules write a link for an e-mail or another site.
     */
    public String link(String path) {
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("Not a path of the site: " + path);
        }
        return base() + path;
    }

    /** The host of {@link #base()} ({@code journees-usines-ouvertes.fr}), which chooses the site among the site definitions; null when unknown. */
    public String host() {
        try {
            return java.net.URI.create(base()).getHost();
        } catch (IllegalArgumentException | IllegalStateException e) {
            return null;
        }
    }

    /**
     * The base of absolute URLs for a request made to {@code requestHost} (its {@code Host}): that host, with
     * {@link #base()}'s scheme and port, when {@code isSiteDomain} says a site definition names it among its
     * {@code domains} (the platform serves that site at its own address); else {@link #base()}. The request's host is
     * trusted only as far as the configured domains go, and e-mail links always use {@link #base()}.
     */
    public String baseFor(String requestHost, java.util.function.Predicate<String> isSiteDomain) {
        String base = base();
        if (requestHost == null || requestHost.isBlank()) {
            return base;
        }
        String name = requestHost.strip().toLowerCase(java.util.Locale.ROOT);
        java.net.URI uri = java.net.URI.create(base);
        if (name.equals(uri.getHost()) || !isSiteDomain.test(name)) {
            return base;
        }
        return uri.getScheme() + "://" + name + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
    }

    /** The host that chooses the site for a request to {@code requestHost}: see {@link #baseFor}. */
    public String hostFor(String requestHost, java.util.function.Predicate<String> isSiteDomain) {
        return java.net.URI.create(baseFor(requestHost, isSiteDomain)).getHost();
    }

    /** Whether links are https, so that cookies must be {@code Secure}. */
    public boolean isHttps() {
        return base().startsWith("https://");
    }

    @Override
    public String toString() {
        return base();
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
