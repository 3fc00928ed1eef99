package fr.usinesouvertes.events.company;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/** A GreenMail SMTP server on a free port, started before the platform whose settings need its port. */
final class CompanySpaceTestSupport {

    private CompanySpaceTestSupport() {
    }

    static GreenMail startSmtp() {
        try (ServerSocket socket = new ServerSocket(0)) {
            GreenMail mail = new GreenMail(new ServerSetup(socket.getLocalPort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            socket.close();
            mail.start();
            return mail;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
