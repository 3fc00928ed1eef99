package fr.usinesouvertes.platform.mail;

import fr.usinesouvertes.platform.annotation.PluginApi;
/** A message that could not be sent or written; the registration stands, the message can be sent again. */
@PluginApi
public class MailException extends RuntimeException {

    public MailException(String message, Throwable cause) {
        super(message, cause);
    }
}
