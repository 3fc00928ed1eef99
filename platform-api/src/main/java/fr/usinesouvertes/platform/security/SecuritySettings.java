package fr.usinesouvertes.platform.security;

import fr.usinesouvertes.platform.config.SettingDefinition;
import java.nio.file.Path;
import java.util.List;

/** Settings of back-office accounts and sessions. */
public final class SecuritySettings {

    public static final SettingDefinition<String> SESSION_SECRET = new SettingDefinition<>("session-secret",
            "Secret signing session cookies (32+ characters), the same on every node; when unset, one is generated "
                    + "once and kept in the repository", null, SecuritySettings::secret);
    public static final SettingDefinition<Integer> SESSION_IDLE_MINUTES = SettingDefinition.integer(
            "session-idle-minutes", "Minutes without a request after which a back-office session ends", "120", 1,
            7 * 24 * 60);
    public static final SettingDefinition<Integer> SESSION_MAX_HOURS = SettingDefinition.integer(
            "session-max-hours", "Hours after login at which a back-office session ends anyway", "12", 1, 24 * 30);
    public static final SettingDefinition<String> ADMIN_LOGIN = SettingDefinition.text("admin-login",
            "E-mail of the first administrator, created at start with the password of admin-password-file "
                    + "when the account does not exist", null);
    public static final SettingDefinition<Path> ADMIN_PASSWORD_FILE = new SettingDefinition<>("admin-password-file",
            "File holding the first administrator's password (see admin-login)", null, Path::of);
    public static final SettingDefinition<Integer> LOGIN_RATE_LIMIT = SettingDefinition.integer("login-rate-limit",
            "Failed logins allowed for one login from one client address (and 4 times that from one address over "
                    + "any logins) before each further attempt from there waits, 30 s doubling up to 15 min (429); "
                    + "never per login alone, so nobody can lock an owner out; 0 turns the limit off", "5", 0, 1_000_000);
    public static final SettingDefinition<Integer> RESET_RATE_LIMIT = SettingDefinition.integer("reset-rate-limit",
            "Password-reset e-mails sent for one account before further requests wait, 30 s doubling up to 15 min "
                    + "(the page answers the same); 5 times that from one client address answers 429; 0 turns the "
                    + "limit off", "3", 0, 1_000_000);
    public static final SettingDefinition<Integer> INVITATION_VALIDITY_DAYS = SettingDefinition.integer(
            "invitation-validity-days", "Days during which the link of an invitation e-mail (a new back-office account "
                    + "choosing its password) works; a password-reset link works one hour", "7", 1, 90);

    public static final SettingDefinition<java.util.Set<String>> TRUSTED_PROXIES = new SettingDefinition<>(
            "trusted-proxies", "Comma-separated addresses or CIDR ranges (e.g. 10.0.0.0/8) of the load balancers in "
                    + "front of the nodes: for requests from them, the client address (rate limits, logs) is the "
                    + "rightmost X-Forwarded-For entry that is not one of them; empty trusts no proxy", null,
            SecuritySettings::addresses);

    private SecuritySettings() {
    }

    public static List<SettingDefinition<?>> all() {
        return List.of(SESSION_SECRET, SESSION_IDLE_MINUTES, SESSION_MAX_HOURS, ADMIN_LOGIN, ADMIN_PASSWORD_FILE,
                LOGIN_RATE_LIMIT, RESET_RATE_LIMIT, INVITATION_VALIDITY_DAYS, TRUSTED_PROXIES);
    }

    private static java.util.Set<String> addresses(String value) {
        java.util.Set<String> addresses = new java.util.LinkedHashSet<>();
        for (String part : value.split(",")) {
            if (!part.isBlank()) {
                addresses.add(fr.usinesouvertes.platform.config.IpAddresses.checkRange(part));
            }
        }
        return java.util.Set.copyOf(addresses);
    }

    private static String secret(String value) {
        if (value.trim().length() < 32) {
            throw new IllegalArgumentException("must be at least 32 characters long");
        }
        return value.trim();
    }
}
