package fr.usinesouvertes.platform.security;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

/**
 * Signed, short-lived permissions to read drafts through the Delivery API, for a front end shown in the page editor:
 * a front end served from another origin gets no back-office cookie, so the editor passes one of these in the frame's
 * address ({@value #PARAMETER}), and the front end's calls carry it on (Magnolia's front-end helpers repeat the
 * frame's query string on their API calls).
 *
 * <p>A token names the staff account it was issued to and its end ({@link #VALIDITY} after issue); it is refused once
 * expired, when the account is disabled, deleted or no longer staff, or when its sessions were closed after the
 * token was issued ("log out everywhere", password change). It grants reading, never writing.
 */
public final class PreviewTokens {

    /** The query parameter that carries a token. */
    public static final String PARAMETER = "uoPreview";
    /** How long a token is valid: the length of an editing session in the page editor. */
    public static final Duration VALIDITY = Duration.ofHours(2);

    private final Accounts accounts;
    private final Hmac hmac;
    private final Clock clock;

    PreviewTokens(Accounts accounts, byte[] secret, Clock clock) {
        this.accounts = accounts;
        // a key of its own, derived from the session secret (HMAC as a key-derivation function)
        this.hmac = new Hmac(Base64.getUrlDecoder().decode(new Hmac(secret).sign("draft-preview-token")));
        this.clock = clock;
    }

    /** A token for {@code account} (staff only: anyone else gets {@link IllegalArgumentException}). */
    public String issue(Account account) {
        if (!account.isStaff()) {
            throw new IllegalArgumentException("Preview tokens are for staff accounts only");
        }
        long issued = clock.millis();
        String payload = Base64.getUrlEncoder().withoutPadding().encodeToString(
                (account.login() + "\n" + issued).getBytes(StandardCharsets.UTF_8));
        return payload + "." + hmac.sign(payload);
    }

    /** The staff account a valid token was issued to; empty for a forged, expired or revoked token. */
    public Optional<Account> verify(String token) {
        if (token == null) {
            return Optional.empty();
        }
        int dot = token.indexOf('.');
        if (dot <= 0 || !hmac.verify(token.substring(0, dot), token.substring(dot + 1))) {
            return Optional.empty();
        }
        String[] parts = new String(Base64.getUrlDecoder().decode(token.substring(0, dot)), StandardCharsets.UTF_8)
                .split("\n", 2);
        long issued = Long.parseLong(parts[1]);
        long now = clock.millis();
        if (issued > now || now - issued > VALIDITY.toMillis()) {
            return Optional.empty();
        }
        return accounts.sessionAccount(parts[0])
                .filter(found -> issued >= found.sessionsValidFrom())
                .map(Accounts.SessionAccount::account)
                .filter(Account::isStaff);
    }
}
