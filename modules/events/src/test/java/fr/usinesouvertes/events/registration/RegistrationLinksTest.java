package fr.usinesouvertes.events.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.usinesouvertes.events.registration.InvalidLinkException.Reason;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class RegistrationLinksTest {

    private static final byte[] SECRET = "a test secret of at least thirty-two bytes".getBytes(StandardCharsets.UTF_8);
    private static final String ID = "c1d2e3f4-0000-4000-8000-000000000001";
    private static final Instant EXPIRY = Instant.parse("2026-03-22T23:00:00Z");

    private static RegistrationLinks at(String now) {
        return new RegistrationLinks(SECRET, Clock.fixed(Instant.parse(now), ZoneOffset.UTC));
    }

    @Test
    void aSignedTokenGivesBackItsRegistrationUntilItExpires() {
        String token = at("2026-02-10T09:00:00Z").sign(ID, EXPIRY);

        assertThat(token).matches("[A-Za-z0-9_-]+\\.[0-9]+\\.[A-Za-z0-9_-]+");
        assertThat(at("2026-03-22T22:59:59Z").verify(token)).isEqualTo(ID);
        assertThatThrownBy(() -> at("2026-03-22T23:00:00Z").verify(token))
                .isInstanceOfSatisfying(InvalidLinkException.class, e -> assertThat(e.reason()).isEqualTo(Reason.EXPIRED));
    }

    @Test
    void aTamperedTokenIsRejected() {
        RegistrationLinks links = at("2026-02-10T09:00:00Z");
        String token = links.sign(ID, EXPIRY);
        String[] parts = token.split("\\.");
        String otherId = links.sign("c1d2e3f4-0000-4000-8000-000000000002", EXPIRY).split("\\.")[0];

        for (String tampered : new String[] {
                otherId + "." + parts[1] + "." + parts[2],
                parts[0] + "." + (Long.parseLong(parts[1]) + 86_400) + "." + parts[2],
                parts[0] + "." + parts[1] + "." + parts[2].substring(0, parts[2].length() - 2) + "AA"}) {
            assertThatThrownBy(() -> links.verify(tampered)).as(tampered)
                    .isInstanceOfSatisfying(InvalidLinkException.class, e -> assertThat(e.reason()).isEqualTo(Reason.BAD_SIGNATURE));
        }
    }

    @Test
    void aTokenSignedWithAnotherSecretIsRejected() {
        String forged = new RegistrationLinks("another secret that is also long enough".getBytes(StandardCharsets.UTF_8),
                Clock.systemUTC()).sign(ID, EXPIRY);

        assertThatThrownBy(() -> at("2026-02-10T09:00:00Z").verify(forged)).isInstanceOf(InvalidLinkException.class);
    }

    @Test
    void malformedTokensAreRejected() {
        RegistrationLinks links = at("2026-02-10T09:00:00Z");
        for (String malformed : new String[] {"", "abc", "a.b", "a.b.c.d", "@@.12.xx", "YWJj.notanumber.YWJj", "x".repeat(600)}) {
            assertThatThrownBy(() -> links.verify(malformed)).as(malformed)
                    .isInstanceOfSatisfying(InvalidLinkException.class, e -> assertThat(e.reason()).isIn(Reason.MALFORMED, Reason.BAD_SIGNATURE));
        }
        assertThatThrownBy(() -> links.verify(null)).isInstanceOf(InvalidLinkException.class);
    }

    @Test
    void aShortSecretIsRefused() {
        assertThatThrownBy(() -> new RegistrationLinks(new byte[16], Clock.systemUTC())).isInstanceOf(IllegalArgumentException.class);
    }
}
