package fr.usinesouvertes.events.company;

import fr.usinesouvertes.platform.repository.ContentRepository;
import fr.usinesouvertes.platform.repository.SessionWork;

/** A company working on system sessions: for tests of the domain rules, where ACLs are not the subject. */
record SystemCompanySession(ContentRepository repository, String company) implements CompanySession {

    @Override
    public <T> T read(SessionWork<T> work) {
        return repository.read(work);
    }

    @Override
    public <T> T write(SessionWork<T> work) {
        return repository.write(work);
    }
}
