package fr.usinesouvertes.platform.rendering;

import freemarker.core.HTMLOutputFormat;

/**
 * The built-in pages shown when the site has none of its own: "page not found" (unless the site root has
 * a {@code 404} page), "server error" and the stand-in of a front end's page. French, or English in any other
 * language; no detail of the error.
 */
final class FallbackPages {

    private FallbackPages() {
    }

    /** {@code home}: the site's home page in the page's language ({@code /}, {@code /en}). */
    static String notFound(String language, String path, String home) {
        boolean english = !"fr".equals(language);
        String title = english ? "Page not found" : "Page introuvable";
        String text = english
                ? "The page <code>" + escape(path) + "</code> does not exist or has moved."
                : "La page <code>" + escape(path) + "</code> n’existe pas ou a été déplacée.";
        return page(language, title, text, homeLink(english, home));
    }

    static String serverError(String language) {
        boolean english = "en".equals(language);
        String title = english ? "Page unavailable" : "Page indisponible";
        String text = english
                ? "This page cannot be displayed right now. Please try again later."
                : "Cette page ne peut pas être affichée pour le moment. Merci de réessayer plus tard.";
        return page(language, title, text, homeLink(english, english ? "/en" : "/"));
    }

    /** A page whose template is a front end's (SPA) that ships no built {@code index.html} here. */
    static String frontEndPage(String language, String pageTitle, String home) {
        boolean english = !"fr".equals(language);
        String title = pageTitle == null || pageTitle.isBlank() ? "Page" : escape(pageTitle);
        String text = english
                ? "This page is displayed by the site’s front-end application, which reads it from the Delivery API."
                : "Cette page est affichée par l’application front-end du site, qui la lit dans l’API de diffusion.";
        return page(language, title, text, homeLink(english, home));
    }

    private static String homeLink(boolean english, String home) {
        return "<a href=\"" + escape(home) + "\">" + (english ? "Back to the home page" : "Retour à l’accueil") + "</a>";
    }

    private static String page(String language, String title, String text, String home) {
        return "<!DOCTYPE html>\n<html lang=\"" + language + "\">\n<head>\n<meta charset=\"UTF-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<title>" + title + " – Journées Usines Ouvertes</title>\n</head>\n<body>\n<main>\n"
                + "<h1>" + title + "</h1>\n<p>" + text + "</p>\n<p>" + home + "</p>\n</main>\n</body>\n</html>\n";
    }

    private static String escape(String text) {
        return HTMLOutputFormat.INSTANCE.escapePlainText(text == null ? "" : text);
    }
}
