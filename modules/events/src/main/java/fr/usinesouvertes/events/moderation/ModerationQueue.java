package fr.usinesouvertes.events.moderation;

import fr.usinesouvertes.events.i18n.FrenchAddresses;
import fr.usinesouvertes.platform.http.PublicUrl;
import fr.usinesouvertes.platform.repository.NodesByIdentifier;
import fr.usinesouvertes.events.company.CompanyGrants;
import fr.usinesouvertes.events.company.EventSheets;
import fr.usinesouvertes.events.company.NotFoundException;
import fr.usinesouvertes.events.company.RefusedException;
import fr.usinesouvertes.events.company.RegistrationFolders;
import fr.usinesouvertes.events.edition.EditionStore;
import fr.usinesouvertes.events.mail.CompanyMails;
import fr.usinesouvertes.platform.mail.MailException;
import fr.usinesouvertes.platform.mail.MailSender;
import fr.usinesouvertes.platform.mail.OutgoingMail;
import fr.usinesouvertes.platform.repository.ContentRepository;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.GregorianCalendar;
import java.util.List;
import javax.jcr.Node;
import javax.jcr.NodeIterator;
import javax.jcr.RepositoryException;
import javax.jcr.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The organisers' moderation queue: submitted event sheets, oldest first; approving publishes a sheet
 * (public site, Delivery API and search pick it up from its status), rejecting sends it back to draft
 * with a message e-mailed to the company in French. Approval also makes sure the registrations folder
 * of every slot exists and is granted to the company.
 */
public final class ModerationQueue {

    private static final Logger LOG = LoggerFactory.getLogger(ModerationQueue.class);
    private static final int MAX_MESSAGE = 2_000;

    private final ContentRepository repository;
    private final EditionStore editions;
    private final CompanyGrants grants;
    private final MailSender mail;
    private final PublicUrl publicUrl;
    private final Clock clock;
    private final java.time.ZoneId zone;

    /** @param zone the site's time zone, in which the sheets' slots are read */
    public ModerationQueue(ContentRepository repository, CompanyGrants grants, MailSender mail, PublicUrl publicUrl,
                           Clock clock, java.time.ZoneId zone) {
        this.repository = repository;
        this.zone = zone;
        this.editions = new EditionStore(repository, zone);
        this.grants = grants;
        this.mail = mail;
        this.publicUrl = publicUrl;
        this.clock = clock;
    }

    /** Every submitted sheet of every edition, oldest submission first. */
    public List<ModerationItem> submitted() {
        return repository.read(session -> {
            List<Node> sheets = new ArrayList<>();
            if (session.nodeExists(EventSheets.ROOT)) {
                for (NodeIterator years = session.getNode(EventSheets.ROOT).getNodes(); years.hasNext(); ) {
                    Node year = years.nextNode();
                    if (!year.getName().matches("[0-9]{4}")) {
                        continue;
                    }
                    for (NodeIterator it = year.getNodes(); it.hasNext(); ) {
                        Node sheet = it.nextNode();
                        if (sheet.isNodeType("mgnl:content") && EventSheets.SUBMITTED.equals(EventSheets.text(sheet, "status"))) {
                            sheets.add(sheet);
                        }
                    }
                }
            }
            sheets.sort(Comparator.comparingLong(ModerationQueue::submittedMillis));
            List<ModerationItem> items = new ArrayList<>();
            for (Node sheet : sheets) {
                try {
                    items.add(item(session, sheet));
                } catch (NotFoundException broken) {
                    // one sheet with a missing or malformed site reference must not hide the others
                    LOG.warn("Submitted sheet {} left out of the moderation queue: {}", sheet.getPath(), broken.getMessage());
                }
            }
            return items;
        });
    }

    /** Publishes a submitted sheet and tells the company. */
    public void approve(int year, String siteSlug) {
        Contact contact = repository.write(session -> {
            Node sheet = submittedSheet(session, year, siteSlug);
            Node site = site(session, sheet);
            Node company = company(session, site);
            sheet.setProperty("status", EventSheets.PUBLISHED);
            sheet.setProperty("approved", now());
            if (sheet.hasProperty("rejectionMessage")) {
                sheet.getProperty("rejectionMessage").remove();
            }
            RegistrationFolders.grantAll(session, sheet, company.getName(), grants);
            return new Contact(EventSheets.text(company, "contactEmail"), EventSheets.text(site, "name"));
        });
        send(contact.email(), CompanyMails.sheetApproved(contact.email(), contact.siteName(), year,
                publicUrl.link("/usines/" + siteSlug)));
    }

    /** Sends a submitted sheet back to draft with the organisers' message, e-mailed to the company. */
    public void reject(int year, String siteSlug, String message) {
        String reason = message == null ? "" : message.strip();
        if (reason.isEmpty() || reason.length() > MAX_MESSAGE) {
            throw new RefusedException("Le message au demandeur est obligatoire (" + MAX_MESSAGE + " caractères au plus).");
        }
        Contact contact = repository.write(session -> {
            Node sheet = submittedSheet(session, year, siteSlug);
            Node site = site(session, sheet);
            Node company = company(session, site);
            sheet.setProperty("status", EventSheets.DRAFT);
            sheet.setProperty("rejectionMessage", reason);
            sheet.setProperty("rejected", now());
            return new Contact(EventSheets.text(company, "contactEmail"), EventSheets.text(site, "name"));
        });
        send(contact.email(), CompanyMails.sheetRejected(contact.email(), contact.siteName(), year, reason));
    }

    private record Contact(String email, String siteName) {
    }

    private void send(String to, OutgoingMail message) {
        if (to.isEmpty()) {
            LOG.warn("No contact e-mail for a moderated sheet; nothing sent");
            return;
        }
        try {
            mail.send(message);
        } catch (MailException e) {
            LOG.warn("Moderation e-mail could not be sent: {}", e.getMessage());
        }
    }

    private ModerationItem item(Session session, Node sheet) throws RepositoryException {
        Node site = site(session, sheet);
        Node company = company(session, site);
        int year = Integer.parseInt(sheet.getParent().getName());
        String address = FrenchAddresses.line(EventSheets.text(site, "address"),
                EventSheets.text(site, "postalCode"), EventSheets.text(site, "commune"));
        return new ModerationItem(EventSheets.summary(sheet, site, editions.find(year).orElse(null), zone),
                EventSheets.text(company, "name"), company.getName(),
                EventSheets.text(site, "commune") + " (" + EventSheets.text(site, "department") + ")",
                EventSheets.text(site, "region"), address, EventSheets.text(site, "sector"),
                EventSheets.text(site, "description"));
    }

    private static Node submittedSheet(Session session, int year, String siteSlug) throws RepositoryException {
        String path = EventSheets.ROOT + "/" + year + "/" + siteSlug;
        if (!siteSlug.matches("[a-z0-9][a-z0-9-]{0,99}") || !session.nodeExists(path)) {
            throw new NotFoundException("Event sheet " + year + "/" + siteSlug);
        }
        Node sheet = session.getNode(path);
        if (!EventSheets.SUBMITTED.equals(EventSheets.text(sheet, "status"))) {
            throw new RefusedException("Cette fiche n'est plus en attente de validation.");
        }
        return sheet;
    }

    private static Node site(Session session, Node sheet) throws RepositoryException {
        String missing = "Site of " + sheet.getPath();
        return NodesByIdentifier.findIfExists(session, EventSheets.text(sheet, "site"))
                .orElseThrow(() -> new NotFoundException(missing));
    }

    private static Node company(Session session, Node site) throws RepositoryException {
        String missing = "Company of " + site.getPath();
        return NodesByIdentifier.findIfExists(session, EventSheets.text(site, "company"))
                .orElseThrow(() -> new NotFoundException(missing));
    }

    private static long submittedMillis(Node sheet) {
        try {
            return sheet.hasProperty("submitted") ? sheet.getProperty("submitted").getDate().getTimeInMillis() : 0;
        } catch (RepositoryException e) {
            return 0;
        }
    }

    /** Now, stamped in the clock's zone (the site's, for the platform's clock) rather than the server's default. */
    private GregorianCalendar now() {
        return GregorianCalendar.from(java.time.ZonedDateTime.now(clock));
    }
}
