package fr.usinesouvertes.events.registration;

import fr.usinesouvertes.events.edition.Audience;
import fr.usinesouvertes.events.i18n.Lang;
import javax.jcr.Node;
import javax.jcr.RepositoryException;

/**
 * A validated registration, typed by audience. It carries only what a visit needs: a contact and a
 * head count, never the names of pupils or job seekers.
 */
public sealed interface RegistrationForm
        permits RegistrationForm.Public, RegistrationForm.School, RegistrationForm.FranceTravail {

    String slot();

    Audience audience();

    /** Head count declared on the form (pupils for a school group, candidates for a France Travail group). */
    int persons();

    /** Seats the registration takes on the slot, accompanying adults included. */
    default int seats() {
        return persons();
    }

    /** Where the confirmation goes. */
    String contactEmail();

    /** Whom the confirmation greets. */
    String contactName();

    /** The language of the confirmation and of the links. */
    Lang lang();

    /** Writes the registrant's fields on the registration node (see {@code BookingRequest.RegistrationDetails}). */
    void writeTo(Node registration) throws RepositoryException;

    /** A family or an individual. */
    record Public(String slot, int persons, String name, String email, Lang lang) implements RegistrationForm {
        public Audience audience() {
            return Audience.PUBLIC;
        }

        public String contactEmail() {
            return email;
        }

        public String contactName() {
            return name;
        }

        public void writeTo(Node node) throws RepositoryException {
            common(node, this);
            node.setProperty("name", name);
        }
    }

    /**
     * A class with its teachers. {@code uai} is the school's national identifier, or {@code null}; {@code
     * transportAmount} the euros asked for the transport with a funding request, or {@code null}.
     */
    record School(String slot, int persons, String schoolName, String uai, String commune, SchoolLevel level,
                  int accompanyingAdults, String teacherName, String email, String phone, boolean transportFunding,
                  Integer transportAmount, Lang lang) implements RegistrationForm {

        public School(String slot, int persons, String schoolName, String uai, String commune, SchoolLevel level,
                      int accompanyingAdults, String teacherName, String email, String phone, boolean transportFunding,
                      Lang lang) {
            this(slot, persons, schoolName, uai, commune, level, accompanyingAdults, teacherName, email, phone,
                    transportFunding, null, lang);
        }

        public Audience audience() {
            return Audience.SCHOOL;
        }

        @Override
        public int seats() {
            return persons + accompanyingAdults;
        }

        public String contactEmail() {
            return email;
        }

        public String contactName() {
            return teacherName;
        }

        public void writeTo(Node node) throws RepositoryException {
            common(node, this);
            node.setProperty("schoolName", schoolName);
            if (uai != null) {
                node.setProperty("uai", uai);
            }
            node.setProperty("commune", commune);
            node.setProperty("level", level.id());
            node.setProperty("accompanyingAdults", (long) accompanyingAdults);
            node.setProperty("teacherName", teacherName);
            node.setProperty("phone", phone);
            node.setProperty("transportFunding", transportFunding);
            if (transportAmount != null) {
                node.setProperty("transportAmount", (long) transportAmount);
            }
        }
    }

    /** A group of job seekers brought by their France Travail adviser. */
    record FranceTravail(String slot, int persons, String agency, String adviserName, String adviserEmail, Lang lang)
            implements RegistrationForm {
        public Audience audience() {
            return Audience.FRANCE_TRAVAIL;
        }

        public String contactEmail() {
            return adviserEmail;
        }

        public String contactName() {
            return adviserName;
        }

        public void writeTo(Node node) throws RepositoryException {
            common(node, this);
            node.setProperty("agency", agency);
            node.setProperty("adviserName", adviserName);
        }
    }

    private static void common(Node node, RegistrationForm form) throws RepositoryException {
        node.setProperty("audience", form.audience().id());
        node.setProperty("declaredPersons", (long) form.persons());
        node.setProperty("email", form.contactEmail());
        node.setProperty("lang", form.lang().code());
    }
}
