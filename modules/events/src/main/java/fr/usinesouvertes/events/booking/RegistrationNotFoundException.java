package fr.usinesouvertes.events.booking;

/** No registration has the given identifier. */
public class RegistrationNotFoundException extends RuntimeException {
    public RegistrationNotFoundException(String registrationId) {
        super("No registration with id '" + registrationId + "'");
    }
}
