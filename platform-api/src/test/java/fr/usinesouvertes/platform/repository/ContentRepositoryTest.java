package fr.usinesouvertes.platform.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import javax.jcr.Node;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContentRepositoryTest {

    @TempDir
    Path data;

    @Test
    void magnoliaNodeTypesAndWorkspacesAreRegistered() {
        try (ContentRepository repository = ContentRepository.open(new SegmentStoreBackend(data))) {
            String type = repository.write(session -> {
                Node page = session.getNode("/website").addNode("home", "mgnl:page");
                page.setProperty("mgnl:template", "site:pages/home");
                Node area = page.addNode("main", "mgnl:area");
                area.addNode("0", "mgnl:component");
                return page.getPrimaryNodeType().getName();
            });
            assertThat(type).isEqualTo("mgnl:page");
            repository.read(session -> {
                assertThat(session.getNode("/website/home").isNodeType("mgnl:content")).isTrue();
                assertThat(session.getNode("/website/home/main/0").isNodeType("mgnl:contentNode")).isTrue();
                assertThat(session.getNode("/website/home").isNodeType("mix:referenceable")).isTrue();
                assertThat(session.nodeExists("/dam")).isTrue();
                return null;
            });
        }
    }

    @Test
    void contentSurvivesARestart() {
        try (ContentRepository repository = ContentRepository.open(new SegmentStoreBackend(data))) {
            repository.write(session -> session.getNode("/website").addNode("kept", "mgnl:page"));
        }
        try (ContentRepository repository = ContentRepository.open(new SegmentStoreBackend(data))) {
            boolean kept = repository.read(session -> session.nodeExists("/website/kept"));
            assertThat(kept).isTrue();
        }
    }

    @Test
    void failedWriteLeavesNothingBehind() {
        try (ContentRepository repository = ContentRepository.open(new MemoryStoreBackend())) {
            assertThatThrownBy(() -> repository.write(session -> {
                session.getNode("/website").addNode("half", "mgnl:page");
                throw new javax.jcr.RepositoryException("boom");
            })).isInstanceOf(RepositoryException.class);
            boolean half = repository.read(session -> session.nodeExists("/website/half"));
            assertThat(half).isFalse();
        }
    }

    @Test
    void secondOpenOfTheSameDataFolderFailsFast() {
        try (ContentRepository first = ContentRepository.open(new SegmentStoreBackend(data))) {
            assertThatThrownBy(() -> new SegmentStoreBackend(data))
                    .isInstanceOf(RepositoryLockedException.class)
                    .hasMessageContaining("already in use");
        }
    }

    @Test
    void workspacePathsMapToTopLevelSubtrees() {
        Workspaces workspaces = new Workspaces();
        assertThat(workspaces.toJcrPath("website", "/home/news")).isEqualTo("/website/home/news");
        assertThat(workspaces.toJcrPath("dam", "/")).isEqualTo("/dam");
        assertThat(workspaces.toWorkspacePath("/website/home/news")).isEqualTo("/home/news");
        assertThat(workspaces.toWorkspacePath("/website")).isEqualTo("/");
        assertThat(workspaces.workspaceOf("/website/home")).isEqualTo("website");
        assertThatThrownBy(() -> workspaces.toJcrPath("../x", "/")).isInstanceOf(IllegalArgumentException.class);
    }
}
