package fr.usinesouvertes.platform.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import fr.usinesouvertes.platform.repository.ContentRepository;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import javax.jcr.Node;

/**
 * Back-office sessions that need no server memory, so that any cluster node accepts them: the cookie
 * carries login, issue time, refresh time and a random id, sealed with AES-256-GCM under a key derived from
 * the session secret, so that it is opaque (the login e-mail is not readable in it) and tamper-proof. Logout writes a
 * revocation record under {@link #REVOKED}, a password change or a disabled account voids older
 * sessions; other nodes see both after the document store's background read (about
 * {@code cluster-read-interval}, 1 s by default) plus at most one second, for which a node reuses a
 * session's last check.
 */
public final class WebSessions {

    public static final String COOKIE = "uo_session";
    static final String REVOKED = SessionSecret.FOLDER + "/revoked-sessions";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String SEAL = "AES/GCM/NoPadding";
    private static final int GCM_NONCE_BYTES = 12;
    private static final int GCM_TAG_BITS = 128;

    private final ContentRepository repository;
    private final Accounts accounts;
    private final Hmac hmac;
    private final SecretKeySpec cookieKey;
    private final Clock clock;
    private final Duration idle;
    private final Duration maxAge;
    private final boolean secureOnly;
    // Repository checks (revocation, account) of recently seen sessions, so that a burst of requests
    // costs one check; changes made on this node clear entries at once, other nodes' within CHECK_TTL.
    private static final Duration CHECK_TTL = Duration.ofSeconds(1);
    private static final int MAX_RECENT_CHECKS = 10_000;
    private final Cache<String, Checked> recentChecks = Caffeine.newBuilder()
            .maximumSize(MAX_RECENT_CHECKS)
            .expireAfterWrite(CHECK_TTL)
            .build();

    public WebSessions(ContentRepository repository, Accounts accounts, byte[] secret, Clock clock, Duration idle,
                       Duration maxAge, boolean secureOnly) {
        this.repository = repository;
        this.accounts = accounts;
        this.hmac = new Hmac(secret);
        // a key of its own for sealing cookies, derived from the secret (HMAC as a key-derivation function)
        this.cookieKey = new SecretKeySpec(Base64.getUrlDecoder().decode(hmac.sign("session-cookie-seal")), "AES");
        this.clock = clock;
        this.idle = idle;
        this.maxAge = maxAge;
        this.secureOnly = secureOnly;
        accounts.onChange(login -> recentChecks.asMap().values().removeIf(checked -> checked.login.equals(login)));
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
        String key = token.id() + "|" + token.login() + "|" + token.issuedAt();
        Checked checked = recentChecks.getIfPresent(key);
        if (checked == null) {
            Optional<Account> account = isRevoked(token.id()) ? Optional.empty()
                    : accounts.sessionAccount(token.login())
                    .filter(found -> token.issuedAt() >= found.sessionsValidFrom())
                    .map(Accounts.SessionAccount::account);
            checked = new Checked(token.login(), account);
            recentChecks.put(key, checked);
        }
        return checked.account.map(account -> new Verified(token, account));
    }

    /** The outcome of a session's repository checks. */
    private record Checked(String login, Optional<Account> account) {
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
        recentChecks.asMap().keySet().removeIf(key -> key.startsWith(token.id() + "|")); // after the write: no stale re-check
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
        String payload = "2|" + token.id() + "|" + token.login() + "|" + token.issuedAt() + "|" + token.refreshedAt();
        byte[] nonce = new byte[GCM_NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance(SEAL);
            cipher.init(Cipher.ENCRYPT_MODE, cookieKey, new GCMParameterSpec(GCM_TAG_BITS, nonce));
            byte[] sealed = cipher.doFinal(payload.getBytes(StandardCharsets.UTF_8));
            byte[] value = new byte[nonce.length + sealed.length];
            System.arraycopy(nonce, 0, value, 0, nonce.length);
            System.arraycopy(sealed, 0, value, nonce.length, sealed.length);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is missing from this JVM", e);
        }
    }

    /** The token a cookie value seals, or empty for anything forged, altered, sealed with another secret or older. */
    Optional<SessionToken> decode(String value) {
        if (value == null || value.isEmpty() || value.length() > 1_000) {
            return Optional.empty();
        }
        try {
            byte[] bytes = Base64.getUrlDecoder().decode(value);
            if (bytes.length <= GCM_NONCE_BYTES) {
                return Optional.empty();
            }
            Cipher cipher = Cipher.getInstance(SEAL);
            cipher.init(Cipher.DECRYPT_MODE, cookieKey, new GCMParameterSpec(GCM_TAG_BITS, bytes, 0, GCM_NONCE_BYTES));
            String payload = new String(cipher.doFinal(bytes, GCM_NONCE_BYTES, bytes.length - GCM_NONCE_BYTES),
                    StandardCharsets.UTF_8);
            String[] parts = payload.split("\\|", -1);
            if (parts.length != 5 || !parts[0].equals("2")) {
                return Optional.empty();
            }
            return Optional.of(new SessionToken(parts[1], parts[2], Long.parseLong(parts[3]), Long.parseLong(parts[4])));
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            return Optional.empty(); // not Base64, or the tag does not match: forged or altered
        }
    }
}
