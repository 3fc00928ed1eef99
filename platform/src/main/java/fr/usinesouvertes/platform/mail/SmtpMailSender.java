package fr.usinesouvertes.platform.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.time.Clock;
import java.util.Properties;

/** Sends e-mails through an SMTP server with Angus Mail. */
public final class SmtpMailSender implements MailSender {

    private static final String TIMEOUT_MILLIS = "20000";

    private final SmtpConfig config;
    private final Session session;
    private final InternetAddress from;
    private final Clock clock;

    public SmtpMailSender(SmtpConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
        try {
            this.from = new InternetAddress(config.from(), true);
        } catch (AddressException e) {
            throw new IllegalArgumentException("mail-from '" + config.from() + "' is not an e-mail address", e);
        }
        Properties properties = MimeMessages.sessionProperties(from);
        properties.put("mail.smtp.host", config.host());
        properties.put("mail.smtp.port", Integer.toString(config.port()));
        properties.put("mail.smtp.auth", Boolean.toString(config.user() != null));
        properties.put("mail.smtp.starttls.enable", Boolean.toString(config.starttls()));
        properties.put("mail.smtp.starttls.required", Boolean.toString(config.starttls()));
        // A slow server must not hold a registration request forever.
        properties.put("mail.smtp.connectiontimeout", TIMEOUT_MILLIS);
        properties.put("mail.smtp.timeout", TIMEOUT_MILLIS);
        properties.put("mail.smtp.writetimeout", TIMEOUT_MILLIS);
        this.session = Session.getInstance(properties);
    }

    @Override
    public void send(OutgoingMail mail) {
        try {
            var message = MimeMessages.build(session, from, mail, clock.instant());
            if (config.user() != null) {
                Transport.send(message, config.user(), config.password());
            } else {
                Transport.send(message);
            }
        } catch (MessagingException e) {
            throw new MailException("SMTP server " + config.host() + ":" + config.port() + " refused the message to "
                    + mail.to() + ": " + e.getMessage(), e);
        }
    }
}
