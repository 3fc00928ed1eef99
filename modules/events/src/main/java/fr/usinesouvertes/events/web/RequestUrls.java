package fr.usinesouvertes.events.web;

import jakarta.servlet.http.HttpServletRequest;

/** The address a request came to, without path: the default base of the links in registration e-mails. */
public final class RequestUrls {

    private RequestUrls() {
    }

    public static String base(HttpServletRequest request) {
        String scheme = request.getScheme();
        int port = request.getServerPort();
        boolean defaultPort = ("http".equals(scheme) && port == 80) || ("https".equals(scheme) && port == 443);
        return scheme + "://" + request.getServerName() + (defaultPort ? "" : ":" + port);
    }
}
