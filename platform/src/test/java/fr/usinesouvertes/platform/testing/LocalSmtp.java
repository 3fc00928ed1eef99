package fr.usinesouvertes.platform.testing;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/** A real SMTP server (GreenMail) on a free port of 127.0.0.1, for tests that read the e-mails the platform sends. */
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
}
