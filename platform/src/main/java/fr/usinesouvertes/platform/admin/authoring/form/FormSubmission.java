package fr.usinesouvertes.platform.admin.authoring.form;

import fr.usinesouvertes.platform.publishing.Fingerprint;
import java.time.Clock;
import java.time.ZoneId;
import java.util.GregorianCalendar;
import java.util.List;
import javax.jcr.Node;
import javax.jcr.RepositoryException;
import javax.jcr.Session;

/**
 * Checks and stores a submitted form on a node in one repository session: when any field is invalid
 * nothing at all is written (the caller's write then saves no change).
 */
public final class FormSubmission {

    private FormSubmission() {
    }

    /**
     * Validates {@code values} and, only if every field is valid, writes them onto {@code node} and, when that changed
     * its content ({@link Fingerprint}), stamps {@code mgnl:lastModified}/{@code mgnl:lastModifiedBy} (a form saved as it was
     * leaves the node, and so its publication status, as it was); dates are read in {@code zone}, the site's time zone.
     *
     * @return the errors; empty when the values were written
     */
    public static List<FieldError> apply(Form form, FormValues values, Node node, String by, Clock clock, ZoneId zone)
            throws RepositoryException {
        return apply(form, values, node, by, clock, zone, new java.util.ArrayList<>());
    }

    /**
     * As {@link #apply(Form, FormValues, Node, String, Clock, ZoneId)}, adding to {@code notices} what saving
     * changed in the values (what the rich-text sanitiser removed), for the editor to see next to the fields.
     */
    public static List<FieldError> apply(Form form, FormValues values, Node node, String by, Clock clock, ZoneId zone,
                                         List<FieldNotice> notices) throws RepositoryException {
        return apply(form, values, node, by, clock, zone, notices, SiteAddresses.NONE);
    }

    /**
     * As {@link #apply(Form, FormValues, Node, String, Clock, ZoneId, List)}, rich text's links to the pages
     * {@code addresses} knows stored with the pages' ids, so that they follow a page renamed or moved.
     */
    public static List<FieldError> apply(Form form, FormValues values, Node node, String by, Clock clock, ZoneId zone,
                                         List<FieldNotice> notices, SiteAddresses addresses) throws RepositoryException {
        Session session = node.getSession();
        List<FieldError> errors = FormValidator.validate(form, values, session);
        if (!errors.isEmpty()) {
            return errors;
        }
        String before = Fingerprint.of(node);
        FormWriter writer = new FormWriter(zone, addresses);
        writer.write(form, values, node);
        notices.addAll(writer.notices());
        if (!Fingerprint.of(node).equals(before)) { // Oak counts a value set to itself as a change: compare
            touch(node, by, clock);
        }
        return List.of();
    }

    /** Records who changed a node and when, as Magnolia does with {@code mgnl:lastModified}. */
    public static void touch(Node node, String by, Clock clock) throws RepositoryException {
        node.setProperty("mgnl:lastModified", GregorianCalendar.from(clock.instant().atZone(clock.getZone())));
        if (by != null) {
            node.setProperty("mgnl:lastModifiedBy", by);
        }
    }
}
