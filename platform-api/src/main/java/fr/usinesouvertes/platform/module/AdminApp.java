package fr.usinesouvertes.platform.module;

import fr.usinesouvertes.platform.security.Account;
import fr.usinesouvertes.platform.security.Role;
import jakarta.servlet.http.HttpServlet;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A back-office application: a menu entry and the servlet answering {@code /admin/<name>/*} (its path
 * info is the rest of the path). Only logged-in accounts holding one of {@code roles} reach the servlet.
 */
public record AdminApp(String name, String labelFr, String labelEn, Set<Role> roles, HttpServlet servlet) {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]*");
    /** Paths of the shell itself. */
    static final Set<String> RESERVED = Set.of("login", "logout", "password-reset", "static");

    public AdminApp {
        Objects.requireNonNull(servlet, "servlet");
        if (name == null || !NAME.matcher(name).matches() || RESERVED.contains(name)) {
            throw new IllegalArgumentException("Admin app name '" + name + "' must match " + NAME
                    + " and not be one of " + RESERVED);
        }
        if (roles == null || roles.isEmpty()) {
            throw new IllegalArgumentException("Admin app '" + name + "' must name the roles that may use it");
        }
        roles = Set.copyOf(roles);
    }

    /** Whether the account holds at least one of the app's roles. */
    public boolean allows(Account account) {
        return roles.stream().anyMatch(account::has);
    }

    /** The path the servlet is mounted at. */
    public String pathSpec() {
        return "/admin/" + name + "/*";
    }
}
