package fr.usinesouvertes.platform.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Writes each e-mail as an {@code .eml} file (RFC 822, openable by any mail client) in an outbox folder,
 * {@code DATA/outbox/} by default, so the embedded platform needs no mail server. A file appears whole
 * or not at all: it is written aside, then moved in.
 */
public final class OutboxMailSender implements MailSender {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'").withZone(ZoneOffset.UTC);

    private final Path outbox;
    private final InternetAddress from;
    private final Clock clock;
    private final Session session;

    public OutboxMailSender(Path outbox, String from, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
        try {
            this.from = new InternetAddress(from, true);
            this.session = Session.getInstance(MimeMessages.sessionProperties(this.from));
        } catch (AddressException e) {
            throw new IllegalArgumentException("mail-from '" + from + "' is not an e-mail address", e);
        }
    }

    public Path outbox() {
        return outbox;
    }

    /**
     * Deletes the messages written before {@code now - retention} (by the file's time); returns how many. Files
     * being written ({@code .writing-*.tmp}) and anything else in the folder stay.
     */
    public Pruned prune(Duration retention, Instant now) {
        if (!Files.isDirectory(outbox)) {
            return new Pruned(0, 0);
        }
        Instant limit = now.minus(retention);
        int files = 0;
        long bytes = 0;
        try (Stream<Path> entries = Files.list(outbox)) {
            for (Path file : (Iterable<Path>) entries::iterator) {
                if (!file.getFileName().toString().endsWith(".eml") || !Files.isRegularFile(file)) {
                    continue;
                }
                try {
                    if (Files.getLastModifiedTime(file).toInstant().isBefore(limit)) {
                        long size = Files.size(file);
                        Files.delete(file);
                        files++;
                        bytes += size;
                    }
                } catch (IOException e) {
                    // deleted meanwhile, or unreadable: the next pruning tries again
                }
            }
        } catch (IOException e) {
            throw new MailException("Cannot list the outbox " + outbox + ": " + e.getMessage(), e);
        }
        return new Pruned(files, bytes);
    }

    /** What a pruning removed. */
    public record Pruned(int files, long bytes) {
    }

    @Override
    public void send(OutgoingMail mail) {
        var message = MimeMessages.build(session, from, mail, clock.instant());
        String name = STAMP.format(clock.instant()) + "-" + UUID.randomUUID() + ".eml";
        try {
            Files.createDirectories(outbox);
            Path temporary = Files.createTempFile(outbox, ".writing-", ".tmp");
            // Buffered: the MIME writer emits a few bytes at a time, each a system call on a bare file stream.
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temporary), 32 * 1024)) {
                message.writeTo(out);
            }
            Files.move(temporary, outbox.resolve(name), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | MessagingException e) {
            throw new MailException("Cannot write the message to " + mail.to() + " into " + outbox + ": " + e.getMessage(), e);
        }
    }
}
