package fr.usinesouvertes.platform.admin;

import static org.assertj.core.api.Assertions.assertThat;

import fr.usinesouvertes.platform.security.Role;
import fr.usinesouvertes.platform.testing.AdminBrowser;
import fr.usinesouvertes.platform.testing.PlatformExtension;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** After {@code login-rate-limit} failures, logins answer 429 with a French message, even with the right password. */
class LoginRateLimitTest {

    @RegisterExtension
    static final PlatformExtension PLATFORM = PlatformExtension.withLightModules(Path.of("target/no-light-modules"))
            .inMemory()
            .setting("login-rate-limit", "3")
            .setting("trusted-proxies", "127.0.0.1");

    @Test
    void theFourthAttemptAfterThreeFailuresIsRefused() {
        PLATFORM.platform().accounts().create("cible@example.fr", "Cible", "le bon mot de passe".toCharArray(),
                Set.of(Role.PUBLISHER), null);
        AdminBrowser guesser = AdminBrowser.on(PLATFORM);
        for (int i = 0; i < 3; i++) {
            assertThat(guesser.login("cible@example.fr", "essai " + i).statusCode()).isEqualTo(401);
        }

        HttpResponse<String> blocked = guesser.login("cible@example.fr", "le bon mot de passe");

        assertThat(blocked.statusCode()).isEqualTo(429);
        assertThat(blocked.body()).contains("Trop de tentatives échouées. Réessayez dans 15 minutes.");
        assertThat(blocked.headers().firstValue("Retry-After")).hasValue("900");
        assertThat(guesser.cookie("uo_session")).isNull();
        // the address is blocked too, for every login; a client behind the trusted proxy is not
        assertThat(AdminBrowser.on(PLATFORM).login("autre@example.fr", "essai").statusCode()).isEqualTo(429);
        assertThat(AdminBrowser.on(PLATFORM).header("X-Forwarded-For", "198.51.100.9")
                .login("autre@example.fr", "essai").statusCode()).isEqualTo(401);
    }
}
