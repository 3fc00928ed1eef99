package fr.usinesouvertes.platform.security;

import fr.usinesouvertes.platform.config.SettingDefinition;
import fr.usinesouvertes.platform.config.Settings;
import fr.usinesouvertes.platform.repository.ContentRepository;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The platform's security services, opened at start-up: accounts, signed sessions, the login and reset throttles,
 * and the repository's access-control entries.
 */
public final class Security {

    private final ContentRepository repository;
    private final Accounts accounts;
    private final WebSessions sessions;
    private final LoginThrottle throttle;
    private final ResetThrottle resetThrottle;
    private final PasswordLinks passwordLinks;
    private final PreviewTokens previewTokens;
    private final String publicUrl;

    private Security(ContentRepository repository, Accounts accounts, WebSessions sessions, LoginThrottle throttle,
                     ResetThrottle resetThrottle, PasswordLinks passwordLinks, PreviewTokens previewTokens,
                     String publicUrl) {
        this.repository = repository;
        this.accounts = accounts;
        this.sessions = sessions;
        this.throttle = throttle;
        this.resetThrottle = resetThrottle;
        this.passwordLinks = passwordLinks;
        this.previewTokens = previewTokens;
        this.publicUrl = publicUrl;
    }

    /** Creates the role groups and the session secret if missing; runs while no other node initialises. */
    public static Security open(ContentRepository repository, Settings settings, Clock clock) {
        Accounts accounts = new Accounts(repository, clock);
        byte[] secret = SessionSecret.load(settings, repository);
        WebSessions sessions = new WebSessions(repository, accounts, secret, clock,
                Duration.ofMinutes(settings.get(SecuritySettings.SESSION_IDLE_MINUTES)),
                Duration.ofHours(settings.get(SecuritySettings.SESSION_MAX_HOURS)),
                publicUrl(settings) != null && publicUrl(settings).startsWith("https://"));
        LoginThrottle throttle = new LoginThrottle(settings.get(SecuritySettings.LOGIN_RATE_LIMIT), clock);
        ResetThrottle resetThrottle = new ResetThrottle(settings.get(SecuritySettings.RESET_RATE_LIMIT), clock);
        FirstAdministrator.fromSettings(settings, accounts);
        return new Security(repository, accounts, sessions, throttle, resetThrottle,
                new PasswordLinks(repository, accounts, clock,
                        Duration.ofDays(settings.get(SecuritySettings.INVITATION_VALIDITY_DAYS))),
                new PreviewTokens(accounts, secret, clock), publicUrl(settings));
    }

    /** Writes the role groups' access-control entries for every known workspace (after modules and light modules created theirs). */
    public void installAccessControl(Collection<String> workspaces) {
        Set<String> all = new LinkedHashSet<>(workspaces);
        all.addAll(RepositoryAccess.STAFF_READ_ONLY);
        repository.write(session -> {
            RepositoryAccess.install(session, all);
            return null;
        });
    }

    public Accounts accounts() {
        return accounts;
    }

    public WebSessions sessions() {
        return sessions;
    }

    public LoginThrottle throttle() {
        return throttle;
    }

    public ResetThrottle resetThrottle() {
        return resetThrottle;
    }

    public PasswordLinks passwordLinks() {
        return passwordLinks;
    }

    public PreviewTokens previewTokens() {
        return previewTokens;
    }

    /**
     * The site's public address ({@code public-url}, declared by the events module), or null: the base of
     * e-mailed links, and cookies get {@code Secure} on every request when it is https.
     */
    public String publicUrl() {
        return publicUrl;
    }

    private static String publicUrl(Settings settings) {
        SettingDefinition<?> publicUrl = settings.definitions().get("public-url");
        Object value = publicUrl == null ? null : settings.get(publicUrl);
        return value == null ? null : value.toString();
    }
}
