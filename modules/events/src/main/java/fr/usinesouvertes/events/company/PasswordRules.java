package fr.usinesouvertes.events.company;

import fr.usinesouvertes.events.i18n.Message;
import fr.usinesouvertes.events.i18n.Messages;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The password a company account may have: at least {@value #MIN_LENGTH} characters, at most
 * {@value #MAX_LENGTH}, not one of the passwords attackers try first, and not the login itself.
 */
public final class PasswordRules {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 200;

    /** The most common passwords of public breach lists that reach 12 characters, and French favourites. */
    private static final Set<String> COMMON = Set.of("123456789012", "1234567890123", "12345678901234",
            "azertyuiopqs", "azertyuiop123", "azerty123456", "qwertyuiop12", "qwertyuiop123", "qwerty123456",
            "password1234", "password12345", "passwordpassword", "motdepasse12", "motdepasse123", "motdepasse1234",
            "soleil123456", "bonjour12345", "bonjour123456", "iloveyou1234", "000000000000", "111111111111",
            "aaaaaaaaaaaa", "abcdefghijkl", "abc123abc123", "azertyazerty", "qwertyqwerty", "administrateur",
            "administrator", "welcome12345", "changeme1234", "usinesouvertes", "usinesouvertes2026",
            "journeesusinesouvertes", "entreprise123", "entreprise2026", "motdepasse2026", "password2026");

    private PasswordRules() {
    }

    /** Why this password is refused, or empty when it is acceptable. */
    public static Optional<Message> problem(char[] password, String login) {
        if (password == null || password.length == 0) {
            return Optional.of(message("passwordError.missing"));
        }
        if (password.length < MIN_LENGTH) {
            return Optional.of(message("passwordError.tooShort", MIN_LENGTH));
        }
        if (password.length > MAX_LENGTH) {
            return Optional.of(message("passwordError.tooLong", MAX_LENGTH));
        }
        String lower = new String(password).toLowerCase(Locale.ROOT);
        if (COMMON.contains(lower) || lower.chars().distinct().count() < 4
                || (login != null && lower.equals(login.toLowerCase(Locale.ROOT)))) {
            return Optional.of(message("passwordError.tooCommon"));
        }
        return Optional.empty();
    }

    private static Message message(String key, Object... args) {
        return Message.of(Messages.COMPANY, key, args);
    }
}
