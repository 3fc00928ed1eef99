package fr.usinesouvertes.platform.admin;

import fr.usinesouvertes.platform.module.AdminViews;
import fr.usinesouvertes.platform.security.AccountException;
import fr.usinesouvertes.platform.security.PasswordLinks;
import jakarta.servlet.http.HttpServletRequest;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A password chosen through an e-mailed link (a reset or an invitation): the form's {@code password} and
 * {@code confirmation}, which must be equal, set through the link. Either the form is refused ({@link #errors()} by
 * field, for a 422), or the link is used ({@link #login()} its account) or was no longer valid (neither).
 */
record PasswordChoice(Optional<String> login, Map<String, String> errors) {

    /**
     * @param policyMessage what the form says when the password breaks the policy, from the account's refusal
     */
    static PasswordChoice submit(HttpServletRequest request, PasswordLinks links, String token, PasswordLinks.Kind kind,
                                 Function<AccountException, String> policyMessage) {
        boolean english = AdminViews.lang(request).equals("en");
        String password = Optional.ofNullable(request.getParameter("password")).orElse("");
        String confirmation = Optional.ofNullable(request.getParameter("confirmation")).orElse("");
        Map<String, String> errors = new HashMap<>();
        if (!password.equals(confirmation)) {
            errors.put("confirmation", english ? "The two passwords differ." : "Les deux mots de passe diffèrent.");
            return new PasswordChoice(Optional.empty(), errors);
        }
        try {
            return new PasswordChoice(links.use(token, kind, password.toCharArray()), errors);
        } catch (AccountException e) {
            errors.put("password", policyMessage.apply(e));
            return new PasswordChoice(Optional.empty(), errors);
        }
    }

    /** Whether the form is shown again with its errors. */
    boolean refused() {
        return !errors.isEmpty();
    }
}
