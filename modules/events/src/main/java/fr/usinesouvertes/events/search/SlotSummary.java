package fr.usinesouvertes.events.search;

import java.time.OffsetDateTime;
import java.util.List;

/** A time slot as search results show it: its id, start (offset of the site's time zone), audiences and places left. */
public record SlotSummary(String id, OffsetDateTime start, List<String> audiences, long placesLeft) {
}
