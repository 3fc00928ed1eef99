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
    void theCookieIsOpaqueAndCarriesNoLogin() {
        String cookie = sessions.encode(fresh("s1"));
        String decoded = new String(java.util.Base64.getUrlDecoder().decode(cookie), StandardCharsets.ISO_8859_1);

        assertThat(cookie).doesNotContain("session");
        assertThat(decoded).doesNotContain("session@example.fr").doesNotContain("s1|");
        assertThat(sessions.encode(fresh("s1"))).isNotEqualTo(cookie); // a fresh nonce each time
        // the format of earlier versions, login in clear and signed, is no longer accepted
        String clear = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                ("1|s1|session@example.fr|" + CLOCK.millis() + "|" + CLOCK.millis()).getBytes(StandardCharsets.UTF_8));
        assertThat(sessions.verify(clear + "." + sessions.sign(clear))).isEmpty();
    }

    @Test
    void aTamperedOrForeignCookieIsRefused() {
        String cookie = sessions.encode(fresh("s2"));
        byte[] bytes = java.util.Base64.getUrlDecoder().decode(cookie);
        bytes[bytes.length / 2] ^= 1;
        String forged = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        WebSessions otherSecret = new WebSessions(repository, accounts,
                "another secret of at least thirty-two bytes".getBytes(StandardCharsets.UTF_8), CLOCK,
                Duration.ofMinutes(120), Duration.ofHours(12), false);

        assertThat(sessions.verify(forged)).isEmpty();
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
