package fr.usinesouvertes.events.registration;

import fr.usinesouvertes.events.i18n.Message;

/** A change to a registration that is well-formed but no longer possible, such as cancelling a visit that has started. */
public class RegistrationRefusedException extends RuntimeException {

    private final String code;
    private final Message text;

    public RegistrationRefusedException(String code, Message text) {
        super(text.en());
        this.code = code;
        this.text = text;
    }

    public String code() {
        return code;
    }

    public Message text() {
        return text;
    }
}
