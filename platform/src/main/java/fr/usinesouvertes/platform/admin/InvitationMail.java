package fr.usinesouvertes.platform.admin;

import fr.usinesouvertes.platform.mail.OutgoingMail;
import fr.usinesouvertes.platform.security.Account;
import fr.usinesouvertes.platform.security.Role;
import java.util.List;
import java.util.stream.Collectors;
import org.jsoup.nodes.Entities;

/**
 * The e-mail inviting a new back-office account to choose its password, in French then English: who invites, the
 * login, the roles, the link and how many days it works.
 */
final class InvitationMail {

    private InvitationMail() {
    }

    static OutgoingMail of(Account invited, String invitedBy, String link, long days) {
        String rolesFr = roles(invited, "fr");
        String rolesEn = roles(invited, "en");
        boolean several = invited.roles().size() > 1;
        String roleWordFr = several ? "Vos rôles" : "Votre rôle";
        String roleWordEn = several ? "Your roles" : "Your role";
        String subject = "Invitation à l'administration du site des Journées Usines Ouvertes"
                + " / Invitation to the Journées Usines Ouvertes back office";
        String text = """
                Bonjour %1$s,

                %2$s vous invite à rejoindre l'administration du site des Journées Usines Ouvertes.
                Votre identifiant : %3$s
                %8$s : %4$s

                Pour choisir votre mot de passe, ouvrez ce lien dans les %6$d jours (il ne sert qu'une fois) :
                %5$s

                Si vous ne vous attendiez pas à cette invitation, ignorez ce message : sans mot de passe choisi, le compte ne sert à rien.

                ---

                Hello %1$s,

                %2$s invites you to the Journées Usines Ouvertes back office.
                Your login: %3$s
                %9$s: %7$s

                To choose your password, open this link within %6$d days (it works once):
                %5$s

                If you did not expect this invitation, ignore this message: without a password the account is of no use.
                """.formatted(invited.displayName(), invitedBy, invited.login(), rolesFr, link, days, rolesEn, roleWordFr,
                roleWordEn);
        String html = """
                <!DOCTYPE html><html lang="fr"><body>
                <p>Bonjour %1$s,</p>
                <p>%2$s vous invite à rejoindre l'administration du site des Journées Usines Ouvertes.</p>
                <p>Votre identifiant&nbsp;: %3$s<br>%8$s&nbsp;: %4$s</p>
                <p>Pour choisir votre mot de passe, ouvrez ce lien dans les %6$d jours (il ne sert qu'une fois)&nbsp;:</p>
                <p><a href="%5$s">Accepter l'invitation et choisir mon mot de passe</a></p>
                <p>Si vous ne vous attendiez pas à cette invitation, ignorez ce message&nbsp;: sans mot de passe choisi, le compte ne sert à rien.</p>
                <hr>
                <div lang="en">
                <p>Hello %1$s,</p>
                <p>%2$s invites you to the Journées Usines Ouvertes back office.</p>
                <p>Your login: %3$s<br>%9$s: %7$s</p>
                <p>To choose your password, open this link within %6$d days (it works once):</p>
                <p><a href="%5$s">Accept the invitation and choose my password</a></p>
                <p>If you did not expect this invitation, ignore this message: without a password the account is of no use.</p>
                </div>
                </body></html>
                """.formatted(Entities.escape(invited.displayName()), Entities.escape(invitedBy),
                Entities.escape(invited.login()), Entities.escape(rolesFr), Entities.escape(link), days,
                Entities.escape(rolesEn), roleWordFr, roleWordEn);
        return new OutgoingMail(invited.login(), subject, text, html, List.of());
    }

    private static String roles(Account account, String lang) {
        return account.roles().stream().sorted().map(role -> role.label(lang)).collect(Collectors.joining(", "));
    }
}
