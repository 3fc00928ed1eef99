package fr.usinesouvertes.events.company;

import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.GregorianCalendar;
import javax.jcr.Node;
import javax.jcr.RepositoryException;
import javax.jcr.Session;

/** Creates company nodes ({@code /companies/<slug>}) as the events model contract lays them out. */
public final class CompanyNodes {

    public static final String ROOT = "/companies";

    private CompanyNodes() {
    }

    /** Adds the company of a verified sign-up under a free slug of its name; returns the slug. The caller saves. */
    public static String create(Session session, CompanySignUpForm form, Clock clock) throws RepositoryException {
        Node root = session.getNode(ROOT);
        String slug = Slugs.free(root, Slugs.of(form.companyName()));
        Node company = root.addNode(slug, "mgnl:content");
        company.setProperty("name", form.companyName());
        if (form.siret() != null) {
            company.setProperty("siret", form.siret());
        }
        company.setProperty("region", form.region());
        company.setProperty("contactName", form.contactName());
        company.setProperty("contactEmail", form.email());
        GregorianCalendar now = GregorianCalendar.from(ZonedDateTime.now(clock)); // the clock's zone, not the server's
        company.setProperty("signedUp", now);
        return slug;
    }
}
