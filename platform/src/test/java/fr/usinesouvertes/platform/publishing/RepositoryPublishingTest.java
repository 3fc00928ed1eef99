package fr.usinesouvertes.platform.publishing;

import fr.usinesouvertes.platform.module.RenderedPage;
import static fr.usinesouvertes.platform.publishing.PublishingFixtures.json;
import static fr.usinesouvertes.platform.publishing.PublishingFixtures.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import fr.usinesouvertes.platform.repository.ContentRepository;
import fr.usinesouvertes.platform.testing.PlatformExtension;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Drafts, publication, unpublication, deletion and versions, seen by the public through real HTTP. */
class RepositoryPublishingTest {

    @RegisterExtension
    static final PlatformExtension PLATFORM = PlatformExtension.withLightModules(PublishingFixtures.LIGHT_MODULES)
            .inMemory();

    private static ContentRepository repository;
    private static Publishing publishing;

    @BeforeAll
    static void site() {
        repository = PLATFORM.platform().repository();
        publishing = PLATFORM.platform().publishing();
        PublishingFixtures.page(repository, "/site", "title", "Accueil");
        publishing.publish("editor", "website", "/site", false);
    }

    @Test
    void theEditorialWorkspacesAreUnderPublishingAndOthersAreNot() {
        assertThat(publishing.publishableWorkspaces()).contains("website", "dam", "news").doesNotContain("config");
        assertThatThrownBy(() -> publishing.publish("editor", "config", "/modules", false))
                .isInstanceOfSatisfying(PublishingException.class, e -> {
                    assertThat(e.code()).isEqualTo("workspaceNotPublishable");
                    assertThat(e.kind()).isEqualTo(PublishingException.Kind.INVALID);
                });
    }

    @Test
    void aDraftIsInvisibleOnTheSiteAndInDeliveryUntilPublished() {
        String id = PublishingFixtures.page(repository, "/site/draft", "title", "Brouillon");
        assertThat(PLATFORM.get("/draft").statusCode()).isEqualTo(404);
        assertThat(PLATFORM.get("/.rest/delivery/pages/v1/site/draft").statusCode()).isEqualTo(404);
        assertThat(text(PLATFORM.get("/").body(), "children")).doesNotContain("Brouillon");
        assertThat(publishing.status("website", "/site/draft")).isEqualTo(PublicationStatus.DRAFT);

        publishing.publish("editor", "website", "/site/draft", false);

        HttpResponse<String> page = PLATFORM.get("/draft");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(text(page.body(), "title")).isEqualTo("Brouillon");
        assertThat(text(page.body(), "id")).isEqualTo(id); // the public id is the draft's uuid
        JsonNode delivered = json(PLATFORM.get("/.rest/delivery/pages/v1/site/draft").body());
        assertThat(delivered.get("@id").asText()).isEqualTo(id);
        assertThat(delivered.get("@path").asText()).isEqualTo("/site/draft");
        assertThat(delivered.has("uo:sourceId")).isFalse();
        assertThat(publishing.status("website", "/site/draft")).isEqualTo(PublicationStatus.PUBLISHED);
        repository.read(session -> {
            javax.jcr.Node draft = session.getNode("/website/site/draft");
            assertThat(draft.getProperty("mgnl:lastActivatedBy").getString()).isEqualTo("editor");
            assertThat(draft.getProperty("mgnl:activationStatus").getString()).isEqualTo("true");
            assertThat(draft.hasProperty("mgnl:lastActivated")).isTrue();
            return null;
        });
    }

    @Test
    void aModifiedDraftLeavesThePublicVersionUntilRepublishedInPlace() {
        PublishingFixtures.page(repository, "/site/changing", "title", "Version 1");
        PublishingFixtures.text(repository, "/site/changing", "0", "Premier texte");
        publishing.publish("editor", "website", "/site/changing", false);
        String liveId = liveIdentifier("/site/changing");

        PublishingFixtures.set(repository, "/website/site/changing", "title", "Version 2");
        PublishingFixtures.text(repository, "/site/changing", "0", "Texte modifié");
        assertThat(publishing.status("website", "/site/changing")).isEqualTo(PublicationStatus.MODIFIED);
        String before = PLATFORM.get("/changing").body();
        assertThat(text(before, "title")).isEqualTo("Version 1");
        assertThat(text(before, "main")).isEqualTo("Premier texte");
        assertThat(json(PLATFORM.get("/.rest/delivery/pages/v1/site/changing").body()).get("title").asText())
                .isEqualTo("Version 1");

        publishing.publish("editor", "website", "/site/changing", false);
        String after = PLATFORM.get("/changing").body();
        assertThat(text(after, "title")).isEqualTo("Version 2");
        assertThat(text(after, "main")).isEqualTo("Texte modifié");
        assertThat(json(PLATFORM.get("/.rest/delivery/pages/v1/site/changing").body()).get("title").asText())
                .isEqualTo("Version 2");
        assertThat(liveIdentifier("/site/changing")).isEqualTo(liveId); // updated in place
        assertThat(publishing.status("website", "/site/changing")).isEqualTo(PublicationStatus.PUBLISHED);
    }

    @Test
    void publishingWithSubPagesPublishesTheWholeBranch() {
        PublishingFixtures.page(repository, "/site/parent", "title", "Parent");
        PublishingFixtures.page(repository, "/site/parent/child", "title", "Enfant");
        PublishingFixtures.page(repository, "/site/parent/child/grandchild", "title", "Petit-enfant");
        assertThatThrownBy(() -> publishing.publish("editor", "website", "/site/parent/child", false))
                .isInstanceOfSatisfying(PublishingException.class, e -> {
                    assertThat(e.code()).isEqualTo("parentNotPublished");
                    assertThat(e.subject()).isEqualTo("/website/site/parent/child");
                });

        publishing.publish("editor", "website", "/site/parent", false);
        assertThat(PLATFORM.get("/parent").statusCode()).isEqualTo(200);
        assertThat(text(PLATFORM.get("/parent").body(), "children")).isEmpty();
        assertThat(PLATFORM.get("/parent/child").statusCode()).isEqualTo(404);

        publishing.publish("editor", "website", "/site/parent", true);
        assertThat(text(PLATFORM.get("/parent").body(), "children")).isEqualTo("Enfant");
        assertThat(text(PLATFORM.get("/parent/child/grandchild").body(), "title")).isEqualTo("Petit-enfant");
        assertThat(publishing.status("website", "/site/parent/child/grandchild")).isEqualTo(PublicationStatus.PUBLISHED);
    }

    @Test
    void publishingInsideUnpublishedFoldersPublishesThoseFoldersOnTheirOwnFirst() {
        repository.write(session -> {
            session.getNode("/dam").addNode("kits", "mgnl:folder").addNode("2026", "mgnl:folder");
            return null;
        });
        String kit = PublishingFixtures.asset(repository, "/kits/2026/kit", "kit.txt", "Kit 2026");
        String other = PublishingFixtures.asset(repository, "/kits/autre", "autre.txt", "Autre");

        publishing.publish("editor", "dam", "/kits/2026/kit", false);

        assertThat(publishing.status("dam", "/kits")).isEqualTo(PublicationStatus.PUBLISHED);
        assertThat(publishing.status("dam", "/kits/2026")).isEqualTo(PublicationStatus.PUBLISHED);
        assertThat(PLATFORM.get("/dam/jcr:" + kit + "/kit.txt").body()).isEqualTo("Kit 2026");
        assertThat(publishing.status("dam", "/kits/autre")).isEqualTo(PublicationStatus.DRAFT); // the folders alone
        assertThat(PLATFORM.get("/dam/jcr:" + other + "/autre.txt").statusCode()).isEqualTo(404);
        assertThat(publishing.unpublishedBelow("dam", "/kits")).isEqualTo(1);

        publishing.publish("editor", "dam", "/kits", true);
        assertThat(publishing.unpublishedBelow("dam", "/kits")).isZero();
        assertThat(PLATFORM.get("/dam/jcr:" + other + "/autre.txt").statusCode()).isEqualTo(200);

        publishing.unpublish("editor", "dam", "/kits");
        assertThat(PLATFORM.get("/dam/jcr:" + kit + "/kit.txt").statusCode()).isEqualTo(404);
        assertThat(publishing.status("dam", "/kits/2026/kit")).isEqualTo(PublicationStatus.DRAFT);
        assertThat(publishing.unpublishedBelow("dam", "/kits")).isEqualTo(3);
    }

    @Test
    void unpublishingRemovesThePageAndItsSubPagesFromThePublicOnly() {
        PublishingFixtures.page(repository, "/site/old", "title", "Ancienne");
        PublishingFixtures.page(repository, "/site/old/sub", "title", "Sous-page");
        publishing.publish("editor", "website", "/site/old", true);
        assertThat(PLATFORM.get("/old/sub").statusCode()).isEqualTo(200);

        publishing.unpublish("editor", "website", "/site/old");

        assertThat(PLATFORM.get("/old").statusCode()).isEqualTo(404);
        assertThat(PLATFORM.get("/old/sub").statusCode()).isEqualTo(404);
        assertThat(PLATFORM.get("/.rest/delivery/pages/v1/site/old").statusCode()).isEqualTo(404);
        assertThat(publishing.status("website", "/site/old")).isEqualTo(PublicationStatus.DRAFT);
        assertThat(publishing.status("website", "/site/old/sub")).isEqualTo(PublicationStatus.DRAFT);
        assertThat(exists("/website/site/old/sub")).isTrue();
    }

    @Test
    void deletingAPublishedPageMarksItUntilTheDeletionIsPublished() {
        PublishingFixtures.page(repository, "/site/doomed", "title", "Condamnée");
        publishing.publish("editor", "website", "/site/doomed", false);
        PublishingFixtures.page(repository, "/site/never", "title", "Jamais publiée");

        publishing.delete("editor", "website", "/site/never");
        assertThat(exists("/website/site/never")).isFalse();

        publishing.delete("editor", "website", "/site/doomed");
        assertThat(publishing.status("website", "/site/doomed")).isEqualTo(PublicationStatus.DELETED);
        assertThat(PLATFORM.get("/doomed").statusCode()).isEqualTo(200); // still public

        publishing.publish("editor", "website", "/site/doomed", false);
        assertThat(PLATFORM.get("/doomed").statusCode()).isEqualTo(404);
        assertThat(exists("/website/site/doomed")).isFalse();
        assertThatThrownBy(() -> publishing.status("website", "/site/doomed"))
                .isInstanceOfSatisfying(PublishingException.class, e -> assertThat(e.code()).isEqualTo("nodeNotFound"));
    }

    @Test
    void aDraftRemovedByOtherMeansIsDeletedUntilTheDeletionIsPublished() {
        PublishingFixtures.page(repository, "/site/removed", "title", "Retirée");
        publishing.publish("editor", "website", "/site/removed", false);
        repository.write(session -> {
            session.getNode("/website/site/removed").remove();
            return null;
        });
        assertThat(publishing.status("website", "/site/removed")).isEqualTo(PublicationStatus.DELETED);
        assertThat(PLATFORM.get("/removed").statusCode()).isEqualTo(200);

        publishing.publish("editor", "website", "/site/removed", false);

        assertThat(PLATFORM.get("/removed").statusCode()).isEqualTo(404);
        assertThat(exists("/live/website/site/removed")).isFalse();
    }

    @Test
    void aRenamedDraftKeepsItsLiveNodeWhenRepublished() {
        String id = PublishingFixtures.page(repository, "/site/before", "title", "Renommée");
        publishing.publish("editor", "website", "/site/before", false);
        String liveId = liveIdentifier("/site/before");
        repository.write(session -> {
            session.move("/website/site/before", "/website/site/after");
            return null;
        });
        assertThat(PLATFORM.get("/before").statusCode()).isEqualTo(200); // until republished

        publishing.publish("editor", "website", "/site/after", false);

        assertThat(PLATFORM.get("/before").statusCode()).isEqualTo(404);
        assertThat(text(PLATFORM.get("/after").body(), "id")).isEqualTo(id);
        assertThat(liveIdentifier("/site/after")).isEqualTo(liveId);
        assertThat(publishing.status("website", "/site/after")).isEqualTo(PublicationStatus.PUBLISHED);
    }

    @Test
    void everyPublicationIsAVersionThatCanBeComparedAndRestored() {
        PublishingFixtures.page(repository, "/site/versioned", "title", "Titre A", "lead", "Chapeau");
        PublishingFixtures.text(repository, "/site/versioned", "0", "Texte");
        publishing.publish("alice", "website", "/site/versioned", false, "Première version");
        PublishingFixtures.set(repository, "/website/site/versioned", "title", "Titre B");
        repository.write(session -> {
            session.getNode("/website/site/versioned").getProperty("lead").remove();
            return null;
        });
        PublishingFixtures.text(repository, "/site/versioned", "1", "Nouveau texte");
        publishing.publish("bob", "website", "/site/versioned", false);

        List<ContentVersion> versions = publishing.versions("website", "/site/versioned");
        assertThat(versions).extracting(ContentVersion::number).containsExactly(1, 2);
        assertThat(versions).extracting(ContentVersion::by).containsExactly("alice", "bob");
        assertThat(versions.get(0).comment()).isEqualTo("Première version");
        assertThat(versions.get(0).path()).isEqualTo("/site/versioned");

        List<VersionDifference> differences = publishing.compare("website", "/site/versioned", 1, 2);
        assertThat(differences).contains(
                new VersionDifference("/", "title", "Titre A", "Titre B", VersionDifference.Change.CHANGED),
                new VersionDifference("/", "lead", "Chapeau", null, VersionDifference.Change.REMOVED),
                new VersionDifference("/main/1", null, null, null, VersionDifference.Change.NODE_ADDED));
        assertThat(differences).noneMatch(d -> "mgnl:lastActivated".equals(d.property()));

        publishing.restore("carol", "website", "/site/versioned", 1);

        assertThat(publishing.status("website", "/site/versioned")).isEqualTo(PublicationStatus.MODIFIED);
        repository.read(session -> {
            javax.jcr.Node draft = session.getNode("/website/site/versioned");
            assertThat(draft.getProperty("title").getString()).isEqualTo("Titre A");
            assertThat(draft.getProperty("lead").getString()).isEqualTo("Chapeau");
            assertThat(draft.hasNode("main/1")).isFalse();
            assertThat(draft.getProperty("mgnl:lastModifiedBy").getString()).isEqualTo("carol");
            return null;
        });
        assertThat(text(PLATFORM.get("/versioned").body(), "title")).isEqualTo("Titre B"); // public unchanged
        assertThatThrownBy(() -> publishing.restore("carol", "website", "/site/versioned", 9))
                .isInstanceOfSatisfying(PublishingException.class, e -> assertThat(e.code()).isEqualTo("versionNotFound"));
    }

    @Test
    void referencesResolveToPublishedTargetsOnlyAndKeepTheDraftIds() {
        String assetId = PublishingFixtures.asset(repository, "/kit", "kit.txt", "Le kit");
        String targetId = PublishingFixtures.page(repository, "/site/target", "title", "Cible");
        PublishingFixtures.page(repository, "/site/linking", "title", "Liens", "image", "jcr:" + assetId,
                "related", targetId);
        publishing.publish("editor", "website", "/site/linking", false);

        String unpublished = PLATFORM.get("/linking").body();
        assertThat(text(unpublished, "image")).isEqualTo("none");
        assertThat(text(unpublished, "related")).isEqualTo("none");
        JsonNode raw = json(PLATFORM.get("/.rest/delivery/pages/v1/site/linking").body());
        assertThat(raw.get("image").asText()).isEqualTo("jcr:" + assetId);
        assertThat(raw.get("related").asText()).isEqualTo(targetId);
        assertThat(PLATFORM.get("/dam/jcr:" + assetId + "/kit.txt").statusCode()).isEqualTo(404);

        publishing.publish("editor", "dam", "/kit", false);
        publishing.publish("editor", "website", "/site/target", false);

        String published = PLATFORM.get("/linking").body();
        assertThat(text(published, "image")).isEqualTo("/dam/jcr:" + assetId + "/kit.txt");
        assertThat(text(published, "related")).isEqualTo("/target");
        JsonNode resolved = json(PLATFORM.get("/.rest/delivery/pages/v1/site/linking").body());
        assertThat(resolved.at("/image/@id").asText()).isEqualTo("jcr:" + assetId); // the DAM's asset id
        assertThat(resolved.at("/image/@link").asText()).isEqualTo("/dam/jcr:" + assetId + "/kit.txt");
        assertThat(resolved.at("/related/@id").asText()).isEqualTo(targetId);
        assertThat(resolved.at("/related/title").asText()).isEqualTo("Cible");
        HttpResponse<String> file = PLATFORM.get("/dam/jcr:" + assetId + "/kit.txt");
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.body()).isEqualTo("Le kit");

        publishing.unpublish("editor", "website", "/site/target");
        assertThat(text(PLATFORM.get("/linking").body(), "related")).isEqualTo("none");
    }

    @Test
    void contentTypeItemsArePublishedOnTheirOwn() {
        PublishingFixtures.page(repository, "/site/news", "title", "Actualités");
        PLATFORM.platform().repository().write(session -> {
            session.getNode("/website/site/news").setProperty("mgnl:template", "pub-site:pages/news-room");
            return null;
        });
        publishing.publish("editor", "website", "/site/news", false);
        String id = PublishingFixtures.news(repository, "salon", "Salon de l'industrie");
        assertThat(PLATFORM.get("/news/salon").statusCode()).isEqualTo(404);
        assertThat(PLATFORM.get("/.rest/delivery/news/v1/salon").statusCode()).isEqualTo(404);

        publishing.publish("editor", "news", "/salon", false);

        assertThat(text(PLATFORM.get("/news/salon").body(), "item")).isEqualTo("Salon de l'industrie");
        assertThat(json(PLATFORM.get("/.rest/delivery/news/v1/salon").body()).get("@id").asText()).isEqualTo(id);
        assertThat(json(PLATFORM.get("/.rest/delivery/news/v1").body()).get("total").asInt()).isEqualTo(1);
    }

    @Test
    void thePreviewShowsTheDraftsToEditors() {
        PublishingFixtures.page(repository, "/site/preview", "title", "Aperçu");
        PublishingFixtures.text(repository, "/site/preview", "0", "Texte du brouillon");

        fr.usinesouvertes.platform.module.RenderedPage preview =
                PLATFORM.platform().pagePreview().render("/preview", java.util.Map.of());

        assertThat(preview.status()).isEqualTo(200);
        assertThat(text(preview.html(), "title")).isEqualTo("Aperçu");
        assertThat(text(preview.html(), "main")).isEqualTo("Texte du brouillon");
        assertThat(text(preview.html(), "mode")).isEqualTo("true|false");
        assertThat(text(PLATFORM.get("/").body(), "mode")).isEqualTo("false|true");
        assertThat(PLATFORM.get("/preview").statusCode()).isEqualTo(404);
        assertThat(PLATFORM.platform().pagePreview().render("/nowhere", java.util.Map.of()).status()).isEqualTo(404);
    }

    @Test
    void concurrentPublicationsOfOneNodeAllSucceedWithOneVersionEach() throws Exception {
        PublishingFixtures.page(repository, "/site/busy", "title", "Très demandée");
        java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(3);
        try {
            List<java.util.concurrent.Future<?>> runs = new java.util.ArrayList<>();
            for (int i = 0; i < 3; i++) {
                String by = "editor" + i;
                runs.add(threads.submit(() -> publishing.publish(by, "website", "/site/busy", false)));
            }
            for (java.util.concurrent.Future<?> run : runs) {
                run.get();
            }
        } finally {
            threads.shutdown();
        }
        assertThat(publishing.versions("website", "/site/busy")).extracting(ContentVersion::number)
                .containsExactly(1, 2, 3);
        assertThat(publishing.status("website", "/site/busy")).isEqualTo(PublicationStatus.PUBLISHED);
    }

    @Test
    void badRequestsNameTheReasonAndChangeNothing() {
        assertThatThrownBy(() -> publishing.publish("editor", "website", "/site/nothing-here", false))
                .isInstanceOfSatisfying(PublishingException.class, e -> {
                    assertThat(e.code()).isEqualTo("nodeNotFound");
                    assertThat(e.kind()).isEqualTo(PublishingException.Kind.NOT_FOUND);
                });
        assertThatThrownBy(() -> publishing.publish("editor", "website", "/site/../etc", false))
                .isInstanceOfSatisfying(PublishingException.class, e -> assertThat(e.code()).isEqualTo("invalidPath"));
        assertThatThrownBy(() -> publishing.publish("editor", "website", "site", false))
                .isInstanceOfSatisfying(PublishingException.class, e -> assertThat(e.code()).isEqualTo("invalidPath"));
        assertThatThrownBy(() -> publishing.restore("editor", "website", "/site", 0))
                .isInstanceOfSatisfying(PublishingException.class, e -> assertThat(e.code()).isEqualTo("versionNotFound"));
    }

    private static boolean exists(String jcrPath) {
        Boolean exists = repository.read(session -> session.nodeExists(jcrPath));
        return exists;
    }

    private static String liveIdentifier(String path) {
        return repository.read(session -> session.getNode("/live/website" + path).getIdentifier());
    }
}
