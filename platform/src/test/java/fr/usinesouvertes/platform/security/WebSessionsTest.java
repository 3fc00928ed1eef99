package fr.usinesouvertes.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import fr.usinesouvertes.platform.repository.ContentRepository;
import fr.usinesouvertes.platform.repository.MemoryStoreBackend;
import fr.usinesouvertes.platform.testing.MutableClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Signed session cookies: signature, idle and absolute expiry, revocation and its purge, password change. */
class WebSessionsTest {

    private static final byte[] SECRET = "a test secret of at least thirty-two bytes".getBytes(StandardCharsets.UTF_8);
    private static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-03-01T08:00:00Z"));
    private static ContentRepository repository;
    private static Accounts accounts;
    private static WebSessions sessions;

    @BeforeAll
    static void open() {
        repository = ContentRepository.open(new MemoryStoreBackend());
        accounts = new Accounts(repository, CLOCK);
        accounts.create("session@example.fr", "Session", "correct horse battery".toCharArray(), Set.of(Role.EDITOR), null);
        sessions = new WebSessions(repository, accounts, SECRET, CLOCK, Duration.ofMinutes(120), Duration.ofHours(12), false);
    }

    @AfterAll
    static void close() {
        repository.close();
    }

    private static SessionToken fresh(String id) {
        long now = CLOCK.millis();
        return new SessionToken(id, "session@example.fr", now, now);
    }

    @Test
    void aSignedCookieNamesItsAccount() {
        String cookie = sessions.encode(fresh("s1"));

        assertThat(sessions.verify(cookie)).hasValueSatisfying(v -> assertThat(v.account().login()).isEqualTo("session@example.fr"));
    }

    @Test
    void aTamperedOrForeignCookieIsRefused() {
        String cookie = sessions.encode(fresh("s2"));
        String payload = cookie.substring(0, cookie.indexOf('.'));
        String forged = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                new String(java.util.Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8)
                        .replace("session@example.fr", "admin@example.fr").getBytes(StandardCharsets.UTF_8));
        WebSessions otherSecret = new WebSessions(repository, accounts,
                "another secret of at least thirty-two bytes".getBytes(StandardCharsets.UTF_8), CLOCK,
                Duration.ofMinutes(120), Duration.ofHours(12), false);

        assertThat(sessions.verify(forged + cookie.substring(cookie.indexOf('.')))).isEmpty();
        assertThat(otherSecret.verify(cookie)).isEmpty();
        assertThat(sessions.verify("garbage")).isEmpty();
        assertThat(sessions.verify("")).isEmpty();
    }

    @Test
    void idleSessionsEndAndRefreshedOnesLastUntilTheAbsoluteLimit() {
        SessionToken token = fresh("s3");
        String cookie = sessions.encode(token);
        CLOCK.advance(Duration.ofMinutes(121));
        assertThat(sessions.verify(cookie)).isEmpty();

        SessionToken kept = token;
        for (int hour = 0; hour < 9; hour++) { // 2 h 01 + 9 h since login
            kept = new SessionToken(kept.id(), kept.login(), kept.issuedAt(), CLOCK.millis()); // refreshed by requests
            CLOCK.advance(Duration.ofMinutes(60));
        }
        assertThat(sessions.verify(sessions.encode(kept))).isPresent();
        CLOCK.advance(Duration.ofMinutes(70)); // past 12 h since login
        kept = new SessionToken(kept.id(), kept.login(), kept.issuedAt(), CLOCK.millis());
        assertThat(sessions.verify(sessions.encode(kept))).isEmpty();
    }

    @Test
    void revokedSessionsAreRefusedAndTheirRecordsPurgedOnceExpired() {
        SessionToken token = fresh("s4");
        sessions.revoke(token);

        assertThat(sessions.verify(sessions.encode(token))).isEmpty();
        assertThat(sessions.purgeRevocations()).isZero();
        CLOCK.advance(Duration.ofHours(13));
        assertThat(sessions.purgeRevocations()).isGreaterThanOrEqualTo(1);
        assertThat(repository.<Boolean>read(session -> session.nodeExists(WebSessions.REVOKED + "/s4"))).isFalse();
    }

    @Test
    void aPasswordChangeEndsOlderSessions() {
        String before = sessions.encode(fresh("s5"));
        CLOCK.advance(Duration.ofSeconds(1));
        accounts.setPassword("session@example.fr", "another horse battery".toCharArray());
        CLOCK.advance(Duration.ofSeconds(1));

        assertThat(sessions.verify(before)).isEmpty();
        assertThat(sessions.verify(sessions.encode(fresh("s6")))).isPresent();
    }
}
