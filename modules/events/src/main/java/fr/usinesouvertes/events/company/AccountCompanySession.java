package fr.usinesouvertes.events.company;

import fr.usinesouvertes.platform.repository.ContentRepository;
import fr.usinesouvertes.platform.repository.SessionWork;
import fr.usinesouvertes.platform.security.Account;

/** A company user's sessions: the repository's {@code readAs}/{@code writeAs}, so Oak's ACLs decide. */
public record AccountCompanySession(ContentRepository repository, Account account) implements CompanySession {

    public AccountCompanySession {
        if (account.company() == null || account.company().isBlank()) {
            throw new IllegalArgumentException("Account " + account.login() + " belongs to no company");
        }
    }

    @Override
    public String company() {
        return account.company();
    }

    @Override
    public <T> T read(SessionWork<T> work) {
        return repository.readAs(account.login(), work);
    }

    @Override
    public <T> T write(SessionWork<T> work) {
        return repository.writeAs(account.login(), work);
    }
}
