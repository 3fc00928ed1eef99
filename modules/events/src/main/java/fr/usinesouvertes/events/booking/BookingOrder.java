package fr.usinesouvertes.events.booking;

import java.util.Comparator;
import javax.jcr.Node;
import javax.jcr.RepositoryException;

/**
 * The order in which a slot's registrations were booked, for lists and exports: by creation time, then
 * by the slot's booking number, since bookings saved in one commit share their millisecond and a slot's
 * folder keeps no child order. Registrations booked before booking numbers existed come first among
 * those of their millisecond, in the order their folder gives.
 */
public final class BookingOrder {

    /** Compares registration nodes; use it with a stable sort. */
    public static final Comparator<Node> REGISTRATIONS = Comparator.comparingLong((Node node) -> number(node, "created"))
            .thenComparingLong(node -> number(node, SlotBooking.BOOKING_NUMBER));

    private BookingOrder() {
    }

    private static long number(Node node, String property) {
        try {
            if (!node.hasProperty(property)) {
                return property.equals("created") ? Long.MAX_VALUE : 0;
            }
            return property.equals("created") ? node.getProperty(property).getDate().getTimeInMillis()
                    : node.getProperty(property).getLong();
        } catch (RepositoryException e) {
            return Long.MAX_VALUE;
        }
    }
}
