package fr.usinesouvertes.platform.admin.authoring.review;

import fr.usinesouvertes.platform.http.PublicUrl;
import fr.usinesouvertes.platform.mail.MailException;
import fr.usinesouvertes.platform.mail.MailSender;
import fr.usinesouvertes.platform.mail.OutgoingMail;
import fr.usinesouvertes.platform.publishing.ReviewRequest;
import fr.usinesouvertes.platform.security.Account;
import fr.usinesouvertes.platform.security.Accounts;
import fr.usinesouvertes.platform.security.Role;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Predicate;
import org.jsoup.nodes.Entities;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The e-mails of review before publishing, in French then English, through the platform's mail sender, each with
 * the link to the request's screen built on {@code public-url} only: to every enabled publisher and administrator
 * with an e-mail address who can read the item when an editor submits, to the editor when a publisher decides. A mail that cannot be
 * sent is logged; the decision stands.
 */
final class ReviewMails {

    static final String REQUEST_PATH = "/admin/reviews/request?id=";
    private static final Logger LOG = LoggerFactory.getLogger(ReviewMails.class);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

    private final Accounts accounts;
    private final MailSender mail;
    private final PublicUrl publicUrl;
    private final ZoneId zone;

    ReviewMails(Accounts accounts, MailSender mail, PublicUrl publicUrl, ZoneId zone) {
        this.accounts = accounts;
        this.mail = mail;
        this.publicUrl = publicUrl;
        this.zone = zone;
    }

    /** The link to a request's screen. */
    String link(ReviewRequest request) {
        return publicUrl.link(REQUEST_PATH + request.id());
    }

    /**
     * The publishers (and administrators) told about a new request: the enabled ones with an e-mail address who can
     * read the item ({@code canRead}: Oak decides); returns how many were mailed.
     */
    int submitted(ReviewRequest request, String itemTitle, String editorName, Predicate<String> canRead) {
        List<Account> publishers = accounts.list().stream()
                .filter(a -> a.has(Role.PUBLISHER) || a.has(Role.ADMIN))
                .filter(a -> a.login().contains("@") && !accounts.isDisabled(a.login()))
                .filter(a -> canRead.test(a.login())).toList();
        String wished = request.wishedAt() == null ? null : format(request.wishedAt());
        String subject = "Relecture demandée : " + itemTitle + " / Review requested: " + itemTitle;
        String text = """
                Bonjour,

                %1$s demande la relecture de « %2$s » (%3$s) avant publication.
                Commentaire : %4$s
                %5$s
                Pour relire et publier, programmer ou renvoyer :
                %6$s

                ---

                Hello,

                %1$s asks for a review of "%2$s" (%3$s) before it is published.
                Comment: %4$s
                %7$s
                To review it and publish, schedule or send it back:
                %6$s
                """.formatted(editorName, itemTitle, request.path(), request.comment(),
                wished == null ? "" : "Publication souhaitée le " + wished + "\n",
                link(request), wished == null ? "" : "Wished publication: " + wished + "\n");
        String html = """
                <!DOCTYPE html><html lang="fr"><body>
                <p>Bonjour,</p>
                <p>%1$s demande la relecture de «&nbsp;%2$s&nbsp;» (%3$s) avant publication.</p>
                <p>Commentaire&nbsp;: %4$s</p>%5$s
                <p><a href="%6$s">Relire la demande</a></p>
                <hr>
                <div lang="en">
                <p>Hello,</p>
                <p>%1$s asks for a review of "%2$s" (%3$s) before it is published.</p>
                <p>Comment: %4$s</p>%7$s
                <p><a href="%6$s">Review the request</a></p>
                </div>
                </body></html>
                """.formatted(Entities.escape(editorName), Entities.escape(itemTitle), Entities.escape(request.path()),
                Entities.escape(request.comment()),
                wished == null ? "" : "<p>Publication souhaitée le " + wished + "</p>",
                Entities.escape(link(request)), wished == null ? "" : "<p>Wished publication: " + wished + "</p>");
        int sent = 0;
        for (Account publisher : publishers) {
            if (send(new OutgoingMail(publisher.login(), subject, text, html, List.of()), request)) {
                sent++;
            }
        }
        return sent;
    }

    /** The editor told of the decision (approved, scheduled or sent back) with the publisher's comment. */
    boolean decided(ReviewRequest request, String itemTitle, String publisherName) {
        if (!request.by().contains("@") || accounts.find(request.by()).isEmpty()) {
            return false;
        }
        String comment = request.decisionComment();
        String fr;
        String en;
        switch (request.state()) {
            case APPROVED -> {
                fr = publisherName + " a approuvé et publié « " + itemTitle + " ».";
                en = publisherName + " approved and published \"" + itemTitle + "\".";
            }
            case SCHEDULED -> {
                fr = publisherName + " a approuvé « " + itemTitle + " » ; publication programmée le "
                        + format(request.scheduledAt()) + ". C'est la version approuvée qui sera publiée : "
                        + "les modifications faites d'ici là resteront en brouillon, pour une nouvelle relecture.";
                en = publisherName + " approved \"" + itemTitle + "\"; publication scheduled at "
                        + format(request.scheduledAt()) + ". The approved version is what will be published: changes "
                        + "made before then stay in the draft, for a new review.";
            }
            default -> {
                fr = publisherName + " vous renvoie « " + itemTitle + " » sans le publier.";
                en = publisherName + " sent \"" + itemTitle + "\" back to you without publishing it.";
            }
        }
        String subjectFr = switch (request.state()) {
            case APPROVED -> "Relecture approuvée, publié : ";
            case SCHEDULED -> "Relecture approuvée, publication programmée : ";
            default -> "Relecture : à reprendre : ";
        };
        String subjectEn = switch (request.state()) {
            case APPROVED -> "Review approved, published: ";
            case SCHEDULED -> "Review approved, publication scheduled: ";
            default -> "Review: sent back: ";
        };
        String text = """
                Bonjour,

                %1$s
                %2$s
                La demande : %3$s

                ---

                Hello,

                %4$s
                %5$s
                The request: %3$s
                """.formatted(fr, comment == null ? "" : "Commentaire : " + comment, link(request), en,
                comment == null ? "" : "Comment: " + comment);
        String html = """
                <!DOCTYPE html><html lang="fr"><body>
                <p>Bonjour,</p>
                <p>%1$s</p>%2$s
                <p><a href="%3$s">Voir la demande</a></p>
                <hr>
                <div lang="en">
                <p>Hello,</p>
                <p>%4$s</p>%5$s
                <p><a href="%3$s">See the request</a></p>
                </div>
                </body></html>
                """.formatted(Entities.escape(fr), comment == null ? "" : "<p>Commentaire&nbsp;: "
                        + Entities.escape(comment) + "</p>", Entities.escape(link(request)), Entities.escape(en),
                comment == null ? "" : "<p>Comment: " + Entities.escape(comment) + "</p>");
        return send(new OutgoingMail(request.by(), subjectFr + itemTitle + " / " + subjectEn + itemTitle, text, html,
                List.of()), request);
    }

    private String format(Instant at) {
        return at.atZone(zone).format(WHEN);
    }

    private boolean send(OutgoingMail message, ReviewRequest request) {
        try {
            mail.send(message);
            return true;
        } catch (MailException e) {
            LOG.warn("Review e-mail about request {} to {} could not be sent: {}", request.id(), message.to(),
                    e.getMessage());
            return false;
        }
    }
}
