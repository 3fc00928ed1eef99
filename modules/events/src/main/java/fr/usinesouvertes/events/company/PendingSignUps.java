package fr.usinesouvertes.events.company;

import fr.usinesouvertes.events.i18n.Lang;
import fr.usinesouvertes.platform.repository.ContentRepository;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.GregorianCalendar;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import javax.jcr.Node;

/**
 * Sign-ups waiting for their e-mail verification, in the private {@value #WORKSPACE} workspace.
 *
 * <p>The verification link carries a random 256-bit key that exists nowhere else: the repository keeps
 * only its SHA-256 and the chosen password encrypted with it (AES-GCM), so neither the repository nor a
 * backup reveals the password, and only the link's holder can complete the sign-up. The link works once
 * (the pending node is removed) and for {@link #VALIDITY}.
 */
public final class PendingSignUps {

    public static final String WORKSPACE = "company-signups";
    static final Duration VALIDITY = Duration.ofHours(48);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

    private final ContentRepository repository;
    private final Clock clock;

    public PendingSignUps(ContentRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
        repository.write(session -> {
            repository.workspaces().ensureRoots(session, List.of(WORKSPACE));
            return null;
        });
    }

    /** A verified sign-up with the password to give the new account. */
    public record Verified(CompanySignUpForm form, Lang lang, char[] password) {
    }

    /** Stores the sign-up and returns the token of its verification link. */
    public String add(CompanySignUpForm form, char[] password, Lang lang) {
        byte[] key = random(32);
        byte[] iv = random(12);
        String id = HexFormat.of().formatHex(random(16));
        byte[] cipher = encrypt(key, iv, password);
        repository.write(session -> {
            Node node = session.getNode("/" + WORKSPACE).addNode(id, "mgnl:content");
            node.setProperty("companyName", form.companyName());
            if (form.siret() != null) {
                node.setProperty("siret", form.siret());
            }
            node.setProperty("contactName", form.contactName());
            node.setProperty("email", form.email());
            node.setProperty("region", form.region());
            node.setProperty("lang", lang.code());
            node.setProperty("keyHash", HexFormat.of().formatHex(sha256(key)));
            node.setProperty("passwordIv", Base64.getEncoder().encodeToString(iv));
            node.setProperty("passwordCipher", Base64.getEncoder().encodeToString(cipher));
            node.setProperty("expires", calendar(clock.instant().plus(VALIDITY)));
            return null;
        });
        return id + "." + URL.encodeToString(key);
    }

    /**
     * The sign-up of a token; empty when the token is malformed, unknown, already used, or expired (an
     * expired one is removed). {@link #consume} removes it once the account exists.
     */
    public Optional<Verified> open(String token) {
        if (token == null || !token.matches("[0-9a-f]{32}\\.[A-Za-z0-9_-]{43}")) {
            return Optional.empty();
        }
        String id = token.substring(0, 32);
        byte[] key = Base64.getUrlDecoder().decode(token.substring(33));
        return repository.write(session -> {
            String path = "/" + WORKSPACE + "/" + id;
            if (!session.nodeExists(path)) {
                return Optional.<Verified>empty();
            }
            Node node = session.getNode(path);
            byte[] expected = HexFormat.of().parseHex(node.getProperty("keyHash").getString());
            if (!MessageDigest.isEqual(expected, sha256(key))) {
                return Optional.<Verified>empty();
            }
            boolean expired = node.getProperty("expires").getDate().toInstant().isBefore(clock.instant());
            char[] password = expired ? null : decrypt(key, Base64.getDecoder().decode(node.getProperty("passwordIv").getString()),
                    Base64.getDecoder().decode(node.getProperty("passwordCipher").getString()));
            CompanySignUpForm form = new CompanySignUpForm(node.getProperty("companyName").getString(),
                    node.hasProperty("siret") ? node.getProperty("siret").getString() : null,
                    node.getProperty("contactName").getString(), node.getProperty("email").getString(),
                    node.getProperty("region").getString());
            Lang lang = Lang.fromCode(node.getProperty("lang").getString());
            if (expired) {
                node.remove();
            }
            return expired ? Optional.<Verified>empty() : Optional.of(new Verified(form, lang, password));
        });
    }

    /** Removes the pending sign-up of a token once its company and account exist: the link works once. */
    public void consume(String token) {
        String id = token.substring(0, 32);
        repository.write(session -> {
            String path = "/" + WORKSPACE + "/" + id;
            if (session.nodeExists(path)) {
                session.getNode(path).remove();
            }
            return null;
        });
    }

    private static byte[] encrypt(byte[] key, byte[] iv, char[] password) {
        ByteBuffer bytes = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
        byte[] plain = Arrays.copyOf(bytes.array(), bytes.limit());
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, iv));
            return cipher.doFinal(plain);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every Java runtime", e);
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
    }

    private static char[] decrypt(byte[] key, byte[] iv, byte[] cipherText) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, iv));
            byte[] plain = cipher.doFinal(cipherText);
            CharBuffer chars = StandardCharsets.UTF_8.decode(ByteBuffer.wrap(plain));
            Arrays.fill(plain, (byte) 0);
            return Arrays.copyOf(chars.array(), chars.limit());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The pending sign-up's password cannot be decrypted", e);
        }
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static byte[] random(int length) {
        byte[] bytes = new byte[length];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    /** The instant stamped in the clock's zone (the site's, for the platform's clock) rather than the server's default. */
    private GregorianCalendar calendar(Instant instant) {
        return GregorianCalendar.from(instant.atZone(clock.getZone()));
    }
}
