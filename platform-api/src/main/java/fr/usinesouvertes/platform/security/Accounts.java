package fr.usinesouvertes.platform.security;

import fr.usinesouvertes.platform.annotation.PluginApi;
import fr.usinesouvertes.platform.repository.ContentRepository;
import fr.usinesouvertes.platform.repository.PasswordHashing;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import javax.jcr.Session;
import javax.jcr.Value;
import javax.jcr.ValueFactory;
import org.apache.jackrabbit.api.JackrabbitSession;
import org.apache.jackrabbit.api.security.user.Authorizable;
import org.apache.jackrabbit.api.security.user.Group;
import org.apache.jackrabbit.api.security.user.User;
import org.apache.jackrabbit.api.security.user.UserManager;
import org.apache.jackrabbit.oak.spi.security.user.UserConstants;
import org.apache.jackrabbit.oak.spi.security.user.util.PasswordUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Back-office accounts stored as Oak users (password hashed by Oak with PBKDF2), their roles as Oak
 * groups ({@link Role#group()}) and companies as groups {@code company-<name>}; all changes go through
 * a system session.
 */
@PluginApi
public final class Accounts {

    /** Minimum password length; longer passphrases are welcome. */
    public static final int MIN_PASSWORD_LENGTH = 12;
    static final String DISPLAY_NAME = "uoDisplayName";
    static final String COMPANY = "uoCompany";
    static final String SESSIONS_VALID_FROM = "uoSessionsValidFrom";
    static final String LAST_LOGIN = "uoLastLogin";
    static final String ADMIN_REMOVAL = "uoLastRemoval";
    private static final Logger LOG = LoggerFactory.getLogger(Accounts.class);
    private static final Pattern LOGIN = Pattern.compile("[a-z0-9._%+-]+@[a-z0-9-]+(\\.[a-z0-9-]+)*\\.[a-z]{2,}");
    private static final Pattern COMPANY_NAME = Pattern.compile("[a-z0-9][a-z0-9_-]*");

    private final ContentRepository repository;
    private final Clock clock;
    private final List<java.util.function.Consumer<String>> changeListeners =
            new java.util.concurrent.CopyOnWriteArrayList<>();

    public Accounts(ContentRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
        repository.write(session -> {
            UserManager users = users(session);
            for (Role role : Role.values()) {
                if (users.getAuthorizable(role.group()) == null) {
                    users.createGroup(role.group());
                }
            }
            return null;
        });
    }

    /** The Oak group of a company's users. */
    public static String companyGroup(String company) {
        return "company-" + company;
    }

    /** Creates an account; throws {@link AccountException} naming the bad field. */
    public Account create(String login, String displayName, char[] password, Set<Role> roles, String company) {
        String id = normaliseLogin(login);
        if (!LOGIN.matcher(id).matches()) {
            throw new AccountException("login", "L'identifiant doit être une adresse e-mail valide.",
                    "The login must be a valid e-mail address.");
        }
        if (displayName == null || displayName.isBlank()) {
            throw new AccountException("displayName", "Le nom est obligatoire.", "The name is required.");
        }
        checkPassword(password);
        if (roles == null || roles.isEmpty()) {
            throw new AccountException("roles", "Choisissez au moins un rôle.", "Choose at least one role.");
        }
        boolean companyUser = roles.contains(Role.COMPANY);
        if (companyUser && (company == null || !COMPANY_NAME.matcher(company).matches())) {
            throw new AccountException("company", "Un compte entreprise doit indiquer son entreprise (nom du nœud).",
                    "A company account must name its company (node name).");
        }
        if (!companyUser && company != null && !company.isBlank()) {
            throw new AccountException("company", "Seul un compte entreprise est rattaché à une entreprise.",
                    "Only a company account belongs to a company.");
        }
        return repository.write(session -> {
            UserManager users = users(session);
            if (users.getAuthorizable(id) != null) {
                throw new AccountException("login", "Un compte existe déjà avec cet identifiant.",
                        "An account with this login exists already.");
            }
            User user = users.createUser(id, new String(password));
            ValueFactory values = session.getValueFactory();
            user.setProperty(DISPLAY_NAME, values.createValue(displayName.trim()));
            for (Role role : roles) {
                ((Group) users.getAuthorizable(role.group())).addMember(user);
            }
            if (companyUser) {
                user.setProperty(COMPANY, values.createValue(company));
                String groupId = companyGroup(company);
                Authorizable group = users.getAuthorizable(groupId);
                if (group == null) {
                    group = users.createGroup(groupId);
                }
                ((Group) group).addMember(user);
            }
            // not toAccount(user): Oak answers group membership from what is saved, which this commit is not yet
            return new Account(user.getID(), displayName.trim(), roles, companyUser ? company : null);
        });
    }

    public Optional<Account> find(String login) {
        if (login == null) {
            return Optional.empty();
        }
        String id = normaliseLogin(login);
        return repository.read(session -> {
            Authorizable found = users(session).getAuthorizable(id);
            if (!(found instanceof User user) || user.isDisabled() || !isAccount(user)) {
                return Optional.empty();
            }
            return Optional.of(toAccount(user));
        });
    }

    /** The account when the password is right and the account enabled; the same answer time otherwise. */
    public Optional<Account> authenticate(String login, char[] password) {
        if (login == null || password == null) {
            return Optional.empty();
        }
        String id = normaliseLogin(login);
        return repository.read(session -> {
            Authorizable found = users(session).getAuthorizable(id);
            if (!(found instanceof User user) || !isAccount(user)) {
                PasswordUtil.isSame(UnknownLogin.HASH, password);
                return Optional.empty();
            }
            String hash = session.getNode(user.getPath()).getProperty(UserConstants.REP_PASSWORD).getString();
            if (!PasswordUtil.isSame(hash, password) || user.isDisabled()) {
                return Optional.empty();
            }
            return Optional.of(toAccount(user));
        });
    }

    /** Changes the password and ends every session opened before (on every node). */
    public void setPassword(String login, char[] password) {
        checkPassword(password);
        repository.write(session -> {
            changePassword(session, login, password);
            return null;
        });
        changed(login);
    }

    /** Calls {@code listener} with the login after a password change or a disabling made on this node. */
    void onChange(java.util.function.Consumer<String> listener) {
        changeListeners.add(listener);
    }

    void changed(String login) {
        String id = normaliseLogin(login);
        changeListeners.forEach(listener -> listener.accept(id));
    }

    /** Changes the password in the caller's system session (saved by the caller) and voids older sessions. */
    void changePassword(Session session, String login, char[] password) throws javax.jcr.RepositoryException {
        User user = requireUser(session, normaliseLogin(login));
        user.changePassword(new String(password));
        user.setProperty(SESSIONS_VALID_FROM, session.getValueFactory().createValue(clock.millis()));
    }

    /** Every account, disabled ones included, sorted by login. */
    public List<Account> list() {
        return repository.read(session -> {
            UserManager users = users(session);
            TreeMap<String, Account> accounts = new TreeMap<>();
            for (Role role : Role.values()) {
                Iterator<Authorizable> members = ((Group) users.getAuthorizable(role.group())).getDeclaredMembers();
                while (members.hasNext()) {
                    if (members.next() instanceof User user) {
                        accounts.computeIfAbsent(user.getID(), k -> unchecked(user));
                    }
                }
            }
            List<Account> sorted = new ArrayList<>(accounts.values());
            sorted.sort(Comparator.comparing(Account::login));
            return sorted;
        });
    }

    /** Whether an account (enabled or not) has this login. */
    public boolean exists(String login) {
        String id = normaliseLogin(login);
        return repository.read(session -> users(session).getAuthorizable(id) != null);
    }

    /** Whether at least one enabled account has the {@link Role#ADMIN} role. */
    public boolean hasEnabledAdministrator() {
        return repository.read(session -> {
            Iterator<Authorizable> members = ((Group) users(session).getAuthorizable(Role.ADMIN.group())).getMembers();
            while (members.hasNext()) {
                if (members.next() instanceof User user && !user.isDisabled()) {
                    return true;
                }
            }
            return false;
        });
    }

    /** Whether the account exists but is disabled. */
    public boolean isDisabled(String login) {
        String id = normaliseLogin(login);
        return repository.read(session -> users(session).getAuthorizable(id) instanceof User user && user.isDisabled());
    }

    /** Disables the account: it can no longer log in and its open sessions end at their next request. */
    public void disable(String login) {
        String id = normaliseLogin(login);
        repository.write(session -> {
            User user = requireUser(session, id);
            user.disable("Disabled in the back office");
            user.setProperty(SESSIONS_VALID_FROM, session.getValueFactory().createValue(clock.millis()));
            return null;
        });
        changed(login);
    }

    /**
     * Records that the account logged in now. Best effort: when the write fails (a concurrent login of the same
     * account on another node), the login goes on and the record is logged as missed.
     */
    public void recordLogin(String login) {
        String id = normaliseLogin(login);
        try {
            repository.write(session -> {
                requireUser(session, id).setProperty(LAST_LOGIN, session.getValueFactory().createValue(clock.millis()));
                return null;
            });
        } catch (fr.usinesouvertes.platform.repository.RepositoryException e) {
            LOG.warn("Last login of {} not recorded: {}", id, e.getMessage());
        }
    }

    /** When the account last logged in through the back office's login page; empty when never. */
    public Optional<Instant> lastLogin(String login) {
        String id = normaliseLogin(login);
        return repository.read(session -> {
            if (!(users(session).getAuthorizable(id) instanceof User user)) {
                return Optional.<Instant>empty();
            }
            Value[] values = user.getProperty(LAST_LOGIN);
            return values == null || values.length == 0 ? Optional.<Instant>empty()
                    : Optional.of(Instant.ofEpochMilli(values[0].getLong()));
        });
    }

    /**
     * Gives the account exactly {@code roles}, as asked by the administrator {@code by}; the change applies from the
     * account's next request. Throws {@link AccountException} on field {@code roles} for no role, for adding or
     * removing {@link Role#COMPANY} (it goes with the account's company, set at creation), for an administrator
     * removing their own {@link Role#ADMIN} role, and when the account is the last enabled administrator and would
     * lose that role (checked in the commit that changes the roles, so two concurrent changes cannot both pass);
     * on field {@code login} for an unknown account.
     */
    public Account setRoles(String login, Set<Role> roles, String by) {
        String id = normaliseLogin(login);
        if (roles == null || roles.isEmpty()) {
            throw new AccountException("roles", "Choisissez au moins un rôle.", "Choose at least one role.");
        }
        Set<Role> wanted = EnumSet.copyOf(roles);
        for (int attempt = 1; ; attempt++) {
            try {
                Account changed = repository.write(session -> {
                    UserManager users = users(session);
                    User user = requireUser(session, id);
                    Account before = toAccount(user);
                    if (before.has(Role.COMPANY) != wanted.contains(Role.COMPANY)) {
                        throw new AccountException("roles",
                                "Le rôle Entreprise va avec l'entreprise du compte : il ne se change pas ici.",
                                "The Company role goes with the account's company: it is not changed here.");
                    }
                    if (before.has(Role.ADMIN) && !wanted.contains(Role.ADMIN)) {
                        if (id.equals(normaliseLogin(by))) {
                            throw new AccountException("roles",
                                    "Vous ne pouvez pas retirer votre propre rôle d'administrateur.",
                                    "You cannot remove your own administrator role.");
                        }
                        if (!user.isDisabled() && !otherEnabledAdministrator(users, id)) {
                            throw new AccountException("roles",
                                    "C'est le dernier administrateur : donnez d'abord ce rôle à un autre compte.",
                                    "This is the last administrator: give the role to another account first.");
                        }
                        // Oak merges concurrent changes of a group's members; this property makes two concurrent
                        // removals conflict instead, so that the second one is retried and sees the first.
                        users.getAuthorizable(Role.ADMIN.group()).setProperty(ADMIN_REMOVAL,
                                session.getValueFactory().createValue(java.util.UUID.randomUUID().toString()));
                    }
                    for (Role role : Role.values()) {
                        Group group = (Group) users.getAuthorizable(role.group());
                        if (wanted.contains(role) && !before.has(role)) {
                            group.addMember(user);
                        } else if (!wanted.contains(role) && before.has(role)) {
                            group.removeMember(user);
                        }
                    }
                    // the user's memberships read in this session do not show the unsaved changes yet
                    return new Account(before.login(), before.displayName(), wanted, before.company());
                });
                repository.groupsChanged(id);
                changed(id); // sessions of the account see the new roles at their next request
                return changed;
            } catch (fr.usinesouvertes.platform.repository.RepositoryException e) {
                if (attempt >= 3 || !(e.getCause() instanceof javax.jcr.InvalidItemStateException)) {
                    throw e;
                }
                LOG.info("Roles of {} conflicted with another change; retrying ({})", id, attempt);
            }
        }
    }

    private static boolean otherEnabledAdministrator(UserManager users, String id) throws javax.jcr.RepositoryException {
        Iterator<Authorizable> members = ((Group) users.getAuthorizable(Role.ADMIN.group())).getMembers();
        while (members.hasNext()) {
            if (members.next() instanceof User user && !user.isDisabled() && !user.getID().equals(id)) {
                return true;
            }
        }
        return false;
    }

    /** The enabled account of a session and when its sessions became valid, in one read. */
    Optional<SessionAccount> sessionAccount(String login) {
        return repository.read(session -> {
            Authorizable found = users(session).getAuthorizable(login);
            if (!(found instanceof User user) || user.isDisabled() || !isAccount(user)) {
                return Optional.empty();
            }
            Value[] values = user.getProperty(SESSIONS_VALID_FROM);
            long validFrom = values == null || values.length == 0 ? 0 : values[0].getLong();
            return Optional.of(new SessionAccount(toAccount(user), validFrom));
        });
    }

    /** An account and the instant (epoch ms) before which its sessions are void. */
    record SessionAccount(Account account, long sessionsValidFrom) {
    }

    static UserManager users(Session session) throws javax.jcr.RepositoryException {
        return ((JackrabbitSession) session).getUserManager();
    }

    static String normaliseLogin(String login) {
        return login == null ? "" : login.trim().toLowerCase(Locale.ROOT);
    }

    void checkPassword(char[] password) {
        if (password == null || password.length < MIN_PASSWORD_LENGTH) {
            throw new AccountException("password",
                    "Le mot de passe doit compter au moins " + MIN_PASSWORD_LENGTH + " caractères.",
                    "The password must have at least " + MIN_PASSWORD_LENGTH + " characters.");
        }
    }

    private static User requireUser(Session session, String id) throws javax.jcr.RepositoryException {
        Authorizable found = users(session).getAuthorizable(id);
        if (!(found instanceof User user) || !isAccount(user)) {
            throw new AccountException("login", "Aucun compte n'a cet identifiant.", "No account has this login.");
        }
        return user;
    }

    private static boolean isAccount(User user) throws javax.jcr.RepositoryException {
        return user.hasProperty(DISPLAY_NAME);
    }

    private static Account unchecked(User user) {
        try {
            return toAccount(user);
        } catch (javax.jcr.RepositoryException e) {
            throw new fr.usinesouvertes.platform.repository.RepositoryException("Cannot read account " + e.getMessage(), e);
        }
    }

    private static Account toAccount(User user) throws javax.jcr.RepositoryException {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Iterator<Group> groups = user.declaredMemberOf();
        while (groups.hasNext()) {
            String group = groups.next().getID();
            for (Role role : Role.values()) {
                if (role.group().equals(group)) {
                    roles.add(role);
                }
            }
        }
        Value[] name = user.getProperty(DISPLAY_NAME);
        Value[] company = user.getProperty(COMPANY);
        return new Account(user.getID(), name == null ? user.getID() : name[0].getString(), roles,
                company == null || company.length == 0 ? null : company[0].getString());
    }

    /**
     * Compared against when the login is unknown, so that answering takes as long as for a known login; computed at
     * the first such login rather than at start (a key derivation that costs a quarter of a second).
     */
    private static final class UnknownLogin {
        static final String HASH = hash("not a password of anyone");
    }

    private static String hash(String password) {
        try {
            return PasswordUtil.buildPasswordHash(password, PasswordHashing.parameters());
        } catch (java.security.NoSuchAlgorithmException | java.io.UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}
