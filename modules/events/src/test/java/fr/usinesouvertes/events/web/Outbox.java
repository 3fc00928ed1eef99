package fr.usinesouvertes.events.web;

import static org.awaitility.Awaitility.await;

import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.awaitility.core.ConditionTimeoutException;

/** Reads the {@code .eml} files the platform wrote under DATA/outbox, for the tests. */
final class Outbox {

    private static final Pattern MANAGE_LINK = Pattern.compile("(https?://[^\\s\"<>]+/inscription/gestion/([A-Za-z0-9_.-]+))");

    private Outbox() {
    }

    /**
     * The messages to {@code address} once there are at least {@code expected} of them (mail is sent from
     * a queue after the request returns), or whatever is there after 30 seconds.
     */
    static List<MimeMessage> awaitMessagesTo(Path dataFolder, String address, int expected) throws Exception {
        try {
            return await().atMost(Duration.ofSeconds(30)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(20))
                    .until(() -> messagesTo(dataFolder, address), found -> found.size() >= expected);
        } catch (ConditionTimeoutException notAll) {
            return messagesTo(dataFolder, address); // the caller's assertion says what is missing
        }
    }

    static List<MimeMessage> messagesTo(Path dataFolder, String address) throws Exception {
        Path outbox = dataFolder.resolve("outbox");
        List<MimeMessage> found = new ArrayList<>();
        if (!Files.isDirectory(outbox)) {
            return found;
        }
        try (Stream<Path> files = Files.list(outbox)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".eml")).sorted().toList()) {
                try (InputStream in = Files.newInputStream(file)) {
                    MimeMessage message = new MimeMessage(Session.getInstance(new Properties()), in);
                    if (message.getAllRecipients()[0].toString().equalsIgnoreCase(address)) {
                        found.add(message);
                    }
                }
            }
        }
        return found;
    }

    /**
     * The plain-text body of a message built by the composer (multipart/mixed → alternative → text/plain, or
     * multipart/mixed → related → alternative → text/plain when it shows a ticket's QR code).
     */
    static String text(Part message) throws Exception {
        return (String) alternative(message).getBodyPart(0).getContent();
    }

    /** The HTML body of a message built by the composer. */
    static String html(Part message) throws Exception {
        return (String) alternative(message).getBodyPart(1).getContent();
    }

    static Multipart alternative(Part message) throws Exception {
        Multipart mixed = (Multipart) message.getContent();
        Part first = mixed.getBodyPart(0);
        Multipart inner = (Multipart) first.getContent();
        return first.isMimeType("multipart/related") ? (Multipart) inner.getBodyPart(0).getContent() : inner;
    }

    /** The inline part of a message shown in its HTML as {@code cid:<contentId>}, or null. */
    static Part inline(Part message, String contentId) throws Exception {
        Multipart mixed = (Multipart) message.getContent();
        Part first = mixed.getBodyPart(0);
        if (!first.isMimeType("multipart/related")) {
            return null;
        }
        Multipart related = (Multipart) first.getContent();
        for (int i = 1; i < related.getCount(); i++) {
            String[] ids = related.getBodyPart(i).getHeader("Content-ID");
            if (ids != null && ids[0].equals("<" + contentId + ">")) {
                return related.getBodyPart(i);
            }
        }
        return null;
    }

    /** The attached calendar, as text. */
    static String calendar(Part message) throws Exception {
        Multipart mixed = (Multipart) message.getContent();
        Part attachment = mixed.getBodyPart(1);
        try (InputStream in = attachment.getInputStream()) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    /** The full view/cancel link of a message and its token (group 2). */
    static Matcher manageLink(Part message) throws Exception {
        Matcher matcher = MANAGE_LINK.matcher(text(message));
        if (!matcher.find()) {
            throw new IOException("No view/cancel link in the message");
        }
        return matcher;
    }
}
