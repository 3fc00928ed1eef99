package fr.usinesouvertes.platform.admin.authoring.shared;

import fr.usinesouvertes.platform.publishing.PublishingException;

/**
 * What the back office tells an editor when publishing refuses a request: the service's {@code code} in
 * French (or English), naming the content by its path inside its workspace. An unknown code falls back to
 * the service's English message.
 */
public final class PublishingMessages {

    private PublishingMessages() {
    }

    public static String of(PublishingException e, String lang) {
        boolean en = "en".equals(lang);
        String path = workspacePath(e.subject());
        return switch (e.code()) {
            case "parentNotPublished" -> en
                    ? "Publish the page or item above " + path + " first."
                    : "Publiez d'abord la page ou l'élément au-dessus de " + path + ".";
            case "nodeNotFound" -> en ? "This content no longer exists." : "Ce contenu n'existe plus.";
            case "versionNotFound" -> en ? "This version does not exist." : "Cette version n'existe pas.";
            case "workspaceNotPublishable" -> en ? "Publishing is not available here." : "La publication n'est pas disponible ici.";
            case "invalidPath" -> en ? "Invalid path." : "Chemin invalide.";
            case "actionMissing", "timeMissing" -> en ? "Choose an action and a date." : "Choisissez une action et une date.";
            default -> e.getMessage();
        };
    }

    /** {@code /presse/kit} for {@code /dam/presse/kit}: the path editors see. */
    private static String workspacePath(String jcrPath) {
        if (jcrPath == null || jcrPath.isEmpty()) {
            return "";
        }
        int second = jcrPath.indexOf('/', 1);
        return second < 0 ? "/" : jcrPath.substring(second);
    }
}
