package fr.usinesouvertes.platform.admin.authoring.review;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import fr.usinesouvertes.platform.publishing.PublicationStatus;
import fr.usinesouvertes.platform.publishing.ReviewRequest;
import fr.usinesouvertes.platform.security.Role;
import fr.usinesouvertes.platform.testing.LocalSmtp;
import fr.usinesouvertes.platform.testing.AdminBrowser;
import fr.usinesouvertes.platform.testing.PlatformExtension;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.jackrabbit.api.JackrabbitSession;
import org.apache.jackrabbit.commons.jackrabbit.authorization.AccessControlUtils;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Review before publishing over real HTTP, with e-mails through a real SMTP server (GreenMail): an editor's direct
 * publication refused, the submission, the queue, the comparison in the forms' terms, approve, schedule and send back,
 * an outdated draft, a publisher who cannot read the item, the administrators' setting, CSRF.
 */
class ReviewsServletTest {

    static final GreenMail SMTP = LocalSmtp.start();

    @RegisterExtension
    static final PlatformExtension PLATFORM = PlatformExtension
            .withLightModules(Path.of("src/test/resources/authoring-modules")).inMemory()
            .setting("login-rate-limit", "0")
            .setting("public-url", "https://usines.example")
            .setting("smtp-host", "127.0.0.1")
            .setting("smtp-port", String.valueOf(SMTP.getSmtp().getPort()))
            .setting("smtp-starttls", "false");

    static final String PASSWORD = "correct horse battery";
    static final Pattern LINK = Pattern.compile("https://usines\\.example/admin/reviews/request\\?id=([0-9a-f-]{36})");
    static AdminBrowser editor;
    static AdminBrowser publisher;
    static AdminBrowser admin;
    static AdminBrowser blind;


    @BeforeAll
    static void accounts() {
        var accounts = PLATFORM.platform().accounts();
        accounts.create("editrice@example.fr", "Élise", PASSWORD.toCharArray(), Set.of(Role.EDITOR), null);
        accounts.create("publieur@example.fr", "Paul", PASSWORD.toCharArray(), Set.of(Role.PUBLISHER), null);
        accounts.create("admin@example.fr", "Anne", PASSWORD.toCharArray(), Set.of(Role.ADMIN), null);
        accounts.create("aveugle@example.fr", "Bruno", PASSWORD.toCharArray(), Set.of(Role.PUBLISHER), null);
        accounts.create("parti@example.fr", "Ancien", PASSWORD.toCharArray(), Set.of(Role.PUBLISHER), null);
        accounts.disable("parti@example.fr");
        PLATFORM.platform().repository().write(session -> {
            var site = session.getNode("/website").addNode("site", "mgnl:page");
            site.setProperty("mgnl:template", "authoring-test:pages/standard");
            site.setProperty("title", "Accueil");
            var news = site.addNode("actualites", "mgnl:page");
            news.setProperty("mgnl:template", "authoring-test:pages/standard");
            news.setProperty("title", "Actualités");
            var text = news.addNode("main", "mgnl:area").addNode("0", "mgnl:component");
            text.setProperty("mgnl:template", "authoring-test:components/text");
            text.setProperty("text", "<p>Ancien texte</p>");
            var secret = site.addNode("secret", "mgnl:page");
            secret.setProperty("mgnl:template", "authoring-test:pages/standard");
            secret.setProperty("title", "Confidentiel");
            var principal = ((JackrabbitSession) session).getUserManager().getAuthorizable("aveugle@example.fr")
                    .getPrincipal();
            AccessControlUtils.addAccessControlEntry(session, "/website/site/secret", principal,
                    new String[] {"jcr:read"}, false);
            return null;
        });
        PLATFORM.platform().publishing().publish("setup", "website", "/site", true);
        editor = logIn("editrice@example.fr");
        publisher = logIn("publieur@example.fr");
        admin = logIn("admin@example.fr");
        blind = logIn("aveugle@example.fr");
    }

    @AfterAll
    static void stopSmtp() {
        SMTP.stop();
    }

    @BeforeEach
    void emptyMailboxes() throws Exception {
        SMTP.purgeEmailFromAllMailboxes();
    }

    @Test
    void anEditorCannotPublishDirectlyAndSubmitsWithACommentWhichMailsThePublishers() throws Exception {
        edit("/site/actualites", "title", "Actualités 2026");
        Document page = Jsoup.parse(editor.get("/admin/pages/page?path=%2Fsite%2Factualites").body());
        assertThat(page.select(".publishing button[value=publish]")).isEmpty();
        assertThat(page.select(".review-submit button").text()).isEqualTo("Soumettre pour relecture");
        assertThat(page.select(".review-submit label").eachText()).contains("Commentaire pour la relecture (obligatoire)");

        for (String action : List.of("publish", "publish-all", "unpublish")) {
            HttpResponse<String> refused = editor.post("/admin/pages/publishing", Map.of("path", "/site/actualites",
                    "action", action));
            assertThat(refused.statusCode()).as(action).isEqualTo(403);
            assertThat(Jsoup.parse(refused.body()).select(".error").text())
                    .startsWith("Vos modifications doivent être relues avant publication");
        }
        assertThat(editor.post("/admin/pages/publishing", Map.of("path", "/site/actualites", "action", "schedule",
                "scheduleAction", "publish", "scheduleAt", "2099-01-01T10:00")).statusCode()).isEqualTo(403);
        assertThat(PLATFORM.platform().publishing().status("website", "/site/actualites"))
                .isEqualTo(PublicationStatus.MODIFIED);
        assertThat(PLATFORM.platform().publishing().scheduled("website", "/site/actualites")).isEmpty();

        HttpResponse<String> noComment = editor.post("/admin/reviews/submit", Map.of("workspace", "website",
                "path", "/site/actualites", "comment", " "));
        assertThat(noComment.statusCode()).isEqualTo(422);
        assertThat(noComment.body()).contains("champ « Commentaire »");
        assertThat(editor.post("/admin/reviews/submit", Map.of("workspace", "website", "path", "/site/actualites",
                "comment", "ok", "wishedAt", "demain")).statusCode()).isEqualTo(422);
        assertThat(editor.post("/admin/reviews/submit", Map.of("workspace", "config", "path", "/modules",
                "comment", "ok")).statusCode()).isEqualTo(400);
        assertThat(PLATFORM.platform().reviews().pending()).noneMatch(r -> r.path().equals("/site/actualites"));
        assertThat(editor.postRaw("/admin/reviews/submit", Map.of("workspace", "website", "path", "/site/actualites",
                "comment", "sans jeton")).statusCode()).isEqualTo(403);

        HttpResponse<String> submitted = editor.post("/admin/reviews/submit", Map.of("workspace", "website",
                "path", "/site/actualites", "comment", "Nouveau titre pour 2026", "wishedAt", "2099-03-20T09:00"));
        assertThat(submitted.statusCode()).isEqualTo(303);
        assertThat(submitted.headers().firstValue("Location")).hasValue("/admin/pages/page?path=%2Fsite%2Factualites");
        Document after = Jsoup.parse(editor.get("/admin/pages/page?path=%2Fsite%2Factualites").body());
        assertThat(after.select(".flash").text()).contains("Soumis pour relecture");
        assertThat(after.select(".badge").text()).isEqualTo("En relecture");
        assertThat(after.select(".review-pending").text()).contains("Nouveau titre pour 2026");

        ReviewRequest request = PLATFORM.platform().reviews().pendingFor("website", "/site/actualites").orElseThrow();
        assertThat(request.by()).isEqualTo("editrice@example.fr");
        assertThat(SMTP.waitForIncomingEmail(5_000, 3)).isTrue();
        Thread.sleep(300); // no fourth mail (the editor, the disabled publisher) may come
        MimeMessage[] mails = SMTP.getReceivedMessages();
        assertThat(Arrays.stream(mails).map(ReviewsServletTest::recipient))
                .containsExactlyInAnyOrder("publieur@example.fr", "admin@example.fr", "aveugle@example.fr");
        MimeMessage mail = mails[0];
        assertThat(mail.getSubject()).isEqualTo("Relecture demandée : Actualités 2026 / Review requested: Actualités 2026");
        String body = LocalSmtp.plainText(mail);
        assertThat(body.indexOf("Élise demande la relecture")).isLessThan(body.indexOf("Élise asks for a review"));
        assertThat(body).contains("Nouveau titre pour 2026").contains("20/03/2099 09:00");
        Matcher link = LINK.matcher(body);
        assertThat(link.find()).as(body).isTrue();
        assertThat(link.group(1)).isEqualTo(request.id());

        // the publisher follows the link (on this server), sees the queue and the dashboard's count
        assertThat(Jsoup.parse(publisher.get("/admin/").body()).select(".reviews-waiting").text())
                .matches("\\d+ demandes? de relecture en attente");
        Document queue = Jsoup.parse(publisher.get("/admin/reviews/").body());
        assertThat(queue.select("table.reviews tbody tr").eachText()).anySatisfy(row -> assertThat(row)
                .contains("Actualités 2026").contains("Élise").contains("Nouveau titre pour 2026"));
        HttpResponse<String> screen = publisher.get(URI.create(link.group()).getPath() + "?id=" + request.id());
        assertThat(screen.statusCode()).isEqualTo(200);
        Document review = Jsoup.parse(screen.body());
        assertThat(review.select(".review-changes tbody tr").eachText())
                .anySatisfy(row -> assertThat(row).isEqualTo("Titre Actualités Actualités 2026"));
        assertThat(review.select("a[href^=/admin/pages/preview?path=]")).hasSize(1);
    }

    @Test
    void aPublisherComparesInHumanTermsThenApprovesAndTheEditorIsMailed() throws Exception {
        PLATFORM.platform().repository().write(session -> {
            session.getNode("/website/site/actualites/main/0").setProperty("text",
                    "<p>Nouveau <strong>texte</strong></p><script>alert(1)</script>");
            var added = session.getNode("/website/site/actualites/main").addNode("1", "mgnl:component");
            added.setProperty("mgnl:template", "authoring-test:components/text");
            added.setProperty("title", "Encadré");
            return null;
        });
        ReviewRequest request = submit("/site/actualites", "Texte et encadré");
        Document review = Jsoup.parse(publisher.get("/admin/reviews/request?id=" + request.id()).body());
        var rows = review.select(".review-changes tr.change-changed");
        var text = rows.stream().filter(r -> r.selectFirst("th").text().endsWith("Texte")).findFirst().orElseThrow();
        assertThat(text.selectFirst("th").text()).isEqualTo("Texte (zone « main ») · Texte");
        assertThat(text.select("td").get(0).html()).isEqualTo("<p>Ancien texte</p>");
        assertThat(text.select("td").get(1).select("strong").text()).isEqualTo("texte"); // rendered, not markup
        assertThat(text.select("td").get(1).html()).doesNotContain("script").doesNotContain("&lt;p&gt;");
        assertThat(review.select(".review-changes tr.change-node_added").eachText())
                .anySatisfy(row -> assertThat(row).contains("Composant ajouté").contains("Encadré"));

        // the editor changes the draft meanwhile: the request is outdated, the publisher must look again
        String seen = review.selectFirst("input[name=seen]").val();
        edit("/site/actualites", "title", "Actualités (modifié)");
        HttpResponse<String> stale = publisher.post("/admin/reviews/approve", Map.of("id", request.id(), "seen", seen,
                "when", "now", "confirmOutdated", "on"));
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(stale.body()).contains("relisez-le avant de décider");
        Document again = Jsoup.parse(publisher.get("/admin/reviews/request?id=" + request.id()).body());
        assertThat(again.select(".warning").text()).contains("Le brouillon a été modifié après la demande.");
        assertThat(again.select(".warning tbody tr").eachText()).anySatisfy(row -> assertThat(row).contains("Actualités (modifié)"));
        assertThat(Jsoup.parse(publisher.get("/admin/reviews/").body()).select("table.reviews").text())
                .contains("Modifiée depuis la demande");
        String current = again.selectFirst("input[name=seen]").val();
        HttpResponse<String> unconfirmed = publisher.post("/admin/reviews/approve", Map.of("id", request.id(),
                "seen", current, "when", "now"));
        assertThat(unconfirmed.statusCode()).isEqualTo(422);
        assertThat(PLATFORM.platform().publishing().status("website", "/site/actualites"))
                .isEqualTo(PublicationStatus.MODIFIED);

        assertThat(editor.post("/admin/reviews/approve", Map.of("id", request.id(), "seen", current, "when", "now",
                "confirmOutdated", "on")).statusCode()).isEqualTo(403); // editors do not decide
        HttpResponse<String> approved = publisher.post("/admin/reviews/approve", Map.of("id", request.id(),
                "seen", current, "when", "now", "confirmOutdated", "on", "comment", "Bravo"));
        assertThat(approved.statusCode()).isEqualTo(303);
        assertThat(PLATFORM.platform().publishing().status("website", "/site/actualites"))
                .isEqualTo(PublicationStatus.PUBLISHED);
        assertThat(PLATFORM.get("/actualites").body()).contains("Actualités (modifié)");

        MimeMessage mail = mailTo("editrice@example.fr");
        assertThat(mail.getSubject()).startsWith("Relecture approuvée, publié : ");
        assertThat(LocalSmtp.plainText(mail)).contains("Paul a approuvé et publié").contains("Commentaire : Bravo")
                .contains("https://usines.example/admin/reviews/request?id=" + request.id());

        Document done = Jsoup.parse(publisher.get("/admin/reviews/?tab=done").body());
        assertThat(done.select("table.reviews tbody tr").eachText()).anySatisfy(row -> assertThat(row)
                .contains("Approuvée, publiée").contains("Paul").contains("Bravo"));
        assertThat(publisher.post("/admin/reviews/send-back", Map.of("id", request.id(), "comment", "trop tard"))
                .statusCode()).isEqualTo(409);
    }

    @Test
    void aPublisherSchedulesOrSendsBackAndTheEditorIsMailedEachTime() throws Exception {
        PLATFORM.platform().repository().write(session -> {
            var page = session.getNode("/website/site").addNode("programme", "mgnl:page");
            page.setProperty("mgnl:template", "authoring-test:pages/standard");
            page.setProperty("title", "Programme");
            return null;
        });
        ReviewRequest first = submit("/site/programme", "À publier jeudi");
        String seen = PLATFORM.platform().reviews().currentFingerprint(first);
        assertThat(publisher.post("/admin/reviews/approve", Map.of("id", first.id(), "seen", seen,
                "when", "schedule")).statusCode()).isEqualTo(422);
        assertThat(publisher.post("/admin/reviews/approve", Map.of("id", first.id(), "seen", seen,
                "when", "schedule", "at", "2020-01-01T10:00")).body()).contains("dans le futur");
        HttpResponse<String> scheduled = publisher.post("/admin/reviews/approve", Map.of("id", first.id(), "seen", seen,
                "when", "schedule", "at", "2099-03-19T08:30"));
        assertThat(scheduled.statusCode()).isEqualTo(303);
        assertThat(PLATFORM.platform().publishing().scheduled("website", "/site/programme")).hasSize(1);
        MimeMessage mail = mailTo("editrice@example.fr");
        assertThat(mail.getSubject()).startsWith("Relecture approuvée, publication programmée : Programme");
        assertThat(LocalSmtp.plainText(mail)).contains("19/03/2099 08:30");
        SMTP.purgeEmailFromAllMailboxes();

        edit("/site/programme", "title", "Programme complet");
        ReviewRequest second = submit("/site/programme", "Titre complet");
        assertThat(publisher.post("/admin/reviews/send-back", Map.of("id", second.id(), "comment", "")).statusCode())
                .isEqualTo(422);
        HttpResponse<String> sentBack = publisher.post("/admin/reviews/send-back", Map.of("id", second.id(),
                "comment", "Gardez le titre court"));
        assertThat(sentBack.statusCode()).isEqualTo(303);
        assertThat(PLATFORM.platform().reviews().find(second.id()).orElseThrow().state())
                .isEqualTo(ReviewRequest.State.SENT_BACK);
        MimeMessage back = mailTo("editrice@example.fr");
        assertThat(back.getSubject()).startsWith("Relecture : à reprendre : Programme complet");
        assertThat(LocalSmtp.plainText(back)).contains("Paul vous renvoie").contains("Gardez le titre court")
                .contains("Paul sent \"Programme complet\" back");
        // the editor sees their own requests and their outcome, without the decisions
        Document mine = Jsoup.parse(editor.get("/admin/reviews/request?id=" + second.id()).body());
        assertThat(mine.select(".review-summary").text()).contains("Renvoyée").contains("Gardez le titre court");
        assertThat(mine.select(".review-decisions")).isEmpty();
    }

    @Test
    void aPublisherWhoCannotReadTheItemNeitherSeesNorApprovesItsRequest() throws Exception {
        ReviewRequest request = submit("/site/secret", "Page confidentielle");
        assertThat(SMTP.waitForIncomingEmail(5_000, 2)).isTrue();
        Thread.sleep(300);
        assertThat(Arrays.stream(SMTP.getReceivedMessages()).map(ReviewsServletTest::recipient))
                .containsExactlyInAnyOrder("publieur@example.fr", "admin@example.fr"); // not told about what they cannot read
        assertThat(Jsoup.parse(blind.get("/admin/reviews/").body()).select("table.reviews").text())
                .doesNotContain("Confidentiel");
        assertThat(blind.get("/admin/reviews/request?id=" + request.id()).statusCode()).isEqualTo(403);
        String seen = PLATFORM.platform().reviews().currentFingerprint(request);
        HttpResponse<String> refused = blind.post("/admin/reviews/approve", Map.of("id", request.id(), "seen", seen,
                "when", "now"));
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(Jsoup.parse(refused.body()).select(".error").text()).isEqualTo("Vous n'avez pas accès à ce contenu.");
        assertThat(PLATFORM.platform().reviews().find(request.id()).orElseThrow().pending()).isTrue();
        assertThat(PLATFORM.platform().publishing().status("website", "/site/secret")).isEqualTo(PublicationStatus.PUBLISHED);
        assertThat(publisher.get("/admin/reviews/request?id=" + request.id()).statusCode()).isEqualTo(200);
        assertThat(publisher.get("/admin/reviews/request?id=00000000-0000-0000-0000-000000000000").statusCode())
                .isEqualTo(404);
        assertThat(publisher.get("/admin/reviews/request?id=../../x").statusCode()).isEqualTo(404);
    }

    @Test
    void administratorsDecideWhereEditorsPublishDirectly() {
        assertThat(editor.get("/admin/reviews/settings").statusCode()).isEqualTo(403);
        assertThat(publisher.get("/admin/reviews/settings").statusCode()).isEqualTo(403);
        Document settings = Jsoup.parse(admin.get("/admin/reviews/settings").body());
        assertThat(settings.select("input[name=direct]").eachAttr("value")).contains("website", "news")
                .doesNotContain("dam");
        assertThat(settings.select("input[name=direct][checked]")).isEmpty(); // review required everywhere by default
        assertThat(admin.post("/admin/reviews/settings", Map.of("direct", "config")).statusCode()).isEqualTo(400);
        assertThat(PLATFORM.platform().reviews().directPublishing()).isEmpty();
        assertThat(admin.postRaw("/admin/reviews/settings", Map.of("direct", "website")).statusCode()).isEqualTo(403);
        try {
            assertThat(admin.post("/admin/reviews/settings", Map.of("direct", "website")).statusCode()).isEqualTo(303);
            assertThat(PLATFORM.platform().reviews().directPublishing()).containsExactly("website");
            edit("/site", "title", "Accueil 2026");
            editor.get("/admin/pages/page?path=%2Fsite");
            assertThat(editor.post("/admin/pages/publishing", Map.of("path", "/site", "action", "publish")).statusCode())
                    .isEqualTo(303);
            assertThat(PLATFORM.platform().publishing().status("website", "/site")).isEqualTo(PublicationStatus.PUBLISHED);
        } finally {
            PLATFORM.platform().reviews().setDirectPublishing("test", Set.of());
        }
    }

    private static ReviewRequest submit(String path, String comment) {
        editor.get("/admin/pages/page?path=" + path);
        HttpResponse<String> submitted = editor.post("/admin/reviews/submit", Map.of("workspace", "website",
                "path", path, "comment", comment));
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(303);
        return PLATFORM.platform().reviews().pendingFor("website", path).orElseThrow();
    }

    private static void edit(String path, String property, String value) {
        PLATFORM.platform().repository().write(session -> {
            session.getNode("/website" + path).setProperty(property, value);
            return null;
        });
    }

    private static AdminBrowser logIn(String login) {
        AdminBrowser browser = AdminBrowser.on(PLATFORM);
        assertThat(browser.login(login, PASSWORD).statusCode()).isEqualTo(303);
        browser.get("/admin/");
        return browser;
    }

    private static MimeMessage mailTo(String login) throws Exception {
        assertThat(SMTP.waitForIncomingEmail(5_000, 1)).isTrue();
        return Arrays.stream(SMTP.getReceivedMessages()).filter(m -> recipient(m).equals(login)).findFirst()
                .orElseThrow(() -> new AssertionError("No mail to " + login));
    }

    private static String recipient(MimeMessage message) {
        try {
            return message.getAllRecipients()[0].toString();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
