package fr.usinesouvertes.platform.security;

import fr.usinesouvertes.platform.annotation.PluginApi;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;

/** The account of the request, as the authentication filter found it in the session cookie. */
@PluginApi
public final class CurrentAccount {

    static final String ATTRIBUTE = CurrentAccount.class.getName();

    private CurrentAccount() {
    }

    public static Optional<Account> of(HttpServletRequest request) {
        return Optional.ofNullable((Account) request.getAttribute(ATTRIBUTE));
    }

    /** The logged-in account; throws {@link NotLoggedInException} when the request has none. */
    public static Account require(HttpServletRequest request) {
        return of(request).orElseThrow(NotLoggedInException::new);
    }

    static void set(HttpServletRequest request, Account account) {
        request.setAttribute(ATTRIBUTE, account);
    }

    /** Thrown by {@link #require} for a request without a valid session. */
    public static final class NotLoggedInException extends RuntimeException {
        NotLoggedInException() {
            super("This request has no logged-in account");
        }
    }
}
