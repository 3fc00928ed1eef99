package fr.usinesouvertes.events.company;

import java.util.List;
import java.util.Map;

/**
 * An event sheet as the company space and the moderation queue show it.
 *
 * @param status           draft, submitted, published, cancelled or full
 * @param rejectionMessage the organisers' last message when they sent it back, else empty
 * @param values           stored fields by {@link SheetForm#TEXT_FIELDS} name, plus the form's checkbox names
 * @param slots            the slots, in start order
 */
public record SheetSummary(int edition, String siteSlug, String siteName, String status, String rejectionMessage,
                           Map<String, String> values, List<SlotSummary> slots) {

    /** A slot with its id (the node's uuid), its booking figures and whether its visit is cancelled. */
    public record SlotSummary(String id, String dayName, String start, String end, long capacity, long booked,
                              long waiting, List<String> audiences, Long maxPersons, boolean cancelled) {
    }
}
