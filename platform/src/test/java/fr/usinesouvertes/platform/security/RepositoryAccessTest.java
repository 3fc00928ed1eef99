package fr.usinesouvertes.platform.security;

import fr.usinesouvertes.platform.repository.AccountSubjects;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.usinesouvertes.platform.repository.ContentRepository;
import fr.usinesouvertes.platform.repository.RepositoryException;
import fr.usinesouvertes.platform.testing.PlatformExtension;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import javax.jcr.Node;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Oak's access control decides what an account's session sees: company A against company B, staff roles. */
class RepositoryAccessTest {

    @RegisterExtension
    static final PlatformExtension PLATFORM = PlatformExtension.withLightModules(Path.of("target/no-light-modules"))
            .inMemory();

    private static final char[] PASSWORD = "correct horse battery".toCharArray();
    private static Account companyA;
    private static Account companyB;
    private static Account editor;
    private static Account admin;

    @BeforeAll
    static void contentAndAccounts() {
        ContentRepository repository = PLATFORM.platform().repository();
        repository.write(session -> {
            Node root = session.getRootNode();
            for (String workspace : List.of("companies", "sites", "registrations")) {
                if (!root.hasNode(workspace)) {
                    root.addNode(workspace, "nt:unstructured");
                }
            }
            session.getNode("/companies").addNode("usine-a", "nt:unstructured").setProperty("name", "Usine A");
            session.getNode("/companies").addNode("usine-b", "nt:unstructured").setProperty("name", "Usine B");
            session.getNode("/registrations").addNode("slot-a", "nt:unstructured").addNode("r1", "nt:unstructured")
                    .setProperty("email", "visiteur-a@example.fr");
            session.getNode("/registrations").addNode("slot-b", "nt:unstructured").addNode("r1", "nt:unstructured")
                    .setProperty("email", "visiteur-b@example.fr");
            session.getNode("/website").addNode("presse", "nt:unstructured");
            CompanyAccess.grant(session, "usine-a", "/companies/usine-a");
            CompanyAccess.grant(session, "usine-a", "/registrations/slot-a");
            CompanyAccess.grant(session, "usine-b", "/companies/usine-b");
            CompanyAccess.grant(session, "usine-b", "/registrations/slot-b");
            CompanyAccess.grantReadNodeOnly(session, "usine-a", "/companies");
            return null;
        });
        PLATFORM.platform().security().installAccessControl(List.of("companies", "sites", "registrations", "website"));
        Accounts accounts = PLATFORM.platform().accounts();
        companyA = accounts.create("a@usine-a.fr", "A", PASSWORD, Set.of(Role.COMPANY), "usine-a");
        companyB = accounts.create("b@usine-b.fr", "B", PASSWORD, Set.of(Role.COMPANY), "usine-b");
        editor = accounts.create("editrice@example.fr", "Éditrice", PASSWORD, Set.of(Role.EDITOR), null);
        admin = accounts.create("admin@example.fr", "Admin", PASSWORD, Set.of(Role.ADMIN), null);
    }

    @Test
    void aCompanyReadsAndWritesItsOwnNodes() {
        ContentRepository repository = PLATFORM.platform().repository();

        repository.writeAs(companyA.login(), session -> {
            session.getNode("/companies/usine-a").setProperty("city", "Lyon");
            return null;
        });

        assertThat(repository.<String>readAs(companyA.login(), session -> session.getProperty("/companies/usine-a/city").getString()))
                .isEqualTo("Lyon");
        assertThat(repository.<String>readAs(companyA.login(), session -> session.getProperty("/registrations/slot-a/r1/email").getString()))
                .isEqualTo("visiteur-a@example.fr");
        assertThat(repository.<String>readAs(companyA.login(), session -> session.getUserID())).isEqualTo("a@usine-a.fr");
    }

    @Test
    void aCompanyCanNeitherReadNorChangeTheAccessControlOfItsOwnNodes() {
        ContentRepository repository = PLATFORM.platform().repository();

        assertThatThrownBy(() -> repository.readAs(companyA.login(),
                session -> session.getAccessControlManager().getPolicies("/companies/usine-a")))
                .isInstanceOf(RepositoryException.class)
                .satisfies(e -> assertThat(((RepositoryException) e).isAccessDenied()).isTrue());
        assertThatThrownBy(() -> repository.writeAs(companyA.login(), session -> {
            CompanyAccess.grant(session, "usine-a", "/companies/usine-b");
            return null;
        })).isInstanceOf(RepositoryException.class);
        assertThatThrownBy(() -> repository.readAs(companyA.login(), session -> session.getNode("/companies/usine-b")))
                .isInstanceOf(RepositoryException.class);
    }

    @Test
    void companyBsNodesAndRegistrationsDoNotExistForCompanyA() {
        ContentRepository repository = PLATFORM.platform().repository();

        assertThatThrownBy(() -> repository.readAs(companyA.login(), session -> session.getNode("/companies/usine-b")))
                .isInstanceOf(RepositoryException.class)
                .satisfies(e -> assertThat(((RepositoryException) e).isAccessDenied()).isTrue());
        assertThatThrownBy(() -> repository.readAs(companyA.login(), session -> session.getNode("/registrations/slot-b/r1")))
                .satisfies(e -> assertThat(((RepositoryException) e).isAccessDenied()).isTrue());
        assertThat(repository.<Boolean>readAs(companyA.login(), session -> session.nodeExists("/registrations")
                || session.nodeExists("/sites") || session.nodeExists("/website"))).isFalse();
        // the workspace root is readable (listing), its other children are not
        assertThat(repository.<List<String>>readAs(companyA.login(), session -> {
            List<String> names = new java.util.ArrayList<>();
            for (javax.jcr.NodeIterator it = session.getNode("/companies").getNodes(); it.hasNext(); ) {
                names.add(it.nextNode().getName());
            }
            return names;
        })).containsExactly("usine-a");
    }

    @Test
    void companyACannotWriteCompanyBsNodesAndNothingIsSaved() {
        ContentRepository repository = PLATFORM.platform().repository();

        assertThatThrownBy(() -> repository.writeAs(companyA.login(), session -> {
            session.getNode("/companies/usine-a").setProperty("touched", true);
            session.getNode("/companies/usine-b").setProperty("name", "Volée");
            return null;
        })).isInstanceOf(RepositoryException.class).satisfies(e -> assertThat(((RepositoryException) e).isAccessDenied()).isTrue());
        assertThatThrownBy(() -> repository.writeAs(companyA.login(), session -> {
            session.getNode("/companies").addNode("usine-c", "nt:unstructured");
            return null;
        })).isInstanceOf(RepositoryException.class);

        assertThat(repository.<String>read(session -> session.getProperty("/companies/usine-b/name").getString())).isEqualTo("Usine B");
        assertThat(repository.<Boolean>read(session -> session.nodeExists("/companies/usine-c")
                || session.propertyExists("/companies/usine-a/touched"))).isFalse();
    }

    @Test
    void editorsReadEventsWorkspacesWriteEditorialOnesAndNeverSeeRegistrations() {
        ContentRepository repository = PLATFORM.platform().repository();

        assertThat(repository.<String>readAs(editor.login(), session -> session.getProperty("/companies/usine-b/name").getString()))
                .isEqualTo("Usine B");
        assertThat(repository.<Boolean>readAs(editor.login(), session -> session.nodeExists("/registrations")
                || session.nodeExists("/registrations/slot-a/r1"))).isFalse();
        repository.writeAs(editor.login(), session -> session.getNode("/website/presse").addNode("communique", "nt:unstructured"));
        assertThat(repository.<Boolean>read(session -> session.nodeExists("/website/presse/communique"))).isTrue();
        assertThatThrownBy(() -> repository.writeAs(editor.login(), session -> {
            session.getNode("/companies/usine-a").setProperty("name", "Renommée");
            return null;
        })).isInstanceOf(RepositoryException.class);
    }

    @Test
    void administratorsSeeEverythingButTheSessionSecret() {
        ContentRepository repository = PLATFORM.platform().repository();

        assertThat(repository.<String>readAs(admin.login(), session -> session.getProperty("/registrations/slot-b/r1/email").getString()))
                .isEqualTo("visiteur-b@example.fr");
        assertThat(repository.<Boolean>readAs(admin.login(), session -> session.nodeExists(SessionSecret.PATH))).isFalse();
        assertThat(repository.<Boolean>read(session -> session.nodeExists(SessionSecret.PATH))).isTrue();
    }

    @Test
    void aDisabledAccountGetsNoSession() {
        Accounts accounts = PLATFORM.platform().accounts();
        Account leaving = accounts.create("depart@usine-a.fr", "Départ", PASSWORD, Set.of(Role.COMPANY), "usine-a");
        accounts.disable("depart@usine-a.fr");

        assertThat(accounts.find("depart@usine-a.fr")).isEmpty();
        assertThat(accounts.authenticate("depart@usine-a.fr", PASSWORD)).isEmpty();
        assertThatThrownBy(() -> new AccountSubjects().subject(leaving.login(), PLATFORM.platform().repository()::read))
                .isInstanceOf(RepositoryException.class);
    }
}
