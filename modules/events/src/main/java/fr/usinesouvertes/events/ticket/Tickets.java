package fr.usinesouvertes.events.ticket;

import fr.usinesouvertes.events.i18n.Lang;
import fr.usinesouvertes.events.mail.TicketImage;
import fr.usinesouvertes.events.mail.TicketImages;
import fr.usinesouvertes.events.registration.BookableSlot;
import fr.usinesouvertes.events.registration.InvalidLinkException;
import fr.usinesouvertes.events.registration.ManageLinks;
import fr.usinesouvertes.events.registration.RegistrationRecord;
import fr.usinesouvertes.events.registration.RegistrationRecords;
import fr.usinesouvertes.events.registration.SlotDirectory;
import fr.usinesouvertes.platform.http.PublicUrl;
import java.time.Instant;
import java.util.Optional;

/**
 * Registrations' tickets: the address of a registration's ticket, its QR code, and the registration a ticket's token
 * points to. The QR code encodes the ticket's address only ({@link TicketLinks}), never personal data.
 */
public final class Tickets implements TicketImages {

    /** Least width of a QR code, in pixels: about 3 cm printed at 200 dpi, readable by any phone. */
    public static final int QR_PIXELS = 240;

    private final TicketLinks links;
    private final ManageLinks manageLinks;
    private final RegistrationRecords records;
    private final SlotDirectory slots;
    private final PublicUrl publicUrl;

    public Tickets(TicketLinks links, ManageLinks manageLinks, RegistrationRecords records, SlotDirectory slots,
                   PublicUrl publicUrl) {
        this.links = links;
        this.manageLinks = manageLinks;
        this.records = records;
        this.slots = slots;
        this.publicUrl = publicUrl;
    }

    /** The ticket page's address of a registration, on the site's public address. */
    public String url(String registrationId, Instant visitEnd) {
        return links.url(publicUrl.base(), registrationId, visitEnd);
    }

    /** The token of a registration's ticket (the last segment of its address). */
    public String token(String registrationId, Instant visitEnd) {
        return links.token(registrationId, visitEnd);
    }

    /** The ticket of an e-mail: its address on {@code siteUrl} and the QR code encoding it. */
    @Override
    public TicketImage ticket(String registrationId, Instant visitEnd, String siteUrl) {
        String url = links.url(siteUrl, registrationId, visitEnd);
        return new TicketImage(url, QrCodes.png(url, QR_PIXELS));
    }

    /** The QR code of a ticket's address, PNG. */
    public byte[] qrCode(Ticket ticket) {
        return QrCodes.png(ticket.url(), QR_PIXELS);
    }

    /**
     * The ticket a token points to; empty when the token is malformed, forged, signed for another purpose (a manage
     * link's) or expired, or when its registration or slot no longer exists (purged).
     */
    public Optional<Ticket> find(String token) {
        String id;
        try {
            id = links.verify(token);
        } catch (InvalidLinkException e) {
            return Optional.empty();
        }
        Optional<RegistrationRecord> record = records.find(id);
        Optional<BookableSlot> slot = record.flatMap(found -> slots.find(found.slotId()));
        if (slot.isEmpty()) {
            return Optional.empty();
        }
        String base = publicUrl.base();
        Instant end = slot.get().visit().end().toInstant();
        return Optional.of(new Ticket(token, base + TicketLinks.PATH + token, record.get(), slot.get(),
                manageLinks.link(base, id, end, Lang.FR), manageLinks.link(base, id, end, Lang.EN)));
    }
}
