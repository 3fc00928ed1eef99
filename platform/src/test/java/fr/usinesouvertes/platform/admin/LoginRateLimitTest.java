package fr.usinesouvertes.platform.admin;

import static org.assertj.core.api.Assertions.assertThat;

import fr.usinesouvertes.platform.security.Role;
import fr.usinesouvertes.platform.testing.AdminBrowser;
import fr.usinesouvertes.platform.testing.PlatformExtension;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * After {@code login-rate-limit} failures from one address, that address waits (429, growing delays), while the
 * account's owner logs in from another address; clients are told apart through the trusted proxy's
 * {@code X-Forwarded-For}.
 */
class LoginRateLimitTest {

    @RegisterExtension
    static final PlatformExtension PLATFORM = PlatformExtension.withLightModules(Path.of("target/no-light-modules"))
            .inMemory()
            .setting("login-rate-limit", "3")
            .setting("trusted-proxies", "127.0.0.1");

    private static final String PASSWORD = "le bon mot de passe";

    @BeforeAll
    static void account() {
        PLATFORM.platform().accounts().create("cible@example.fr", "Cible", PASSWORD.toCharArray(),
                Set.of(Role.PUBLISHER), null);
    }

    private static AdminBrowser from(String address) {
        return AdminBrowser.on(PLATFORM).header("X-Forwarded-For", address);
    }

    @Test
    void anAttackerIsSlowedButTheOwnerLogsInFromAnotherAddress() {
        AdminBrowser attacker = from("203.0.113.66");
        for (int i = 0; i < 3; i++) {
            assertThat(attacker.login("cible@example.fr", "essai " + i).statusCode()).isEqualTo(401);
        }

        HttpResponse<String> slowed = attacker.login("cible@example.fr", PASSWORD);
        assertThat(slowed.statusCode()).isEqualTo(429);
        assertThat(slowed.body()).contains("Trop de tentatives échouées. Réessayez dans 30 secondes.");
        assertThat(slowed.headers().firstValue("Retry-After")).hasValue("30");
        assertThat(attacker.cookie("uo_session")).isNull();

        AdminBrowser owner = from("198.51.100.9");
        HttpResponse<String> loggedIn = owner.login("cible@example.fr", PASSWORD);
        assertThat(loggedIn.statusCode()).isEqualTo(303);
        assertThat(owner.cookie("uo_session")).isNotNull();
    }

    @Test
    void anAddressGuessingManyAccountsWaitsForEveryAccount() {
        AdminBrowser sprayer = from("203.0.113.77");
        for (int i = 0; i < 12; i++) {
            assertThat(sprayer.login("compte" + i + "@example.fr", "essai").statusCode()).isEqualTo(401);
        }
        assertThat(sprayer.login("encore@example.fr", "essai").statusCode()).isEqualTo(429);
        assertThat(from("203.0.113.78").login("encore@example.fr", "essai").statusCode()).isEqualTo(401);
    }
}
