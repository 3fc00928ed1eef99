package fr.usinesouvertes.events.company;

import fr.usinesouvertes.platform.repository.SessionWork;

/**
 * A company user at work: the company node it belongs to, and repository sessions carrying the
 * account's principals, so that Oak's access control decides what it may read and write.
 */
public interface CompanySession {

    /** The company's node name in the {@code companies} workspace. */
    String company();

    <T> T read(SessionWork<T> work);

    <T> T write(SessionWork<T> work);
}
