package fr.usinesouvertes.events.ticket;

import fr.usinesouvertes.events.booking.RegistrationStatus;
import fr.usinesouvertes.events.registration.BookableSlot;
import fr.usinesouvertes.events.registration.RegistrationRecord;

/**
 * A registration as its ticket shows it.
 *
 * @param token        the ticket's signed token
 * @param url          the ticket page's absolute address (what the QR code encodes)
 * @param registration the registration (the page shows its head count and status, not its contact)
 * @param slot         the slot and its visit
 * @param manageLinkFr the French page to view, change or cancel the registration
 * @param manageLinkEn the same in English
 */
public record Ticket(String token, String url, RegistrationRecord registration, BookableSlot slot, String manageLinkFr,
                     String manageLinkEn) {

    /** Whether it holds seats: confirmed, on a visit not cancelled. */
    public boolean valid() {
        return RegistrationStatus.CONFIRMED.stored().equals(registration.status()) && !slot.cancelled();
    }

    /** Whether the registration or its visit was cancelled: the ticket no longer lets anyone in. */
    public boolean cancelled() {
        return registration.isCancelled() || slot.cancelled();
    }
}
