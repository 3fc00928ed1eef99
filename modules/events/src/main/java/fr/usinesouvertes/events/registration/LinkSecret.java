package fr.usinesouvertes.events.registration;

import fr.usinesouvertes.events.config.EventsConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Finds the secret that signs registration links: the {@code registration-link-secret} setting when
 * given (a cluster shares it), else a random one generated on first start and kept in
 * {@code DATA/secrets/registration-link-secret}, so links stay valid across restarts.
 */
public final class LinkSecret {

    static final String FILE = "registration-link-secret";

    private LinkSecret() {
    }

    public static byte[] resolve(EventsConfig config) {
        if (config.linkSecret() != null) {
            return config.linkSecret().getBytes(StandardCharsets.UTF_8);
        }
        return fromDataFolder(config.dataFolder());
    }

    /** The secret kept in the data folder, created (readable by its owner only) when missing. */
    public static byte[] fromDataFolder(Path data) {
        Path file = data.resolve("secrets").resolve(FILE);
        try {
            if (!Files.exists(file)) {
                create(file);
            }
            byte[] secret = Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).strip());
            if (secret.length < 32) {
                throw new IllegalStateException(file + " holds fewer than 32 bytes; delete it to generate a new secret");
            }
            return secret;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create " + file, e);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(file + " is not base64; delete it to generate a new secret", e);
        }
    }

    private static void create(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        Path temporary = Files.createTempFile(file.getParent(), FILE, ".tmp");
        try {
            if (temporary.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
            }
            Files.writeString(temporary, Base64.getEncoder().encodeToString(secret), StandardCharsets.US_ASCII,
                    StandardOpenOption.TRUNCATE_EXISTING);
            // Two processes starting together: the first move wins and both read the same secret.
            Files.move(temporary, file);
        } catch (FileAlreadyExistsException e) {
            Files.deleteIfExists(temporary);
        }
    }
}
