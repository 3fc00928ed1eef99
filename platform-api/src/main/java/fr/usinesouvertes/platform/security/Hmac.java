package fr.usinesouvertes.platform.security;

import fr.usinesouvertes.platform.annotation.PluginApi;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 signatures in URL-safe Base64 without padding, compared in constant time: session cookies, form
 * tokens, and modules' signed links.
 */
@PluginApi
public final class Hmac {

    private final SecretKeySpec key;
    /** One initialised Mac per thread: looking the algorithm up and keying it cost more than signing. */
    private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::newMac);

    public Hmac(byte[] secret) {
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    public String sign(String text) {
        // doFinal resets the Mac to its key, ready for the next message
        byte[] signature = macs.get().doFinal(text.getBytes(StandardCharsets.UTF_8));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
        }
    }

    /** Whether {@code signature} is this key's signature of {@code text}. */
    public boolean verify(String text, String signature) {
        if (signature == null) {
            return false;
        }
        return MessageDigest.isEqual(sign(text).getBytes(StandardCharsets.US_ASCII),
                signature.getBytes(StandardCharsets.US_ASCII));
    }
}
