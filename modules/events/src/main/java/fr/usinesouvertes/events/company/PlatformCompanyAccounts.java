package fr.usinesouvertes.events.company;

import fr.usinesouvertes.platform.security.Accounts;
import fr.usinesouvertes.platform.security.Role;
import java.util.Set;

/** Company accounts as the platform's {@link Accounts} stores them: Oak users with the COMPANY role and their company's group. */
public record PlatformCompanyAccounts(Accounts accounts) implements CompanyAccountPort {

    @Override
    public boolean exists(String login) {
        return accounts.find(login).isPresent();
    }

    @Override
    public void createCompanyUser(String login, String displayName, char[] password, String company) {
        accounts.create(login, displayName, password, Set.of(Role.COMPANY), company);
    }
}
