package fr.usinesouvertes.platform.admin.authoring.review;

import fr.usinesouvertes.platform.admin.authoring.content.ContentApp;
import fr.usinesouvertes.platform.admin.authoring.shared.AuthoringContext;
import fr.usinesouvertes.platform.admin.authoring.shared.AuthoringException;
import fr.usinesouvertes.platform.admin.authoring.shared.AuthoringServlet;
import fr.usinesouvertes.platform.definition.DefinitionRegistry;
import fr.usinesouvertes.platform.http.Router;
import fr.usinesouvertes.platform.publishing.ReviewRequest;
import fr.usinesouvertes.platform.publishing.ReviewRequests;
import fr.usinesouvertes.platform.security.Account;
import fr.usinesouvertes.platform.security.Role;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.jcr.Node;

/**
 * The review app at {@code /admin/reviews/} ("Relectures"): the queue of pending requests and the decided ones
 * ({@code ?tab=done}, "Traitées"); a request's screen with the changes in the forms' terms, the preview link and
 * the decisions (approve and publish now, approve and schedule, send back with a comment); the editors' submission
 * ({@code POST /submit}); and the administrators' setting of where editors publish directly ({@code /settings}).
 * Publishers and administrators see and decide the requests for content they can read; an editor sees only their own
 * requests, without the decisions. Every form carries the CSRF field; a refusal is a French 4xx page.
 */
public final class ReviewsServlet extends AuthoringServlet {

    static final String BASE = "/admin/reviews/";

    private final transient ReviewRequests reviews;
    private final transient ReviewMails mails;

    public ReviewsServlet(AuthoringContext context) {
        super(context);
        this.reviews = context.reviews();
        this.mails = new ReviewMails(context.accounts(), context.mail(), context.publicUrl(), context.zone());
    }

    @Override
    protected Router<Router.Page> routes() {
        return Router.<Router.Page>builder()
                .get("/", (request, response, route) -> queue(request, response))
                .get("/request", (request, response, route) -> screen(request, response))
                .get("/settings", (request, response, route) -> settings(request, response))
                .post("/submit", (request, response, route) -> submit(request, response))
                .post("/approve", (request, response, route) -> approve(request, response))
                .post("/send-back", (request, response, route) -> sendBack(request, response))
                .post("/settings", (request, response, route) -> saveSettings(request, response))
                .build();
    }

    private void queue(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Account account = account(request);
        boolean done = "done".equals(param(request, "tab"));
        List<ReviewRequest> requests = done ? reviews.decided() : reviews.pending();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (ReviewRequest review : requests) {
            if (!visible(account, review)) {
                continue;
            }
            Map<String, Object> row = summary(request, review);
            row.put("outdated", review.pending() && reviews.outdated(review));
            rows.add(row);
        }
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("tab", done ? "done" : "pending");
        model.put("requests", rows);
        model.put("reviewer", reviewer(account));
        model.put("admin", account.has(Role.ADMIN));
        model.put("pendingCount", done ? reviews.pending().stream().filter(r -> visible(account, r)).count() : rows.size());
        render(request, response, 200, "reviews.ftlh", model);
    }

    private void screen(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Account account = account(request);
        ReviewRequest review = visibleRequest(account, param(request, "id"));
        Map<String, Object> model = summary(request, review);
        boolean exists = context.repository().read(session -> ReviewRequests.draft(session, review) != null);
        boolean outdated = review.pending() && reviews.outdated(review);
        model.put("outdated", outdated);
        model.put("exists", exists);
        model.put("reviewer", reviewer(account));
        model.put("canDecide", review.pending() && exists && reviewer(account));
        if (exists) {
            ReviewChanges changes = new ReviewChanges(context.definitions().get(), context.zone(), lang(request));
            model.put("changes", context.repository().readAs(account.login(), session ->
                    changes.rows(session, review.workspace(), ReviewRequests.draft(session, review), reviews.changes(review))));
            model.put("sinceSubmission", outdated ? context.repository().readAs(account.login(), session ->
                    changes.rows(session, review.workspace(), ReviewRequests.draft(session, review),
                            reviews.changesSinceSubmission(review))) : List.of());
            model.put("seen", reviews.currentFingerprint(review));
        } else {
            model.put("changes", List.of());
            model.put("sinceSubmission", List.of());
            model.put("seen", "");
        }
        model.put("minAt", LocalDateTime.now(context.clock().withZone(context.zone())).withSecond(0).withNano(0)
                .toString());
        render(request, response, 200, "review.ftlh", model);
    }

    private void submit(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Account account = account(request);
        String workspace = param(request, "workspace");
        String path = param(request, "path");
        if (!reviews.reviewableWorkspaces().contains(workspace)) {
            throw new AuthoringException(400, "Ce contenu ne passe pas par la relecture (champ « workspace »).",
                    "This content is not reviewed (field \"workspace\").");
        }
        String comment = param(request, "comment");
        if (comment.isEmpty()) {
            throw new AuthoringException(422, "Le commentaire pour la relecture est obligatoire (champ « Commentaire »).",
                    "The comment for the reviewer is required (field \"Comment\").");
        }
        if (comment.length() > 4_000) {
            throw new AuthoringException(422, "Le commentaire dépasse 4 000 caractères (champ « Commentaire »).",
                    "The comment is longer than 4,000 characters (field \"Comment\").");
        }
        Instant wishedAt = time(request, "wishedAt", "Publication souhaitée", "Wished publication time", false);
        String title = context.repository().readAs(account.login(), session -> {
            String jcrPath = "/" + workspace + path;
            if (!path.startsWith("/") || path.contains("..") || !session.nodeExists(jcrPath)) {
                throw AuthoringException.notFound("Ce contenu n'existe plus.", "This content no longer exists.");
            }
            return title(session.getNode(jcrPath));
        });
        ReviewRequest review = reviews.submit(account.login(), workspace, path, comment, wishedAt);
        int mailed = mails.submitted(review, title, account.displayName(), login -> context.repository().readAs(login,
                session -> ReviewRequests.draft(session, review) != null));
        redirect(request, response, editUrl(review), t(request,
                "Soumis pour relecture (" + mailed + " éditeur" + (mailed > 1 ? "s" : "") + "-publieur" + (mailed > 1 ? "s" : "")
                        + " prévenu" + (mailed > 1 ? "s" : "") + ").",
                "Submitted for review (" + mailed + " publisher" + (mailed == 1 ? "" : "s") + " notified)."));
    }

    private void approve(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Account account = decider(request);
        ReviewRequest review = visibleRequest(account, param(request, "id"));
        boolean schedule = "schedule".equals(param(request, "when"));
        Instant at = schedule ? time(request, "at", "Date de publication", "Publication time", true) : null;
        if (review.pending() && reviews.outdated(review) && !"on".equals(param(request, "confirmOutdated"))) {
            throw new AuthoringException(422, "Le brouillon a changé depuis la demande : relisez ces modifications et "
                    + "cochez « J'ai relu les modifications faites après la demande ».", "The draft changed since the "
                    + "request: review those changes and tick \"I reviewed the changes made after the request\".");
        }
        String title = itemTitle(review);
        ReviewRequest decided = reviews.approve(account.login(), review.id(), param(request, "seen"), at,
                param(request, "comment"));
        mails.decided(decided, title, account.displayName());
        redirect(request, response, BASE + "request?id=" + decided.id(), schedule
                ? t(request, "Approuvé ; publication programmée.", "Approved; publication scheduled.")
                : t(request, "Approuvé et publié.", "Approved and published."));
    }

    private void sendBack(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Account account = decider(request);
        ReviewRequest review = visibleRequest(account, param(request, "id"));
        String comment = param(request, "comment");
        if (comment.isEmpty()) {
            throw new AuthoringException(422, "Dites au rédacteur ce qui est à reprendre (champ « Commentaire »).",
                    "Tell the editor what to change (field \"Comment\").");
        }
        String title = itemTitle(review);
        ReviewRequest decided = reviews.sendBack(account.login(), review.id(), comment);
        mails.decided(decided, title, account.displayName());
        redirect(request, response, BASE + "request?id=" + decided.id(),
                t(request, "Renvoyé au rédacteur.", "Sent back to the editor."));
    }

    private void settings(HttpServletRequest request, HttpServletResponse response) throws IOException {
        requireAdmin(request);
        Set<String> direct = reviews.directPublishing();
        List<Map<String, Object>> workspaces = new ArrayList<>();
        for (String workspace : reviews.reviewableWorkspaces()) {
            workspaces.add(Map.of("name", workspace, "label", workspaceLabel(workspace, lang(request)),
                    "direct", direct.contains(workspace)));
        }
        render(request, response, 200, "review-settings.ftlh", Map.of("workspaces", workspaces));
    }

    private void saveSettings(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Account account = requireAdmin(request);
        String[] values = request.getParameterValues("direct");
        Set<String> direct = new LinkedHashSet<>(values == null ? List.of() : List.of(values));
        if (!reviews.reviewableWorkspaces().containsAll(direct)) {
            throw new AuthoringException(400, "Espace de contenu inconnu (champ « direct »).",
                    "Unknown content workspace (field \"direct\").");
        }
        reviews.setDirectPublishing(account.login(), direct);
        redirect(request, response, BASE + "settings", t(request, "Réglages enregistrés.", "Settings saved."));
    }

    private Account requireAdmin(HttpServletRequest request) {
        Account account = account(request);
        if (!account.has(Role.ADMIN)) {
            throw new AuthoringException(403, "Réservé aux administrateurs.", "For administrators only.");
        }
        return account;
    }

    private Account decider(HttpServletRequest request) {
        Account account = account(request);
        if (!reviewer(account)) {
            throw new AuthoringException(403, "Seuls les éditeurs-publieurs et les administrateurs décident des relectures.",
                    "Only publishers and administrators decide on reviews.");
        }
        return account;
    }

    private static boolean reviewer(Account account) {
        return account.has(Role.PUBLISHER) || account.has(Role.ADMIN);
    }

    /** A request the account may see: 404 when unknown, 403 when it may not. */
    private ReviewRequest visibleRequest(Account account, String id) {
        ReviewRequest review = reviews.find(id).orElseThrow(() -> AuthoringException.notFound(
                "Cette demande de relecture n'existe pas.", "This review request does not exist."));
        if (!visible(account, review)) {
            throw new AuthoringException(403, "Vous n'avez pas accès à ce contenu.", "You may not see this content.");
        }
        return review;
    }

    /** Reviewers see the requests about content they can read (Oak decides); editors see their own. */
    private boolean visible(Account account, ReviewRequest review) {
        return reviews.visibleTo(account, review);
    }

    private Map<String, Object> summary(HttpServletRequest request, ReviewRequest review) {
        Map<String, Object> row = new LinkedHashMap<>();
        String lang = lang(request);
        row.put("id", review.id());
        row.put("title", itemTitle(review));
        row.put("workspace", workspaceLabel(review.workspace(), lang));
        row.put("itemPath", review.path());
        row.put("by", name(review.by()));
        row.put("at", when(review.at()));
        row.put("comment", review.comment());
        row.put("wishedAt", review.wishedAt() == null ? "" : when(review.wishedAt()));
        row.put("wishedAtValue", review.wishedAt() == null ? "" : review.wishedAt().atZone(context.zone())
                .toLocalDateTime().withSecond(0).withNano(0).toString());
        row.put("state", review.state().name().toLowerCase(Locale.ROOT));
        row.put("stateLabel", stateLabel(review, lang));
        row.put("decidedBy", review.decidedBy() == null ? "" : name(review.decidedBy()));
        row.put("decidedAt", review.decidedAt() == null ? "" : when(review.decidedAt()));
        row.put("decisionComment", review.decisionComment() == null ? "" : review.decisionComment());
        row.put("scheduledAt", review.scheduledAt() == null ? "" : when(review.scheduledAt()));
        row.put("editUrl", editUrl(review));
        row.put("previewUrl", previewUrl(review));
        row.put("baseVersion", review.baseVersion());
        return row;
    }

    private String editUrl(ReviewRequest review) {
        if ("website".equals(review.workspace())) {
            return "/admin/pages/page?path=" + encode(review.path());
        }
        return app(review.workspace()).map(app -> "/admin/content/" + app.name() + "/edit?path=" + encode(review.path()))
                .orElse("/admin/content/");
    }

    /** The draft's preview: the page's, or the item's in the page showing it; empty when there is none. */
    private String previewUrl(ReviewRequest review) {
        if ("website".equals(review.workspace())) {
            return "/admin/pages/preview?path=" + encode(review.path());
        }
        Optional<ContentApp> app = app(review.workspace());
        boolean shown = app.isPresent() && context.preview().get() != null
                && context.preview().get().itemPath(review.workspace(), "item").isPresent();
        return shown ? "/admin/content/" + app.get().name() + "/preview?path=" + encode(review.path()) : "";
    }

    private Optional<ContentApp> app(String workspace) {
        return ContentApp.all(context.definitions().get()).stream().filter(a -> a.workspace().equals(workspace)).findFirst();
    }

    private String workspaceLabel(String workspace, String lang) {
        if ("website".equals(workspace)) {
            return "en".equals(lang) ? "Pages" : "Pages du site";
        }
        return app(workspace).map(ContentApp::label).orElse(workspace);
    }

    private String itemTitle(ReviewRequest review) {
        return context.repository().read(session -> {
            Node draft = ReviewRequests.draft(session, review);
            return draft == null ? review.path() : title(draft);
        });
    }

    private static String title(Node node) throws javax.jcr.RepositoryException {
        return node.hasProperty("title") && !node.getProperty("title").getString().isBlank()
                ? node.getProperty("title").getString() : node.getName();
    }

    private String name(String login) {
        return context.accounts().find(login).map(Account::displayName).orElse(login);
    }

    private String when(Instant at) {
        return at.atZone(context.zone()).format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm"));
    }

    private static String stateLabel(ReviewRequest review, String lang) {
        boolean en = "en".equals(lang);
        return switch (review.state()) {
            case PENDING -> en ? "Waiting" : "En attente";
            case APPROVED -> en ? "Approved, published" : "Approuvée, publiée";
            case SCHEDULED -> en ? "Approved, scheduled" : "Approuvée, programmée";
            case SENT_BACK -> en ? "Sent back" : "Renvoyée";
            case SUPERSEDED -> en ? "Replaced by a newer request" : "Remplacée par une demande plus récente";
        };
    }

    /** A {@code yyyy-MM-ddTHH:mm} time in the site's zone, in the future; absent and optional gives null. */
    private Instant time(HttpServletRequest request, String field, String labelFr, String labelEn, boolean required) {
        String text = param(request, field);
        if (text.isEmpty()) {
            if (required) {
                throw new AuthoringException(422, "Choisissez la date et l'heure (champ « " + labelFr + " »).",
                        "Choose the date and time (field \"" + labelEn + "\").");
            }
            return null;
        }
        Instant at;
        try {
            at = LocalDateTime.parse(text).atZone(context.zone()).toInstant();
        } catch (DateTimeParseException e) {
            throw new AuthoringException(422, "Date invalide, attendu : AAAA-MM-JJ HH:MM (champ « " + labelFr + " »).",
                    "Invalid date, expected: YYYY-MM-DD HH:MM (field \"" + labelEn + "\").");
        }
        if (!at.isAfter(context.clock().instant())) {
            throw new AuthoringException(422, "La date doit être dans le futur (champ « " + labelFr + " »).",
                    "The date must be in the future (field \"" + labelEn + "\").");
        }
        return at;
    }
}
