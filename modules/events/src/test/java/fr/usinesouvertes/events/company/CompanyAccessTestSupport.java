package fr.usinesouvertes.events.company;

import fr.usinesouvertes.platform.security.Account;
import fr.usinesouvertes.platform.security.CompanyAccess;
import fr.usinesouvertes.platform.security.Role;
import fr.usinesouvertes.platform.testing.PlatformExtension;
import java.time.Clock;
import java.util.Set;

/** Companies with a COMPANY account and the ACL on their node, as a verified sign-up leaves them. */
public final class CompanyAccessTestSupport {

    public static final String PASSWORD = "Usine-Ouverte-2026";

    private CompanyAccessTestSupport() {
    }

    static Account company(PlatformExtension platform, String name, String login) {
        return company(platform.platform(), name, login);
    }

    static Account company(fr.usinesouvertes.platform.Platform platform, String name, String login) {
        String slug = platform.repository().write(session -> {
            String created = CompanyNodes.create(session, new CompanySignUpForm(name, null, "Contact", login, "Bretagne"),
                    Clock.systemUTC());
            CompanyAccess.grant(session, created, CompanyNodes.ROOT + "/" + created);
            return created;
        });
        return platform.accounts().create(login, name, PASSWORD.toCharArray(), Set.of(Role.COMPANY), slug);
    }
}
