package fr.usinesouvertes.events.site;

import java.util.List;

/** A published (or full) event sheet of one site and edition, with its practical information and slots. */
public record PublicSheet(int edition, String siteSlug, String status, String registrationMode, String externalUrl,
                          String contactEmail, String meetingPoint, String access, String parking,
                          String safetyEquipment, Long minimumAge, Boolean reducedMobilityAccess,
                          List<String> languages, String description, List<PublicSlot> slots) {

    /** Statuses the public may see. */
    public static final List<String> PUBLIC_STATUSES = List.of("published", "full");
}
