package fr.usinesouvertes.platform.mail;

/** A message that could not be sent or written; the registration stands, the message can be sent again. */
public class MailException extends RuntimeException {

    public MailException(String message, Throwable cause) {
        super(message, cause);
    }
}
