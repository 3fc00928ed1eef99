package fr.usinesouvertes.platform.repository;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.security.Principal;
import java.time.Duration;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import javax.jcr.Session;
import javax.security.auth.Subject;
import org.apache.jackrabbit.api.JackrabbitSession;
import org.apache.jackrabbit.api.security.user.Authorizable;
import org.apache.jackrabbit.api.security.user.Group;
import org.apache.jackrabbit.api.security.user.User;
import org.apache.jackrabbit.oak.spi.security.authentication.AuthInfoImpl;
import org.apache.jackrabbit.oak.spi.security.principal.EveryonePrincipal;

/**
 * The pre-authenticated JAAS subject of an account (its user principal, its groups' and "everyone"),
 * which Oak logs in without credentials, so that Oak's ACLs decide what the session sees. Principal
 * sets are cached for {@link #TTL_MILLIS} so that group changes reach sessions within seconds, for at most
 * {@link #MAX_ACCOUNTS} accounts at once.
 */
public final class AccountSubjects {

    static final long TTL_MILLIS = 10_000;
    static final int MAX_ACCOUNTS = 10_000;

    private final Cache<String, Set<Principal>> cache = Caffeine.newBuilder()
            .maximumSize(MAX_ACCOUNTS)
            .expireAfterWrite(Duration.ofMillis(TTL_MILLIS))
            .build();

    /** The subject of {@code login}, its principals read with {@code systemSession} when not cached. */
    public Subject subject(String login, SystemReader systemSession) {
        Set<Principal> principals = cache.get(login, key -> systemSession.read(session -> principals(session, key)));
        AuthInfoImpl info = new AuthInfoImpl(login, Map.of(), principals);
        return new Subject(true, principals, Set.of(info), Set.of());
    }

    /** Drops the cached principals of {@code login}: its next subject reads its groups afresh. */
    public void forget(String login) {
        cache.invalidate(login);
    }

    /** Reads with the system session, as {@code ContentRepository.read} does. */
    @FunctionalInterface
    public interface SystemReader {
        Set<Principal> read(SessionWork<Set<Principal>> work);
    }

    private static Set<Principal> principals(Session session, String login) throws javax.jcr.RepositoryException {
        Authorizable found = ((JackrabbitSession) session).getUserManager().getAuthorizable(login);
        if (!(found instanceof User user) || user.isDisabled()) {
            throw new javax.jcr.LoginException("No enabled account '" + login + "'");
        }
        Set<Principal> principals = new HashSet<>();
        principals.add(user.getPrincipal());
        principals.add(EveryonePrincipal.getInstance());
        Iterator<Group> groups = user.memberOf();
        while (groups.hasNext()) {
            principals.add(groups.next().getPrincipal());
        }
        return Set.copyOf(principals);
    }
}
