package fr.usinesouvertes.events.mail;
import fr.usinesouvertes.platform.mail.OutboxMailSender;
import fr.usinesouvertes.platform.mail.MailSenders;
import fr.usinesouvertes.platform.mail.MailSender;

import static org.assertj.core.api.Assertions.assertThat;

import fr.usinesouvertes.events.config.EventsSettings;
import fr.usinesouvertes.events.i18n.Lang;
import fr.usinesouvertes.platform.PlatformLauncher;
import fr.usinesouvertes.platform.config.SettingDefinition;
import fr.usinesouvertes.platform.config.SettingsLoader;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutboxMailSenderTest {

    @TempDir
    Path data;

    private MailSender senderFromDefaultSettings() {
        List<SettingDefinition<?>> declared = new ArrayList<>(PlatformLauncher.platformSettings());
        declared.addAll(EventsSettings.all());
        return MailSenders.fromSettings(new SettingsLoader(declared).parse(Map.of("data", data.toString())), MailFixtures.CLOCK);
    }

    @Test
    void withoutSmtpHostEachMessageIsAParsableEmlFileInTheOutbox() throws Exception {
        MailSender sender = senderFromDefaultSettings();
        assertThat(sender).isInstanceOf(OutboxMailSender.class);

        sender.send(MailFixtures.composer().compose(MailFixtures.mail(MailKind.CONFIRMATION, Lang.FR)));
        sender.send(MailFixtures.composer().compose(MailFixtures.mail(MailKind.WAITING_LIST, Lang.EN)));

        List<Path> files;
        try (Stream<Path> listing = Files.list(data.resolve("outbox"))) {
            files = listing.sorted().toList();
        }
        assertThat(files).hasSize(2).allMatch(file -> file.getFileName().toString().endsWith(".eml"));
        MimeMessage confirmation = null;
        for (Path file : files) {
            try (InputStream in = Files.newInputStream(file)) {
                MimeMessage message = new MimeMessage(Session.getInstance(new Properties()), in);
                if (message.getSubject().startsWith("Inscription confirmée")) {
                    confirmation = message;
                }
            }
        }
        assertThat(confirmation).isNotNull();
        assertThat(confirmation.getFrom()[0].toString()).contains("ne-pas-repondre@journees-usines-ouvertes.fr");
        SmtpMailSenderTest.assertMessageParts(confirmation);
    }
}
