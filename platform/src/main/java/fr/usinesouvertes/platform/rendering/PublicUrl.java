package fr.usinesouvertes.platform.rendering;

import jakarta.servlet.http.HttpServletRequest;

/** The site's public address for absolute URLs: the {@code public-url} setting, else the address the request came to. */
final class PublicUrl {

    private final String configured;

    PublicUrl(String configured) {
        this.configured = configured == null || configured.isBlank() ? null : stripSlash(configured.strip());
    }

    /** E.g. {@code https://journees-usines-ouvertes.fr}, never with a trailing slash. */
    String of(HttpServletRequest request) {
        if (configured != null) {
            return configured;
        }
        String scheme = request.getScheme();
        int port = request.getServerPort();
        boolean defaultPort = ("http".equals(scheme) && port == 80) || ("https".equals(scheme) && port == 443);
        return scheme + "://" + request.getServerName() + (defaultPort ? "" : ":" + port);
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
