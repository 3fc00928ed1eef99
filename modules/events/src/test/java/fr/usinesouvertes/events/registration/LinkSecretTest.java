package fr.usinesouvertes.events.registration;

import fr.usinesouvertes.events.config.EventsConfig;
import fr.usinesouvertes.platform.PlatformLauncher;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.usinesouvertes.events.config.EventsSettings;
import fr.usinesouvertes.platform.config.Settings;
import fr.usinesouvertes.platform.config.SettingsException;
import fr.usinesouvertes.platform.config.SettingsLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LinkSecretTest {

    @TempDir
    Path data;

    private static Settings settings(Map<String, String> raw) {
        List<fr.usinesouvertes.platform.config.SettingDefinition<?>> declared = new ArrayList<>(PlatformLauncher.platformSettings());
        declared.addAll(EventsSettings.all());
        return new SettingsLoader(declared).parse(raw);
    }

    @Test
    void withoutSettingASecretIsGeneratedOnceInTheDataFolder() throws Exception {
        Settings settings = settings(Map.of("data", data.toString()));

        byte[] first = LinkSecret.resolve(EventsConfig.from(settings));
        byte[] second = LinkSecret.resolve(EventsConfig.from(settings));

        assertThat(first).hasSize(32).isEqualTo(second);
        Path file = data.resolve("secrets/registration-link-secret");
        assertThat(file).exists();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        Path otherData = Files.createTempDirectory(data, "other");
        assertThat(LinkSecret.fromDataFolder(otherData)).isNotEqualTo(first);
    }

    @Test
    void theSettingWinsOverTheDataFolder() {
        String secret = "0123456789abcdef0123456789abcdef-cluster";
        Settings settings = settings(Map.of("data", data.toString(), "registration-link-secret", secret));

        assertThat(LinkSecret.resolve(EventsConfig.from(settings))).isEqualTo(secret.getBytes(StandardCharsets.UTF_8));
        assertThat(data.resolve("secrets")).doesNotExist();
    }

    @Test
    void aShortConfiguredSecretStopsStartUp() {
        assertThatThrownBy(() -> settings(Map.of("registration-link-secret", "too short")))
                .isInstanceOf(SettingsException.class).hasMessageContaining("registration-link-secret");
    }
}
