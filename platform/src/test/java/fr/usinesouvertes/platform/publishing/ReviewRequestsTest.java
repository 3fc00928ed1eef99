package fr.usinesouvertes.platform.publishing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.usinesouvertes.platform.repository.ContentRepository;
import fr.usinesouvertes.platform.security.Account;
import fr.usinesouvertes.platform.security.Role;
import fr.usinesouvertes.platform.testing.MutableClock;
import fr.usinesouvertes.platform.testing.PlatformExtension;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The rules of review before publishing on a real Oak repository: who must submit, requests, outdated drafts, decisions. */
class ReviewRequestsTest {

    static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-02-10T09:00:00Z"), ZoneId.of("Europe/Paris"));

    @RegisterExtension
    static final PlatformExtension PLATFORM = PlatformExtension.withLightModules(PublishingFixtures.LIGHT_MODULES)
            .inMemory().clock(CLOCK);

    static final Account EDITOR = new Account("editrice@example.fr", "Élise", Set.of(Role.EDITOR), null);
    static final Account PUBLISHER = new Account("publieur@example.fr", "Paul", Set.of(Role.PUBLISHER), null);
    static final Account ADMIN = new Account("admin@example.fr", "Anne", Set.of(Role.ADMIN), null);
    static final Account BOTH = new Account("both@example.fr", "Bea", Set.of(Role.EDITOR, Role.PUBLISHER), null);

    private static ContentRepository repository;
    private static Publishing publishing;
    private static ReviewRequests reviews;

    @BeforeAll
    static void site() {
        repository = PLATFORM.platform().repository();
        publishing = PLATFORM.platform().publishing();
        reviews = PLATFORM.platform().reviews();
        PublishingFixtures.page(repository, "/site", "title", "Accueil");
        publishing.publish("setup", "website", "/site", false);
    }

    @Test
    void byDefaultEditorsSubmitEverywhereButTheMediaLibraryWhilePublishersAndAdministratorsPublish() {
        assertThat(reviews.reviewableWorkspaces()).contains("website", "news").doesNotContain("dam", "config");
        assertThat(reviews.directPublishing()).isEmpty();
        assertThat(reviews.mustSubmit(EDITOR, "website")).isTrue();
        assertThat(reviews.mustSubmit(EDITOR, "news")).isTrue();
        assertThat(reviews.mustSubmit(EDITOR, "dam")).isFalse();
        assertThat(reviews.mustSubmit(PUBLISHER, "website")).isFalse();
        assertThat(reviews.mustSubmit(ADMIN, "website")).isFalse();
        assertThat(reviews.mustSubmit(BOTH, "website")).isFalse();

        reviews.setDirectPublishing("admin@example.fr", Set.of("news"));
        try {
            assertThat(reviews.directPublishing()).containsExactly("news");
            assertThat(reviews.mustSubmit(EDITOR, "news")).isFalse();
            assertThat(reviews.mustSubmit(EDITOR, "website")).isTrue();
            repository.read(session -> {
                assertThat(session.getNode(ReviewRequests.SETTINGS).getProperty("directPublishing").getValues())
                        .hasSize(1);
                return null;
            });
            assertThatThrownBy(() -> reviews.setDirectPublishing("admin@example.fr", Set.of("dam", "website")))
                    .isInstanceOfSatisfying(PublishingException.class,
                            e -> assertThat(e.code()).isEqualTo("workspaceNotReviewable"));
            assertThat(reviews.directPublishing()).containsExactly("news"); // unchanged
        } finally {
            reviews.setDirectPublishing("admin@example.fr", Set.of());
        }
    }

    @Test
    void aSubmissionRecordsWhoWhenWhatAndTheVersionAndAnEditMakesItOutdated() {
        PublishingFixtures.page(repository, "/site/rules", "title", "Règles");
        publishing.publish("setup", "website", "/site/rules", false);
        PublishingFixtures.set(repository, "/website/site/rules", "title", "Règles du jeu");

        assertThatThrownBy(() -> reviews.submit(EDITOR.login(), "website", "/site/rules", " ", null))
                .isInstanceOfSatisfying(PublishingException.class, e -> assertThat(e.code()).isEqualTo("commentMissing"));
        assertThatThrownBy(() -> reviews.submit(EDITOR.login(), "website", "/site/rules", "ok",
                CLOCK.instant().minusSeconds(60)))
                .isInstanceOfSatisfying(PublishingException.class, e -> assertThat(e.code()).isEqualTo("timeInPast"));
        assertThatThrownBy(() -> reviews.submit(EDITOR.login(), "website", "/site/nothing", "ok", null))
                .isInstanceOfSatisfying(PublishingException.class, e -> assertThat(e.code()).isEqualTo("nodeNotFound"));
        assertThat(reviews.pendingFor("website", "/site/rules")).isEmpty();

        Instant wished = Instant.parse("2026-02-12T08:00:00Z");
        ReviewRequest request = reviews.submit(EDITOR.login(), "website", "/site/rules", "Nouveau titre", wished);
        assertThat(request.by()).isEqualTo(EDITOR.login());
        assertThat(request.at()).isEqualTo(CLOCK.instant());
        assertThat(request.comment()).isEqualTo("Nouveau titre");
        assertThat(request.wishedAt()).isEqualTo(wished);
        assertThat(request.baseVersion()).isEqualTo(1);
        assertThat(request.state()).isEqualTo(ReviewRequest.State.PENDING);
        assertThat(reviews.pendingFor("website", "/site/rules")).contains(request);
        assertThat(reviews.outdated(request)).isFalse();
        assertThat(reviews.changes(request)).extracting(VersionDifference::property).contains("title");
        assertThat(reviews.changesSinceSubmission(request)).isEmpty();

        PublishingFixtures.set(repository, "/website/site/rules", "title", "Règles du jeu 2026");
        assertThat(reviews.outdated(request)).isTrue();
        assertThat(reviews.changesSinceSubmission(request)).singleElement().satisfies(d -> {
            assertThat(d.before()).isEqualTo("Règles du jeu");
            assertThat(d.after()).isEqualTo("Règles du jeu 2026");
        });
        // approving with the fingerprint of the submission (what was reviewed before the edit) is refused
        assertThatThrownBy(() -> reviews.approve(PUBLISHER.login(), request.id(), request.fingerprint(), null, null))
                .isInstanceOfSatisfying(PublishingException.class, e -> {
                    assertThat(e.code()).isEqualTo("reviewOutdated");
                    assertThat(e.kind()).isEqualTo(PublishingException.Kind.CONFLICT);
                });
        assertThat(publishing.status("website", "/site/rules")).isEqualTo(PublicationStatus.MODIFIED);

        // looking again (the current fingerprint) lets it through: published in the same commit as the decision
        ReviewRequest approved = reviews.approve(PUBLISHER.login(), request.id(), reviews.currentFingerprint(request),
                null, "Parfait");
        assertThat(approved.state()).isEqualTo(ReviewRequest.State.APPROVED);
        assertThat(approved.decidedBy()).isEqualTo(PUBLISHER.login());
        assertThat(approved.decisionComment()).isEqualTo("Parfait");
        assertThat(publishing.status("website", "/site/rules")).isEqualTo(PublicationStatus.PUBLISHED);
        assertThat(publishing.versions("website", "/site/rules")).hasSize(2).last()
                .satisfies(v -> assertThat(v.by()).isEqualTo(PUBLISHER.login()));
        assertThat(reviews.pending()).doesNotContain(approved);
        assertThat(reviews.decided()).first().isEqualTo(approved);
        assertThatThrownBy(() -> reviews.sendBack(PUBLISHER.login(), request.id(), "trop tard"))
                .isInstanceOfSatisfying(PublishingException.class, e -> assertThat(e.code()).isEqualTo("reviewDecided"));
    }

    @Test
    void aNewSubmissionSupersedesTheEarlierOneAndSendingBackNeedsAComment() {
        PublishingFixtures.page(repository, "/site/again", "title", "Encore");
        ReviewRequest first = reviews.submit(EDITOR.login(), "website", "/site/again", "Première", null);
        assertThat(first.baseVersion()).isZero();
        ReviewRequest second = reviews.submit(EDITOR.login(), "website", "/site/again", "Seconde", null);
        assertThat(reviews.find(first.id())).hasValueSatisfying(r ->
                assertThat(r.state()).isEqualTo(ReviewRequest.State.SUPERSEDED));
        assertThat(reviews.pendingFor("website", "/site/again")).contains(second);

        assertThatThrownBy(() -> reviews.sendBack(PUBLISHER.login(), second.id(), ""))
                .isInstanceOfSatisfying(PublishingException.class, e -> assertThat(e.code()).isEqualTo("commentMissing"));
        ReviewRequest sentBack = reviews.sendBack(PUBLISHER.login(), second.id(), "Ajoutez une photo");
        assertThat(sentBack.state()).isEqualTo(ReviewRequest.State.SENT_BACK);
        assertThat(sentBack.decisionComment()).isEqualTo("Ajoutez une photo");
        assertThat(publishing.status("website", "/site/again")).isEqualTo(PublicationStatus.DRAFT);
    }

    @Test
    void approvingAtATimeSchedulesThePublicationWhichRunsAtThatTime() {
        PublishingFixtures.news(repository, "embargo", "Sous embargo");
        ReviewRequest request = reviews.submit(EDITOR.login(), "news", "/embargo", "Embargo jeudi", null);
        assertThatThrownBy(() -> reviews.approve(PUBLISHER.login(), request.id(), request.fingerprint(),
                CLOCK.instant(), null))
                .isInstanceOfSatisfying(PublishingException.class, e -> assertThat(e.code()).isEqualTo("timeInPast"));

        Instant at = CLOCK.instant().plus(Duration.ofDays(2));
        ReviewRequest scheduled = reviews.approve(PUBLISHER.login(), request.id(), request.fingerprint(), at, null);
        assertThat(scheduled.state()).isEqualTo(ReviewRequest.State.SCHEDULED);
        assertThat(scheduled.scheduledAt()).isEqualTo(at);
        assertThat(publishing.scheduled("news", "/embargo")).singleElement()
                .satisfies(a -> assertThat(a.at()).isEqualTo(at));
        assertThat(publishing.status("news", "/embargo")).isEqualTo(PublicationStatus.SCHEDULED);

        publishing.runDueActions();
        assertThat(publishing.scheduled("news", "/embargo")).hasSize(1);
        CLOCK.advance(Duration.ofDays(2));
        publishing.runDueActions();
        assertThat(publishing.status("news", "/embargo")).isEqualTo(PublicationStatus.PUBLISHED);
    }

    @Test
    void aScheduledApprovalPublishesWhatWasApprovedAndLeavesLaterEditsInTheDraft() {
        PublishingFixtures.page(repository, "/site/annonce", "title", "Annonce", "lead", "Jeudi");
        ReviewRequest request = reviews.submit(EDITOR.login(), "website", "/site/annonce", "Annonce jeudi", null);
        Instant at = CLOCK.instant().plus(Duration.ofHours(3));
        reviews.approve(PUBLISHER.login(), request.id(), request.fingerprint(), at, null);

        // after the approval, the editor goes on: a new title, a removed field, a new component
        PublishingFixtures.set(repository, "/website/site/annonce", "title", "Annonce (brouillon suivant)");
        repository.write(session -> {
            javax.jcr.Node page = session.getNode("/website/site/annonce");
            page.getProperty("lead").remove();
            page.addNode("extra", "mgnl:component").setProperty("text", "pas encore relu");
            return null;
        });

        CLOCK.advance(Duration.ofHours(3));
        assertThat(publishing.runDueActions()).isEqualTo(1);
        repository.read(session -> {
            javax.jcr.Node live = session.getNode(ContentStage.LIVE_ROOT + "/website/site/annonce");
            assertThat(live.getProperty("title").getString()).isEqualTo("Annonce");
            assertThat(live.getProperty("lead").getString()).isEqualTo("Jeudi");
            assertThat(live.hasNode("extra")).isFalse();
            javax.jcr.Node draft = session.getNode("/website/site/annonce");
            assertThat(draft.getProperty("title").getString()).isEqualTo("Annonce (brouillon suivant)");
            assertThat(draft.hasProperty("lead")).isFalse();
            assertThat(draft.getNode("extra").getProperty("text").getString()).isEqualTo("pas encore relu");
            assertThat(session.getNode(PublishingTree.SCHEDULE).hasNodes()).isFalse();
            return null;
        });
        assertThat(publishing.status("website", "/site/annonce")).isEqualTo(PublicationStatus.MODIFIED);
        assertThat(publishing.versions("website", "/site/annonce")).singleElement()
                .satisfies(v -> assertThat(v.by()).isEqualTo(PUBLISHER.login()));

        // an approval the draft still matches at its time publishes the draft as before
        PublishingFixtures.page(repository, "/site/stable", "title", "Stable");
        ReviewRequest unchanged = reviews.submit(EDITOR.login(), "website", "/site/stable", "Stable", null);
        reviews.approve(PUBLISHER.login(), unchanged.id(), unchanged.fingerprint(), CLOCK.instant().plusSeconds(60), null);
        CLOCK.advance(Duration.ofMinutes(1));
        publishing.runDueActions();
        assertThat(publishing.status("website", "/site/stable")).isEqualTo(PublicationStatus.PUBLISHED);
    }

    @Test
    void aPageNeverPublishedShowsEveryFieldAsNewAndItsComponentsAsAdded() {
        PublishingFixtures.page(repository, "/site/fresh", "title", "Toute neuve");
        PublishingFixtures.text(repository, "/site/fresh", "0", "Bonjour");
        ReviewRequest request = reviews.submit(EDITOR.login(), "website", "/site/fresh", "Nouvelle page", null);
        assertThat(reviews.changes(request)).extracting(VersionDifference::path, VersionDifference::property,
                VersionDifference::change).contains(
                        org.assertj.core.groups.Tuple.tuple("/", "title", VersionDifference.Change.ADDED),
                        org.assertj.core.groups.Tuple.tuple("/main", null, VersionDifference.Change.NODE_ADDED));
    }
}
