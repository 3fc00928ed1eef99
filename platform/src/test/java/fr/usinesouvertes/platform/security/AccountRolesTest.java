package fr.usinesouvertes.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.usinesouvertes.platform.testing.AdminBrowser;
import fr.usinesouvertes.platform.testing.PlatformExtension;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Roles changed by {@link Accounts#setRoles}: the rules that keep an administrator, and sessions see it at once. */
class AccountRolesTest {

    @RegisterExtension
    static final PlatformExtension PLATFORM = PlatformExtension.withLightModules(Path.of("target/no-light-modules"))
            .inMemory()
            .setting("login-rate-limit", "0");

    private static final String PASSWORD = "correct horse battery";

    private static Accounts accounts() {
        return PLATFORM.platform().accounts();
    }

    private static void create(String login, Role... roles) {
        accounts().create(login, login, PASSWORD.toCharArray(), Set.of(roles), null);
    }

    @Test
    void rolesChangeAndTheAccountsSessionSeesThemAtItsNextRequest() {
        create("promue@example.fr", Role.EDITOR);
        AdminBrowser session = AdminBrowser.on(PLATFORM);
        session.login("promue@example.fr", PASSWORD);
        assertThat(session.get("/admin/accounts/").statusCode()).isEqualTo(403);
        Boolean editorReadsConfig = PLATFORM.platform().repository().readAs("promue@example.fr", s -> s.nodeExists("/config"));
        assertThat(editorReadsConfig).isFalse();

        Account changed = accounts().setRoles("Promue@Example.fr", EnumSet.of(Role.EDITOR, Role.ADMIN), "chef@example.fr");

        assertThat(changed.roles()).containsExactlyInAnyOrder(Role.EDITOR, Role.ADMIN);
        assertThat(accounts().find("promue@example.fr").orElseThrow().roles()).containsExactlyInAnyOrder(Role.EDITOR, Role.ADMIN);
        assertThat(session.get("/admin/accounts/").statusCode()).isEqualTo(200);
        Boolean readsConfig = PLATFORM.platform().repository().readAs("promue@example.fr", s -> s.nodeExists("/config"));
        assertThat(readsConfig).isTrue(); // Oak's access control follows at once on this node

        accounts().setRoles("promue@example.fr", EnumSet.of(Role.PUBLISHER), "chef@example.fr");
        assertThat(session.get("/admin/accounts/").statusCode()).isEqualTo(403);
        assertThat(session.get("/admin/").statusCode()).isEqualTo(200); // still logged in
    }

    @Test
    void theLastEnabledAdministratorKeepsTheRoleAndNobodyRemovesTheirOwn() {
        create("seul-admin@example.fr", Role.ADMIN);
        create("ancien-admin@example.fr", Role.ADMIN);
        accounts().disable("ancien-admin@example.fr");
        for (Account account : accounts().list()) {
            if (account.has(Role.ADMIN) && !account.login().equals("seul-admin@example.fr")
                    && !accounts().isDisabled(account.login())) {
                accounts().setRoles(account.login(), EnumSet.of(Role.EDITOR), "test");
            }
        }

        assertThatThrownBy(() -> accounts().setRoles("seul-admin@example.fr", EnumSet.of(Role.EDITOR), "test"))
                .isInstanceOfSatisfying(AccountException.class, e -> {
                    assertThat(e.field()).isEqualTo("roles");
                    assertThat(e.getMessage()).contains("dernier administrateur");
                });
        assertThat(accounts().setRoles("ancien-admin@example.fr", EnumSet.of(Role.EDITOR), "test").roles())
                .containsExactly(Role.EDITOR); // a disabled administrator does not count
        create("second-admin@example.fr", Role.ADMIN);
        assertThatThrownBy(() -> accounts().setRoles("second-admin@example.fr", EnumSet.of(Role.EDITOR),
                "Second-Admin@example.fr"))
                .isInstanceOfSatisfying(AccountException.class, e ->
                        assertThat(e.getMessage()).contains("votre propre rôle d'administrateur"));
        assertThat(accounts().setRoles("seul-admin@example.fr", EnumSet.of(Role.EDITOR), "second-admin@example.fr")
                .roles()).containsExactly(Role.EDITOR);
        assertThat(accounts().hasEnabledAdministrator()).isTrue();
    }

    @Test
    void twoConcurrentRemovalsNeverLeaveNoAdministrator() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 5; round++) {
                List<String> admins = adminsOnly("a" + round + "@example.fr", "b" + round + "@example.fr");
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Boolean>> removals = new ArrayList<>();
                for (String admin : admins) {
                    removals.add(threads.submit(() -> {
                        start.await();
                        try {
                            accounts().setRoles(admin, EnumSet.of(Role.EDITOR), "test");
                            return true;
                        } catch (AccountException e) {
                            return false;
                        }
                    }));
                }
                start.countDown();
                int removed = 0;
                for (Future<Boolean> removal : removals) {
                    removed += removal.get(30, TimeUnit.SECONDS) ? 1 : 0;
                }
                assertThat(removed).isEqualTo(1);
                assertThat(accounts().hasEnabledAdministrator()).isTrue();
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void badRoleChangesAreRefusedNamingTheField() {
        accounts().create("usine-c@example.fr", "Usine C", PASSWORD.toCharArray(), Set.of(Role.COMPANY), "usine-c");

        assertThatThrownBy(() -> accounts().setRoles("usine-c@example.fr", EnumSet.of(Role.EDITOR), "test"))
                .isInstanceOfSatisfying(AccountException.class, e -> assertThat(e.field()).isEqualTo("roles"));
        assertThatThrownBy(() -> accounts().setRoles("usine-c@example.fr", Set.of(), "test"))
                .isInstanceOfSatisfying(AccountException.class, e -> assertThat(e.field()).isEqualTo("roles"));
        assertThatThrownBy(() -> accounts().setRoles("personne@example.fr", EnumSet.of(Role.EDITOR), "test"))
                .isInstanceOfSatisfying(AccountException.class, e -> assertThat(e.field()).isEqualTo("login"));
        assertThat(accounts().setRoles("usine-c@example.fr", EnumSet.of(Role.COMPANY, Role.EDITOR), "test").company())
                .isEqualTo("usine-c");
    }

    /** Makes {@code logins} the only enabled administrators. */
    private static List<String> adminsOnly(String... logins) {
        for (String login : logins) {
            create(login, Role.ADMIN);
        }
        for (Account account : accounts().list()) {
            if (account.has(Role.ADMIN) && !List.of(logins).contains(account.login())) {
                accounts().disable(account.login());
            }
        }
        return List.of(logins);
    }
}
