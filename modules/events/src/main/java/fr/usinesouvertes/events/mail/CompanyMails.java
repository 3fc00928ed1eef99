package fr.usinesouvertes.events.mail;

import fr.usinesouvertes.events.i18n.Lang;
import fr.usinesouvertes.events.i18n.Messages;
import fr.usinesouvertes.platform.mail.OutgoingMail;
import java.util.List;

/**
 * The e-mails of the company space: the sign-up verification link, and the organisers' decision on an
 * event sheet (approved, or sent back with their message). French; the verification in English too
 * when the company signed up in English.
 */
public final class CompanyMails {

    private CompanyMails() {
    }

    public static OutgoingMail verification(String to, String contactName, String companyName, String link, Lang lang) {
        Messages m = Messages.of(Messages.COMPANY, lang);
        String subject = m.text("companyMail.verification.subject");
        MailBody body = new MailBody().paragraph(m.format("companyMail.verification.greeting", contactName))
                .paragraph(m.format("companyMail.verification.intro", companyName))
                .link(m.text("companyMail.verification.link"), link)
                .paragraph(m.text("companyMail.verification.ignore"));
        return new OutgoingMail(to, subject, body.text(), body.html(lang.code(), subject), List.of());
    }

    public static OutgoingMail sheetRejected(String to, String siteName, int edition, String reason) {
        String subject = "Votre fiche événement « " + siteName + " » est à compléter";
        MailBody body = new MailBody().paragraph("Bonjour,")
                .paragraph("L'équipe des Journées Usines Ouvertes a relu la fiche événement " + edition + " du site « "
                        + siteName + " » et vous la renvoie pour modification, avec ce message :")
                .paragraph(reason)
                .paragraph("La fiche est repassée en brouillon dans votre espace entreprise : modifiez-la puis "
                        + "soumettez-la de nouveau.");
        return new OutgoingMail(to, subject, body.text(), body.html("fr", subject), List.of());
    }

    public static OutgoingMail sheetApproved(String to, String siteName, int edition, String publicLink) {
        String subject = "Votre fiche événement « " + siteName + " » est publiée";
        MailBody body = new MailBody().paragraph("Bonjour,")
                .paragraph("La fiche événement " + edition + " du site « " + siteName + " » a été validée et publiée.")
                .link("Voir la page publique", publicLink);
        return new OutgoingMail(to, subject, body.text(), body.html("fr", subject), List.of());
    }

    /** Tells the organisers a visit was cancelled (French: the organisers' language). */
    public static OutgoingMail visitCancelledAlert(String to, String what, String companyName, String reason, String by,
                                                   int registrations, long persons, String moderationLink) {
        String subject = "Visite annulée : " + what;
        MailBody body = new MailBody().paragraph("Bonjour,")
                .paragraph("Annulation par " + by + " : " + what + (companyName.isEmpty() ? "" : " (" + companyName + ")") + ".")
                .lines("Motif :", reason)
                .paragraph(registrations == 0 ? "Aucune inscription n'était en cours."
                        : registrations + " inscription(s) annulée(s), dont " + persons + " personne(s) confirmée(s) ; "
                        + "chaque inscrit reçoit un e-mail dans sa langue avec le motif et d'autres dates proches.")
                .link("Voir les annulations dans l'application de modération", moderationLink);
        return new OutgoingMail(to, subject, body.text(), body.html("fr", subject), List.of());
    }

    /** Tells a company the organisers cancelled its visit. */
    public static OutgoingMail visitCancelledByOrganisers(String to, String what, String reason, int registrations) {
        String subject = "Les organisateurs ont annulé " + what;
        MailBody body = new MailBody().paragraph("Bonjour,")
                .paragraph("L'équipe des Journées Usines Ouvertes a annulé " + what + ", avec ce motif :")
                .paragraph(reason)
                .paragraph(registrations == 0 ? "Aucune inscription n'était en cours."
                        : "Les " + registrations + " inscription(s) en cours sont annulées et chaque inscrit est prévenu par e-mail.");
        return new OutgoingMail(to, subject, body.text(), body.html("fr", subject), List.of());
    }

    /** Tells a company the organisers applied its change to a published sheet. */
    public static OutgoingMail changeApproved(String to, String siteName, int edition, int registrantsTold, String publicLink) {
        String subject = "Votre modification de la fiche « " + siteName + " » est publiée";
        MailBody body = new MailBody().paragraph("Bonjour,")
                .paragraph("L'équipe des Journées Usines Ouvertes a validé votre modification de la fiche événement " + edition
                        + " du site « " + siteName + " » : elle est en ligne.")
                .paragraph(registrantsTold == 0 ? "Aucun inscrit n'était concerné par un changement d'horaire ou de lieu."
                        : registrantsTold + " inscription(s) concernée(s) par un changement d'horaire ou de lieu : chaque "
                        + "inscrit est prévenu par e-mail, dans sa langue, avec le nouveau fichier d'agenda.")
                .link("Voir la page publique", publicLink);
        return new OutgoingMail(to, subject, body.text(), body.html("fr", subject), List.of());
    }

    /** Tells a company the organisers sent its change back; the published sheet stays online. */
    public static OutgoingMail changeSentBack(String to, String siteName, int edition, String message) {
        String subject = "Votre modification de la fiche « " + siteName + " » est à revoir";
        MailBody body = new MailBody().paragraph("Bonjour,")
                .paragraph("L'équipe des Journées Usines Ouvertes a relu votre modification de la fiche événement " + edition
                        + " du site « " + siteName + " » et vous la renvoie, avec ce message :")
                .paragraph(message)
                .paragraph("La version publiée reste en ligne sans changement. Dans votre espace entreprise, modifiez la "
                        + "fiche et enregistrez-la pour soumettre à nouveau la modification, ou retirez-la.");
        return new OutgoingMail(to, subject, body.text(), body.html("fr", subject), List.of());
    }
}
