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
            case "commentMissing" -> en ? "A comment is required (field \"Comment\")." : "Le commentaire est obligatoire (champ « Commentaire »).";
            case "timeInPast" -> en ? "The date must be in the future." : "La date doit être dans le futur.";
            case "reviewOutdated" -> en ? "The draft changed since you opened the request: look at it again before deciding."
                    : "Le brouillon a changé depuis que vous avez ouvert la demande : relisez-le avant de décider.";
            case "reviewDecided" -> en ? "This review request was already decided." : "Cette demande de relecture a déjà été traitée.";
            case "reviewNotFound" -> en ? "This review request does not exist." : "Cette demande de relecture n'existe pas.";
            case "workspaceNotReviewable" -> en ? "This content is not reviewed." : "Ce contenu ne passe pas par la relecture.";
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
