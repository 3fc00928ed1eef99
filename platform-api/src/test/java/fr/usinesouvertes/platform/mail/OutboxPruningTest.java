package fr.usinesouvertes.platform.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutboxPruningTest {

    @TempDir
    Path data;

    @Test
    void deletesTheMessagesOlderThanTheRetentionOnly() throws Exception {
        Instant now = Instant.parse("2026-04-01T12:00:00Z");
        OutboxMailSender outbox = new OutboxMailSender(data.resolve("outbox"), "Test <test@example.org>", Clock.systemUTC());
        outbox.send(new OutgoingMail("anne@example.org", "Bonjour", "Texte", "<p>Texte</p>", List.of()));
        Path recent;
        try (var files = Files.list(outbox.outbox())) {
            recent = files.findFirst().orElseThrow();
        }
        Files.setLastModifiedTime(recent, FileTime.from(now.minus(Duration.ofDays(29))));
        Path old = Files.writeString(outbox.outbox().resolve("20260220T100000.000Z-old.eml"), "Subject: old\r\n\r\nold");
        Files.setLastModifiedTime(old, FileTime.from(now.minus(Duration.ofDays(31))));
        Path writing = Files.writeString(outbox.outbox().resolve(".writing-1.tmp"), "partial");
        Files.setLastModifiedTime(writing, FileTime.from(now.minus(Duration.ofDays(90))));

        OutboxMailSender.Pruned pruned = outbox.prune(Duration.ofDays(30), now);

        assertThat(pruned.files()).isEqualTo(1);
        assertThat(pruned.bytes()).isEqualTo("Subject: old\r\n\r\nold".length());
        assertThat(old).doesNotExist();
        assertThat(recent).exists();
        assertThat(writing).exists();
        assertThat(new OutboxMailSender(data.resolve("nowhere"), "t@example.org", Clock.systemUTC())
                .prune(Duration.ofDays(1), now).files()).isZero();
    }
}
