package fr.usinesouvertes.platform.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.util.Properties;

/**
 * Sends e-mails through an SMTP server with Angus Mail, keeping one connection per sending thread
 * open between messages: connecting (TCP, greeting, STARTTLS, login) costs far more than a message, and
 * the registration e-mails leave in batches from a few threads. A kept connection is checked (NOOP)
 * before reuse and replaced after {@value #MESSAGES_PER_CONNECTION} messages, as servers limit them.
 */
public final class SmtpMailSender implements MailSender {

    private static final String TIMEOUT_MILLIS = "20000";
    static final int MESSAGES_PER_CONNECTION = 100;

    private final SmtpConfig config;
    private final Session session;
    private final InternetAddress from;
    private final Clock clock;
    private final ThreadLocal<Connection> connections = new ThreadLocal<>();

    /** This thread's open connection and how many messages it carried. */
    private static final class Connection {
        final Transport transport;
        int sent;

        Connection(Transport transport) {
            this.transport = transport;
        }
    }

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
        MimeMessage message = MimeMessages.build(session, from, mail, clock.instant());
        try {
            Connection connection = connection();
            connection.transport.sendMessage(message, message.getAllRecipients());
            connection.sent++;
        } catch (MessagingException e) {
            closeConnection(); // whatever state it is in, the next message starts afresh
            throw new MailException("SMTP server " + config.host() + ":" + config.port() + " refused the message to "
                    + mail.to() + ": " + e.getMessage(), e);
        }
    }

    /** This thread's connection, open and alive (SMTP NOOP), or a new one. */
    private Connection connection() throws MessagingException {
        Connection kept = connections.get();
        if (kept != null && kept.sent < MESSAGES_PER_CONNECTION && kept.transport.isConnected()) {
            return kept;
        }
        closeConnection();
        Transport transport = session.getTransport("smtp");
        if (config.user() != null) {
            transport.connect(config.user(), config.password());
        } else {
            transport.connect();
        }
        Connection connection = new Connection(transport);
        connections.set(connection);
        return connection;
    }

    /**
     * Closes this thread's connection, if any. A connection left open by a thread that sends no more is
     * closed by the server's idle timeout; the next use of a dead one fails its NOOP and reconnects.
     */
    private void closeConnection() {
        Connection kept = connections.get();
        connections.remove();
        if (kept != null) {
            try {
                kept.transport.close();
            } catch (MessagingException ignored) {
                // the server went away already
            }
        }
    }
}
