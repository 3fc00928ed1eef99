package fr.usinesouvertes.platform.security;

import fr.usinesouvertes.platform.config.Settings;
import fr.usinesouvertes.platform.repository.ContentRepository;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import javax.jcr.Node;

/**
 * The key signing session cookies and CSRF tokens, the same on every node: the {@code session-secret}
 * setting, else 32 random bytes generated at the first start and kept at {@link #PATH}, which only the
 * system session may read (see {@link RepositoryAccess}).
 */
final class SessionSecret {

    static final String FOLDER = "/config/security";
    static final String PATH = FOLDER + "/session-secret";

    private SessionSecret() {
    }

    static byte[] load(Settings settings, ContentRepository repository) {
        String configured = settings.get(SecuritySettings.SESSION_SECRET);
        if (configured != null) {
            return configured.getBytes(StandardCharsets.UTF_8);
        }
        String stored = repository.write(session -> {
            Node folder = RepositoryAccess.ensureFolder(session, FOLDER);
            if (folder.hasNode("session-secret")) {
                return folder.getNode("session-secret").getProperty("secret").getString();
            }
            byte[] bytes = new byte[32];
            new SecureRandom().nextBytes(bytes);
            String secret = Base64.getEncoder().encodeToString(bytes);
            folder.addNode("session-secret", "nt:unstructured").setProperty("secret", secret);
            return secret;
        });
        return Base64.getDecoder().decode(stored);
    }
}
