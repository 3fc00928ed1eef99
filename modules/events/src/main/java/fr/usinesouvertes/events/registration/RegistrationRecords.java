package fr.usinesouvertes.events.registration;

import fr.usinesouvertes.platform.repository.NodesByIdentifier;
import fr.usinesouvertes.events.booking.SlotBooking;
import fr.usinesouvertes.events.edition.Audience;
import fr.usinesouvertes.events.i18n.Lang;
import fr.usinesouvertes.platform.repository.ContentRepository;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.jcr.ItemNotFoundException;
import javax.jcr.Node;
import javax.jcr.RepositoryException;

/** Reads registrations back from the private {@code registrations} workspace, for their registrant and their e-mails. */
public final class RegistrationRecords {

    private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private final ContentRepository repository;

    public RegistrationRecords(ContentRepository repository) {
        this.repository = repository;
    }

    public Optional<RegistrationRecord> find(String registrationId) {
        if (registrationId == null || !UUID.matcher(registrationId).matches()) {
            return Optional.empty();
        }
        return repository.read(session -> {
            Node node;
            try {
                node = NodesByIdentifier.find(session, registrationId);
            } catch (ItemNotFoundException e) {
                return Optional.empty();
            }
            if (!node.getPath().startsWith("/" + SlotBooking.WORKSPACE + "/") || !node.hasProperty("slot")) {
                return Optional.empty();
            }
            Audience audience = Audience.fromId(text(node, "audience")).orElse(Audience.PUBLIC);
            String contact = switch (audience) {
                case SCHOOL -> text(node, "teacherName");
                case FRANCE_TRAVAIL -> text(node, "adviserName");
                default -> text(node, "name");
            };
            return Optional.of(new RegistrationRecord(registrationId, text(node, "slot"), text(node, "status"), audience,
                    (int) node.getProperty("persons").getLong(), contact, text(node, "email"),
                    Lang.fromCode(text(node, "lang"))));
        });
    }

    private static String text(Node node, String property) throws RepositoryException {
        return node.hasProperty(property) ? node.getProperty(property).getString() : "";
    }
}
