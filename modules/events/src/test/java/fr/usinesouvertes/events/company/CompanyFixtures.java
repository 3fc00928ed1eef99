package fr.usinesouvertes.events.company;

import fr.usinesouvertes.events.i18n.Lang;
import fr.usinesouvertes.platform.repository.ContentRepository;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/** Companies, sites and event-sheet forms for the company-space tests, as a company would enter them. */
final class CompanyFixtures {

    private CompanyFixtures() {
    }

    /** A company node (no account) in a region; returns its slug. */
    static String company(ContentRepository repository, String name, String email, String region) {
        return repository.write(session -> CompanyNodes.create(session,
                new CompanySignUpForm(name, null, "Camille Martin", email, region), Clock.systemUTC()));
    }

    /** A site's form as a company fills it: the commune by name (its position follows from it). */
    static Map<String, String> siteValues(String name, String commune, String region) {
        Map<String, String> values = new HashMap<>();
        values.put("name", name);
        values.put("address", "1 rue de l'Usine");
        values.put("commune", commune);
        values.put("latitude", "");
        values.put("longitude", "");
        values.put("sector", "Fonderie");
        values.put("description", "<p>Coulée <b>en direct</b></p><script>alert(1)</script>");
        return values;
    }

    /** The validated site; {@code region} is the region its commune must be in. */
    static SiteForm site(String name, String commune, String region) {
        SiteForm.Result result = SiteForm.validate(siteValues(name, commune, region), Lang.FR);
        if (result.form() == null || !result.form().region().equals(region)) {
            throw new IllegalArgumentException(commune + " is not a commune of " + region + ": " + result.errors());
        }
        return result.form();
    }

    /** A sheet with a Friday school slot and a Saturday public slot. */
    static Map<String, String> sheetValues() {
        Map<String, String> values = new HashMap<>();
        values.put("registrationMode", "platform");
        values.put("meetingPoint", "Poste de garde");
        values.put("safetyEquipment", "Chaussures fermées");
        values.put("minimumAge", "12");
        values.put("reducedMobilityAccess", "on");
        values.put("language.fr", "on");
        values.put("slot.0.day", "friday");
        values.put("slot.0.start", "9:30");
        values.put("slot.0.end", "11:30");
        values.put("slot.0.capacity", "25");
        values.put("slot.0.audience.school", "on");
        values.put("slot.0.audience.franceTravail", "on");
        values.put("slot.1.day", "saturday");
        values.put("slot.1.start", "10:00");
        values.put("slot.1.end", "12:00");
        values.put("slot.1.capacity", "20");
        values.put("slot.1.maxPersons", "6");
        values.put("slot.1.audience.public", "on");
        return values;
    }
}
