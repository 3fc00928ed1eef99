package fr.usinesouvertes.events.company;

/** A registration of one of the company's slots, as its registrations page lists it. */
public record RegistrationRow(String id, String status, long persons, String audience, String contact, String email,
                              String phone, String organisation, String created, long waitSequence) {
}
