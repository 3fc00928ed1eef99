package fr.usinesouvertes.events.mail;

import fr.usinesouvertes.platform.mail.OutgoingMail;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The company's e-mail the day after its site's last visit of the edition: thanks, how many came, where its visitors'
 * survey answers are, and the recruitment-needs declaration of the company space. French (the companies' language).
 * Queued by the surveys' job ({@link MailKind#COMPANY_FOLLOW_UP}) with the whole message in the entry's details.
 *
 * @param to              the company's contact address
 * @param siteName        the site visited
 * @param edition         the edition's year
 * @param present         persons checked in present (walk-ins included); -1 when nobody checked in
 * @param resultsLink     the company space's survey results
 * @param recruitmentLink the site's recruitment-needs declaration in the company space
 */
public record CompanyFollowUp(String to, String siteName, int edition, long present, String resultsLink,
                              String recruitmentLink) {

    public CompanyFollowUp {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(siteName, "siteName");
        Objects.requireNonNull(resultsLink, "resultsLink");
        Objects.requireNonNull(recruitmentLink, "recruitmentLink");
    }

    public OutgoingMail message() {
        String subject = "Merci pour votre visite " + edition + " – " + siteName;
        MailBody body = new MailBody().paragraph("Bonjour,")
                .paragraph("Merci d'avoir ouvert les portes du site « " + siteName + " » pour les Journées Usines Ouvertes "
                        + edition + "." + (present >= 0 ? " Vous avez accueilli " + present + " personne(s) pointée(s) "
                        + "présente(s)." : ""))
                .paragraph("Vos visiteurs reçoivent aujourd'hui un court questionnaire de satisfaction. Leurs réponses, "
                        + "sans nom ni adresse, s'affichent dans votre espace entreprise au fil de l'eau :")
                .link("Voir l'avis de vos visiteurs", resultsLink)
                .paragraph("Vous recrutez ? Déclarez vos besoins (métiers, nombre de postes, type de contrat) : ils "
                        + "sont transmis aux organisateurs et, en Île-de-France, à France Travail pour le Parcours "
                        + "Industrie.")
                .link("Déclarer mes besoins de recrutement", recruitmentLink);
        return new OutgoingMail(to, subject, body.text(), body.html("fr", subject), List.of());
    }

    /** As the queue entry's details. */
    public Map<String, String> toDetails() {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("to", to);
        details.put("siteName", siteName);
        details.put("edition", Integer.toString(edition));
        details.put("present", Long.toString(present));
        details.put("resultsLink", resultsLink);
        details.put("recruitmentLink", recruitmentLink);
        return details;
    }

    /**
     * From a queue entry's details.
     *
     * @throws IllegalArgumentException when they are not a follow-up's (the entry can never be sent)
     */
    public static CompanyFollowUp fromDetails(Map<String, String> details) {
        try {
            return new CompanyFollowUp(details.get("to"), details.get("siteName"),
                    Integer.parseInt(details.get("edition")), Long.parseLong(details.get("present")),
                    details.get("resultsLink"), details.get("recruitmentLink"));
        } catch (NullPointerException | NumberFormatException e) {
            throw new IllegalArgumentException("Not a company follow-up: " + details.keySet(), e);
        }
    }
}
