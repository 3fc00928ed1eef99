package fr.usinesouvertes.platform.security;

import fr.usinesouvertes.platform.repository.ContentRepository;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import javax.jcr.Node;

/**
 * Back-office sessions that need no server memory, so that any cluster node accepts them: the cookie
 * carries login, issue time, refresh time and a random id, signed with HMAC-SHA256. Logout writes a
 * revocation record under {@link #REVOKED}, a password change or a disabled account voids older
 * sessions; other nodes see both after the document store's background read (about
 * {@code cluster-read-interval}, 1 s by default).
 */
public final class WebSessions {

    public static final String COOKIE = "uo_session";
    static final String REVOKED = SessionSecret.FOLDER + "/revoked-sessions";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ContentRepository repository;
    private final Accounts accounts;
    private final Hmac hmac;
    private final Clock clock;
    private final Duration idle;
    private final Duration maxAge;
    private final boolean secureOnly;

    public WebSessions(ContentRepository repository, Accounts accounts, byte[] secret, Clock clock, Duration idle,
                       Duration maxAge, boolean secureOnly) {
        this.repository = repository;
        this.accounts = accounts;
        this.hmac = new Hmac(secret);
        this.clock = clock;
        this.idle = idle;
        this.maxAge = maxAge;
        this.secureOnly = secureOnly;
    }

    /** Opens a session for the account: sets the cookie on the response. */
    public SessionToken open(Account account, HttpServletRequest request, HttpServletResponse response) {
        byte[] id = new byte[18];
        RANDOM.nextBytes(id);
        long now = clock.millis();
        SessionToken token = new SessionToken(Base64.getUrlEncoder().withoutPadding().encodeToString(id),
                account.login(), now, now);
        setCookie(request, response, encode(token), (int) maxAge.toSeconds());
        return token;
    }

    /** The valid session the cookie value names, if any: signature, expiry, revocation, account still enabled. */
    public Optional<Verified> verify(String cookieValue) {
        Optional<SessionToken> parsed = decode(cookieValue);
        if (parsed.isEmpty()) {
            return Optional.empty();
        }
        SessionToken token = parsed.get();
        long now = clock.millis();
        if (now - token.issuedAt() > maxAge.toMillis() || now - token.refreshedAt() > idle.toMillis()) {
            return Optional.empty();
        }
        if (isRevoked(token.id())) {
            return Optional.empty();
        }
        return accounts.sessionAccount(token.login())
                .filter(found -> token.issuedAt() >= found.sessionsValidFrom())
                .map(found -> new Verified(token, found.account()));
    }

    /** A session that passed {@link #verify}, with its account. */
    public record Verified(SessionToken token, Account account) {
    }

    /** Re-issues the cookie when its idle clock is worth restarting (not on every request). */
    void refreshIfDue(SessionToken token, HttpServletRequest request, HttpServletResponse response) {
        long now = clock.millis();
        long due = Math.min(idle.toMillis() / 4, Duration.ofMinutes(5).toMillis());
        if (now - token.refreshedAt() >= due) {
            SessionToken refreshed = new SessionToken(token.id(), token.login(), token.issuedAt(), now);
            int remaining = (int) Math.max(1, (token.issuedAt() + maxAge.toMillis() - now) / 1000);
            setCookie(request, response, encode(refreshed), remaining);
        }
    }

    /** Ends the session on every node and removes the cookie. */
    public void close(SessionToken token, HttpServletRequest request, HttpServletResponse response) {
        revoke(token);
        clearCookie(request, response);
    }

    /** Writes the revocation record every node checks; kept until the session would have expired anyway. */
    void revoke(SessionToken token) {
        long expires = token.issuedAt() + maxAge.toMillis();
        repository.write(session -> {
            Node folder = RepositoryAccess.ensureFolder(session, REVOKED);
            if (!folder.hasNode(token.id())) {
                folder.addNode(token.id(), "nt:unstructured").setProperty("expires", expires);
            }
            return null;
        });
    }

    /** Deletes revocation records of sessions that have expired anyway; returns how many. */
    public int purgeRevocations() {
        long now = clock.millis();
        return repository.write(session -> {
            if (!session.nodeExists(REVOKED)) {
                return 0;
            }
            int purged = 0;
            for (javax.jcr.NodeIterator it = session.getNode(REVOKED).getNodes(); it.hasNext(); ) {
                Node record = it.nextNode();
                if (record.getProperty("expires").getLong() < now) {
                    record.remove();
                    purged++;
                }
            }
            return purged;
        });
    }

    void clearCookie(HttpServletRequest request, HttpServletResponse response) {
        setCookie(request, response, "", 0);
    }

    /** Signs {@code text} with the session secret (CSRF tokens, reset links). */
    String sign(String text) {
        return hmac.sign(text);
    }

    boolean verifySignature(String text, String signature) {
        return hmac.verify(text, signature);
    }

    boolean isSecure(HttpServletRequest request) {
        return secureOnly || request.isSecure();
    }

    private boolean isRevoked(String id) {
        return repository.read(session -> session.nodeExists(REVOKED + "/" + id));
    }

    private void setCookie(HttpServletRequest request, HttpServletResponse response, String value, int maxAgeSeconds) {
        Cookie cookie = new Cookie(COOKIE, value);
        cookie.setPath("/");
        cookie.setHttpOnly(true);
        cookie.setSecure(isSecure(request));
        cookie.setMaxAge(maxAgeSeconds);
        cookie.setAttribute("SameSite", "Lax");
        response.addCookie(cookie);
    }

    String encode(SessionToken token) {
        String payload = "1|" + token.id() + "|" + token.login() + "|" + token.issuedAt() + "|" + token.refreshedAt();
        String encoded = Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8));
        return encoded + "." + hmac.sign(encoded);
    }

    Optional<SessionToken> decode(String value) {
        if (value == null) {
            return Optional.empty();
        }
        int dot = value.indexOf('.');
        if (dot <= 0 || !hmac.verify(value.substring(0, dot), value.substring(dot + 1))) {
            return Optional.empty();
        }
        try {
            String payload = new String(Base64.getUrlDecoder().decode(value.substring(0, dot)), StandardCharsets.UTF_8);
            String[] parts = payload.split("\\|", -1);
            if (parts.length != 5 || !parts[0].equals("1")) {
                return Optional.empty();
            }
            return Optional.of(new SessionToken(parts[1], parts[2], Long.parseLong(parts[3]), Long.parseLong(parts[4])));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
