package fr.usinesouvertes.platform.security;

import fr.usinesouvertes.platform.repository.ContentRepository;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import javax.jcr.Node;

/**
 * Single-use links that set an account's password: a password reset (valid {@link #RESET_VALIDITY}) or an
 * invitation of a new account (valid {@code invitation-validity-days}). The link carries 32 random bytes, stored
 * only as their SHA-256 under {@link #FOLDER} (system-only) with the login, the kind and the expiry. Issuing a link
 * deletes the account's earlier links of the same kind (so a reset asked by anyone never voids an invitation), and
 * using one deletes all of the account's links in the same commit that changes the password, so a second use (even
 * concurrent, on another node) fails. A link works only on the page of its kind.
 */
public final class PasswordLinks {

    /** What a link is for. */
    public enum Kind {
        /** "Forgot your password": asked on the login page, or sent by an administrator. */
        RESET,
        /** A new account choosing its first password. */
        INVITATION
    }

    public static final Duration RESET_VALIDITY = Duration.ofHours(1);
    static final String FOLDER = SessionSecret.FOLDER + "/password-resets";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ContentRepository repository;
    private final Accounts accounts;
    private final Clock clock;
    private final Duration invitationValidity;

    /** {@code invitationValidity}: how long an invitation link works ({@code invitation-validity-days}). */
    public PasswordLinks(ContentRepository repository, Accounts accounts, Clock clock, Duration invitationValidity) {
        this.repository = repository;
        this.accounts = accounts;
        this.clock = clock;
        this.invitationValidity = invitationValidity;
    }

    /** How long a link of this kind works. */
    public Duration validity(Kind kind) {
        return kind == Kind.INVITATION ? invitationValidity : RESET_VALIDITY;
    }

    /** A new token for an enabled account, or empty (the caller answers the same either way). */
    public Optional<String> issue(String login, Kind kind) {
        Optional<Account> account = accounts.find(login);
        if (account.isEmpty()) {
            return Optional.empty();
        }
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        long expires = clock.millis() + validity(kind).toMillis();
        repository.write(session -> {
            Node folder = RepositoryAccess.ensureFolder(session, FOLDER);
            removeExpiredAnd(folder, account.get().login(), kind);
            Node record = folder.addNode(hash(token), "nt:unstructured");
            record.setProperty("login", account.get().login());
            record.setProperty("kind", kind.name().toLowerCase(Locale.ROOT));
            record.setProperty("expires", expires);
            return null;
        });
        return Optional.of(token);
    }

    /** The login a token of this kind sets the password of, while it is unused and unexpired. */
    public Optional<String> loginOf(String token, Kind kind) {
        if (token == null || token.isEmpty() || token.length() > 100) {
            return Optional.empty();
        }
        String path = FOLDER + "/" + hash(token);
        long now = clock.millis();
        return repository.read(session -> {
            if (!session.nodeExists(path)) {
                return Optional.empty();
            }
            Node record = session.getNode(path);
            return record.getProperty("expires").getLong() < now || kindOf(record) != kind ? Optional.<String>empty()
                    : Optional.of(record.getProperty("login").getString());
        });
    }

    /**
     * Sets the new password and spends every link of the account, in one commit; returns the login, or empty when
     * the token is unknown, used, expired or of another kind. Throws {@link AccountException} for a password too short.
     */
    public Optional<String> use(String token, Kind kind, char[] newPassword) {
        Optional<String> login = loginOf(token, kind);
        if (login.isEmpty()) {
            return Optional.empty();
        }
        accounts.checkPassword(newPassword);
        String path = FOLDER + "/" + hash(token);
        try {
            Optional<String> changed = repository.write(session -> {
                if (!session.nodeExists(path)) {
                    return Optional.<String>empty();
                }
                removeExpiredAnd(session.getNode(FOLDER), login.get(), null);
                accounts.changePassword(session, login.get(), newPassword);
                return login;
            });
            changed.ifPresent(accounts::changed);
            return changed;
        } catch (fr.usinesouvertes.platform.repository.RepositoryException e) {
            return Optional.empty(); // another request spent it at the same moment
        }
    }

    /** Deletes every expired token and the tokens of {@code login} of {@code kind} (all its tokens when null). */
    private void removeExpiredAnd(Node folder, String login, Kind kind) throws javax.jcr.RepositoryException {
        long now = clock.millis();
        for (javax.jcr.NodeIterator it = folder.getNodes(); it.hasNext(); ) {
            Node record = it.nextNode();
            boolean account = record.getProperty("login").getString().equals(login)
                    && (kind == null || kindOf(record) == kind);
            if (record.getProperty("expires").getLong() < now || account) {
                record.remove();
            }
        }
    }

    private static Kind kindOf(Node record) throws javax.jcr.RepositoryException {
        return record.hasProperty("kind") && record.getProperty("kind").getString().equals("invitation")
                ? Kind.INVITATION : Kind.RESET;
    }

    static String hash(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
