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
import java.util.Optional;
import javax.jcr.Node;

/**
 * Single-use password-reset tokens: 32 random bytes sent by e-mail, stored only as their SHA-256 under
 * {@link #FOLDER} (system-only) with the login and an expiry one hour later. Only the newest link of an
 * account works: issuing one deletes the account's earlier ones, and using one deletes all of the account's
 * in the same commit that changes the password, so a second use (even concurrent, on another node) fails.
 */
public final class PasswordResets {

    public static final Duration VALIDITY = Duration.ofHours(1);
    static final String FOLDER = SessionSecret.FOLDER + "/password-resets";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ContentRepository repository;
    private final Accounts accounts;
    private final Clock clock;

    public PasswordResets(ContentRepository repository, Accounts accounts, Clock clock) {
        this.repository = repository;
        this.accounts = accounts;
        this.clock = clock;
    }

    /** A new token for an enabled account, or empty (the caller answers the same either way). */
    public Optional<String> issue(String login) {
        Optional<Account> account = accounts.find(login);
        if (account.isEmpty()) {
            return Optional.empty();
        }
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        long expires = clock.millis() + VALIDITY.toMillis();
        repository.write(session -> {
            Node folder = RepositoryAccess.ensureFolder(session, FOLDER);
            removeSpentOrReplaced(folder, account.get().login());
            Node record = folder.addNode(hash(token), "nt:unstructured");
            record.setProperty("login", account.get().login());
            record.setProperty("expires", expires);
            return null;
        });
        return Optional.of(token);
    }

    /** The login a token resets, while it is unused and unexpired. */
    public Optional<String> loginOf(String token) {
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
            return record.getProperty("expires").getLong() < now ? Optional.<String>empty()
                    : Optional.of(record.getProperty("login").getString());
        });
    }

    /**
     * Sets the new password and spends the token, in one commit; returns the login, or empty when the
     * token is unknown, used or expired. Throws {@link AccountException} for a password too short.
     */
    public Optional<String> use(String token, char[] newPassword) {
        Optional<String> login = loginOf(token);
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
                removeSpentOrReplaced(session.getNode(FOLDER), login.get());
                accounts.changePassword(session, login.get(), newPassword);
                return login;
            });
            changed.ifPresent(accounts::changed);
            return changed;
        } catch (fr.usinesouvertes.platform.repository.RepositoryException e) {
            return Optional.empty(); // another request spent it at the same moment
        }
    }

    /** Deletes every expired token and every token of {@code login}. */
    private void removeSpentOrReplaced(Node folder, String login) throws javax.jcr.RepositoryException {
        long now = clock.millis();
        for (javax.jcr.NodeIterator it = folder.getNodes(); it.hasNext(); ) {
            Node record = it.nextNode();
            if (record.getProperty("expires").getLong() < now || record.getProperty("login").getString().equals(login)) {
                record.remove();
            }
        }
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
