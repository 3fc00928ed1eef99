package fr.usinesouvertes.events.registration;

import static org.apache.jackrabbit.commons.JcrUtils.getStringProperty;

import fr.usinesouvertes.platform.repository.NodesByIdentifier;
import fr.usinesouvertes.events.booking.SlotBooking;
import fr.usinesouvertes.events.edition.Audience;
import fr.usinesouvertes.events.i18n.Lang;
import fr.usinesouvertes.platform.repository.ContentRepository;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javax.jcr.Node;
import javax.jcr.RepositoryException;
import javax.jcr.Session;
import org.apache.jackrabbit.commons.JcrUtils;

/** Reads registrations back from the private {@code registrations} workspace, for their registrant and their e-mails. */
public final class RegistrationRecords {

    private final ContentRepository repository;

    public RegistrationRecords(ContentRepository repository) {
        this.repository = repository;
    }

    public Optional<RegistrationRecord> find(String registrationId) {
        if (!NodesByIdentifier.isIdentifier(registrationId)) {
            return Optional.empty();
        }
        return repository.read(session -> find(session, registrationId));
    }

    /** Several registrations read at once (one repository refresh), keyed by id, in the order given. */
    public Map<String, Optional<RegistrationRecord>> findAll(Collection<String> registrationIds) {
        return repository.read(session -> {
            Map<String, Optional<RegistrationRecord>> found = new LinkedHashMap<>();
            for (String id : registrationIds) {
                found.put(id, NodesByIdentifier.isIdentifier(id) ? find(session, id) : Optional.empty());
            }
            return found;
        });
    }

    private static Optional<RegistrationRecord> find(Session session, String registrationId) throws RepositoryException {
        Node node = NodesByIdentifier.findIfExists(session, registrationId).orElse(null);
        if (node == null || !node.getPath().startsWith("/" + SlotBooking.WORKSPACE + "/") || !node.hasProperty("slot")) {
            return Optional.empty();
        }
        Audience audience = Audience.fromId(getStringProperty(node, "audience", "")).orElse(Audience.PUBLIC);
        String contact = switch (audience) {
            case SCHOOL -> getStringProperty(node, "teacherName", "");
            case FRANCE_TRAVAIL -> getStringProperty(node, "adviserName", "");
            default -> getStringProperty(node, "name", "");
        };
        return Optional.of(new RegistrationRecord(registrationId, getStringProperty(node, "slot", ""),
                getStringProperty(node, "status", ""), audience, (int) node.getProperty("persons").getLong(), contact,
                getStringProperty(node, "email", ""), Lang.fromCode(getStringProperty(node, "lang", "")),
                getStringProperty(node, SlotBooking.CANCELLATION_REASON, ""),
                node.hasProperty("transportFunding") && node.getProperty("transportFunding").getBoolean(),
                (int) JcrUtils.getLongProperty(node, "declaredPersons", node.getProperty("persons").getLong()),
                (int) JcrUtils.getLongProperty(node, "accompanyingAdults", 0), (int) JcrUtils.getLongProperty(node, SlotBooking.CALENDAR_SEQUENCE, 0)));
    }
}
