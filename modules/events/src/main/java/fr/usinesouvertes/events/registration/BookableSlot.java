package fr.usinesouvertes.events.registration;

import fr.usinesouvertes.events.edition.Audience;
import fr.usinesouvertes.events.visit.Visit;
import java.util.Set;

/**
 * A time slot of an event sheet as the registration forms need it: who may come, how many per
 * registration, and the visit it belongs to. Holds no personal data.
 *
 * @param sheetStatus        the event sheet's status ({@code published}, {@code full}, …)
 * @param registrationMode   {@code platform}, {@code external} or {@code contact}
 * @param edition            the edition's year
 * @param region             the site's region, for regional sign-up windows
 * @param maxPersons         most seats one registration may take on this slot
 * @param cancelled          whether the visit is cancelled (the slot, or its whole sheet)
 */
public record BookableSlot(Visit visit, String sheetStatus, String registrationMode, int edition, String region,
                           Set<Audience> audiences, long capacity, int maxPersons, boolean cancelled) {

    public BookableSlot(Visit visit, String sheetStatus, String registrationMode, int edition, String region,
                        Set<Audience> audiences, long capacity, int maxPersons) {
        this(visit, sheetStatus, registrationMode, edition, region, audiences, capacity, maxPersons, false);
    }

    /** Whether this slot was open to the public on the platform before its visit was cancelled. */
    public boolean wasCancelledAfterPublication() {
        return cancelled && "platform".equals(registrationMode)
                && ("published".equals(sheetStatus) || "full".equals(sheetStatus) || "cancelled".equals(sheetStatus));
    }

    public String id() {
        return visit.slotId();
    }

    /** Only slots of public sheets that register on the platform, and are not cancelled, take registrations. */
    public boolean takesRegistrations() {
        return !cancelled && ("published".equals(sheetStatus) || "full".equals(sheetStatus)) && "platform".equals(registrationMode);
    }
}
