package fr.usinesouvertes.platform.admin;

import fr.usinesouvertes.platform.mail.OutgoingMail;
import java.util.List;
import org.jsoup.nodes.Entities;

/** The e-mail carrying a password-reset link, in French then English. */
final class PasswordResetMail {

    private PasswordResetMail() {
    }

    static OutgoingMail of(String to, String link) {
        String subject = "Réinitialisation de votre mot de passe / Password reset — Journées Usines Ouvertes";
        String text = """
                Bonjour,

                Une réinitialisation du mot de passe de votre compte d'administration des Journées Usines Ouvertes a été demandée.
                Pour choisir un nouveau mot de passe, ouvrez ce lien dans l'heure (il ne sert qu'une fois) :
                %1$s

                Si vous n'êtes pas à l'origine de cette demande, ignorez ce message : votre mot de passe reste inchangé.

                ---

                Hello,

                A password reset was requested for your Journées Usines Ouvertes back-office account.
                To choose a new password, open this link within one hour (it works once):
                %1$s

                If you did not ask for it, ignore this message: your password stays as it is.
                """.formatted(link);
        String href = Entities.escape(link);
        String html = """
                <!DOCTYPE html><html lang="fr"><body>
                <p>Bonjour,</p>
                <p>Une réinitialisation du mot de passe de votre compte d'administration des Journées Usines Ouvertes a été demandée.
                Pour choisir un nouveau mot de passe, ouvrez ce lien dans l'heure (il ne sert qu'une fois)&nbsp;:</p>
                <p><a href="%1$s">Choisir un nouveau mot de passe</a></p>
                <p>Si vous n'êtes pas à l'origine de cette demande, ignorez ce message&nbsp;: votre mot de passe reste inchangé.</p>
                <hr>
                <div lang="en">
                <p>Hello,</p>
                <p>A password reset was requested for your Journées Usines Ouvertes back-office account.
                To choose a new password, open this link within one hour (it works once):</p>
                <p><a href="%1$s">Choose a new password</a></p>
                <p>If you did not ask for it, ignore this message: your password stays as it is.</p>
                </div>
                </body></html>
                """.formatted(href);
        return new OutgoingMail(to, subject, text, html, List.of());
    }
}
