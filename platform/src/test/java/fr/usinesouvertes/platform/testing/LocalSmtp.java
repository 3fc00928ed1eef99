package fr.usinesouvertes.platform.testing;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real SMTP server (GreenMail) on a free port of 127.0.0.1, for tests that read the e-mails the platform sends, and
 * what they read in them: the one e-mail received, its plain text, the link it carries.
 */
public final class LocalSmtp {

    private LocalSmtp() {
    }

    /** A started GreenMail SMTP server; the caller stops it. */
    public static GreenMail start() {
        try (ServerSocket socket = new ServerSocket(0)) {
            GreenMail mail = new GreenMail(new ServerSetup(socket.getLocalPort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            socket.close();
            mail.start();
            return mail;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The one e-mail {@code smtp} has received, waiting up to five seconds for it. */
    public static MimeMessage onlyMessage(GreenMail smtp) {
        if (!smtp.waitForIncomingEmail(5_000, 1)) {
            throw new AssertionError("No e-mail received within 5 seconds");
        }
        return smtp.getReceivedMessages()[0];
    }

    /** The decoded plain-text part of an e-mail. */
    public static String plainText(MimeMessage message) {
        try {
            String text = plainText(message.getContent());
            if (text == null) {
                throw new AssertionError("The e-mail " + message.getSubject() + " has no plain-text part");
            }
            return text;
        } catch (IOException | MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The absolute link of an e-mail's plain text to a path starting with {@code pathPrefix} and ending with a token,
     * e.g. {@code https://…/admin/password-reset/<token>} for {@code /admin/password-reset/}.
     */
    public static URI link(MimeMessage message, String pathPrefix) {
        String text = plainText(message);
        Matcher link = Pattern.compile("https?://[^\\s\"]+" + Pattern.quote(pathPrefix) + "[A-Za-z0-9_-]+").matcher(text);
        if (!link.find()) {
            throw new AssertionError("No link to " + pathPrefix + "… in the e-mail:\n" + text);
        }
        return URI.create(link.group());
    }

    private static String plainText(Object content) throws IOException, MessagingException {
        if (content instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart part = multipart.getBodyPart(i);
                if (part.isMimeType("text/plain")) {
                    return (String) part.getContent();
                }
                String nested = plainText(part.getContent());
                if (nested != null) {
                    return nested;
                }
            }
        }
        return content instanceof String text ? text : null;
    }
}
