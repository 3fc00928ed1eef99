package fr.usinesouvertes.platform.admin.authoring.shared;

import fr.usinesouvertes.platform.publishing.PublicationStatus;
import fr.usinesouvertes.platform.publishing.ReviewRequests;
import fr.usinesouvertes.platform.security.Account;
import fr.usinesouvertes.platform.publishing.Publishing;
import fr.usinesouvertes.platform.publishing.ScheduledAction;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The publish, publish-with-sub-pages, unpublish and schedule buttons of the pages and content apps, and
 * the status badge, over the {@link Publishing} service; all absent when the platform has none. An editor for
 * whom review is required ({@link ReviewRequests#mustSubmit}) is refused every action (403) and submits instead.
 */
public final class PublishingActions {

    private final Publishing publishing;
    private final ReviewRequests reviews;
    private final Clock clock;
    private final java.time.ZoneId zone;

    /** {@code zone}: the site's time zone, in which schedule dates are typed and shown. */
    public PublishingActions(Publishing publishing, Clock clock, java.time.ZoneId zone) {
        this(publishing, null, clock, zone);
    }

    /** With review before publishing ({@code reviews}, or {@code null} when nothing is reviewed). */
    public PublishingActions(Publishing publishing, ReviewRequests reviews, Clock clock, java.time.ZoneId zone) {
        this.publishing = publishing;
        this.reviews = reviews;
        this.clock = clock;
        this.zone = zone;
    }

    /** Whether {@code account} must submit drafts of {@code workspace} for review instead of publishing them. */
    public boolean mustSubmit(Account account, String workspace) {
        return enabled(workspace) && reviews != null && reviews.mustSubmit(account, workspace);
    }

    /**
     * What the publishing controls show about review: {@code required} (the account submits instead of publishing),
     * {@code workspace}, and {@code pending} (the pending request: {@code id}, {@code by}, {@code at}, {@code comment})
     * when there is one.
     */
    public Map<String, Object> review(Account account, String workspace, String path) {
        Map<String, Object> review = new LinkedHashMap<>();
        review.put("required", mustSubmit(account, workspace));
        review.put("workspace", workspace);
        if (enabled(workspace) && reviews != null) {
            reviews.pendingFor(workspace, path).ifPresent(request -> review.put("pending", Map.of("id", request.id(),
                    "by", request.by(), "comment", request.comment(),
                    "at", request.at().atZone(zone).toLocalDateTime().withNano(0).toString().replace('T', ' '))));
        }
        return review;
    }

    public boolean enabled(String workspace) {
        return publishing != null && publishing.isPublishable(workspace);
    }

    /** The badge of a node: {@code status} (lower case enum name) and French/English labels; empty without publishing. */
    public Map<String, Object> badge(String workspace, String path, String lang) {
        Map<String, Object> badge = new LinkedHashMap<>();
        if (!enabled(workspace)) {
            return badge;
        }
        if (reviews != null && reviews.pendingFor(workspace, path).isPresent()) {
            badge.put("status", "review");
            badge.put("label", "en".equals(lang) ? "In review" : "En relecture");
            return badge;
        }
        PublicationStatus status = publishing.status(workspace, path);
        badge.put("status", status.name().toLowerCase(Locale.ROOT));
        badge.put("label", label(status, lang));
        return badge;
    }

    /** The scheduled actions of a node, for display. */
    public List<Map<String, Object>> scheduled(String workspace, String path) {
        if (!enabled(workspace)) {
            return List.of();
        }
        return publishing.scheduled(workspace, path).stream().map(this::scheduledView).toList();
    }

    /**
     * Runs the action a button asked for: {@code publish}, {@code publish-all} (with sub-pages),
     * {@code unpublish}, {@code schedule} ({@code scheduleAction}: publish, publish-all or unpublish, and {@code scheduleAt} as
     * {@code yyyy-MM-ddTHH:mm}, Paris time) or {@code cancel} ({@code scheduleId}); returns the message to show.
     */
    public String run(Account account, String workspace, String path, String action, String scheduleAction,
                      String scheduleAt, String scheduleId, String lang) {
        if (!enabled(workspace)) {
            throw AuthoringException.invalid("La publication n'est pas disponible ici.", "Publishing is not available here.");
        }
        if (mustSubmit(account, workspace)) {
            throw new AuthoringException(403, "Vos modifications doivent être relues avant publication : "
                    + "utilisez « Soumettre pour relecture ». Seuls les éditeurs-publieurs et les administrateurs "
                    + "publient directement ici.", "Your changes must be reviewed before they are published: use "
                    + "\"Submit for review\". Only publishers and administrators publish directly here.");
        }
        String by = account.login();
        boolean en = "en".equals(lang);
        switch (action) {
            case "publish" -> publishing.publish(by, workspace, path, false);
            case "publish-all" -> publishing.publish(by, workspace, path, true);
            case "unpublish" -> publishing.unpublish(by, workspace, path);
            case "schedule" -> {
                Publishing.Action what = "unpublish".equals(scheduleAction) ? Publishing.Action.UNPUBLISH
                        : Publishing.Action.PUBLISH;
                java.time.Instant at;
                try {
                    at = LocalDateTime.parse(scheduleAt).atZone(zone).toInstant();
                } catch (DateTimeParseException e) {
                    throw AuthoringException.invalid("Date de programmation invalide (attendu : AAAA-MM-JJ HH:MM).",
                            "Invalid schedule date (expected: YYYY-MM-DD HH:MM).");
                }
                if (!at.isAfter(clock.instant())) {
                    throw AuthoringException.invalid("La date de programmation doit être dans le futur.",
                            "The schedule date must be in the future.");
                }
                publishing.schedule(by, workspace, path, what, at, "publish-all".equals(scheduleAction));
                return en ? "Scheduled." : "Programmé.";
            }
            case "cancel" -> {
                publishing.cancelSchedule(by, scheduleId);
                return en ? "Schedule cancelled." : "Programmation annulée.";
            }
            default -> throw AuthoringException.invalid("Action inconnue.", "Unknown action.");
        }
        return switch (action) {
            case "unpublish" -> en ? "Unpublished." : "Dépublié.";
            default -> en ? "Published." : "Publié.";
        };
    }

    private Map<String, Object> scheduledView(ScheduledAction action) {
        return Map.of("id", action.id(), "action", action.action().name().toLowerCase(Locale.ROOT),
                "at", action.at().atZone(zone)
                        .toLocalDateTime().toString().replace('T', ' '), "by", action.by());
    }

    static String label(PublicationStatus status, String lang) {
        boolean en = "en".equals(lang);
        return switch (status) {
            case DRAFT -> en ? "Not published" : "Non publié";
            case MODIFIED -> en ? "Modified" : "Modifié";
            case PUBLISHED -> en ? "Published" : "Publié";
            case SCHEDULED -> en ? "Scheduled" : "Programmé";
            case DELETED -> en ? "Deleted (to publish)" : "Supprimé (à publier)";
        };
    }
}
