package fr.usinesouvertes.events.registration;

import fr.usinesouvertes.events.config.EventsConfig;
import fr.usinesouvertes.events.registration.InvalidLinkException.Reason;
import fr.usinesouvertes.platform.security.Hmac;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;

/**
 * Signs and checks the tokens of "view or cancel my registration" links: the registration id and an
 * expiry, with an HMAC-SHA256 over both, so a link cannot be altered or reused after it expires.
 *
 * <p>Token: {@code base64url(registrationId) "." expiryEpochSeconds "." base64url(hmac)}; the MAC covers a
 * version prefix too, so a future format cannot be confused with this one. Safe in URLs without escaping.
 */
public final class RegistrationLinks {

    private static final String VERSION = "v1";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final Hmac hmac;
    private final Clock clock;

    public RegistrationLinks(byte[] secret, Clock clock) {
        if (secret.length < 32) {
            throw new IllegalArgumentException("The link secret must hold at least 32 bytes");
        }
        this.hmac = new Hmac(secret.clone());
        this.clock = clock;
    }

    /** Links signed with the secret of the settings (see {@link LinkSecret}). */
    public static RegistrationLinks from(EventsConfig config, Clock clock) {
        return new RegistrationLinks(LinkSecret.resolve(config), clock);
    }

    public String sign(String registrationId, Instant expiresAt) {
        String payload = ENCODER.encodeToString(registrationId.getBytes(StandardCharsets.UTF_8)) + "." + expiresAt.getEpochSecond();
        return payload + "." + hmac.sign(VERSION + "." + payload);
    }

    /**
     * The registration id the token was signed for.
     *
     * @throws InvalidLinkException when the token is malformed, altered or expired
     */
    public String verify(String token) {
        if (token == null || token.length() > 512) {
            throw new InvalidLinkException(Reason.MALFORMED);
        }
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            throw new InvalidLinkException(Reason.MALFORMED);
        }
        long expiry;
        String registrationId;
        try {
            DECODER.decode(parts[2]); // a signature that is not even Base64 makes the token malformed
            expiry = Long.parseLong(parts[1]);
            registrationId = new String(DECODER.decode(parts[0]), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new InvalidLinkException(Reason.MALFORMED);
        }
        // Hmac compares in constant time: timing must not reveal how much of a forged MAC was right.
        if (!hmac.verify(VERSION + "." + parts[0] + "." + parts[1], parts[2])) {
            throw new InvalidLinkException(Reason.BAD_SIGNATURE);
        }
        if (!clock.instant().isBefore(Instant.ofEpochSecond(expiry))) {
            throw new InvalidLinkException(Reason.EXPIRED);
        }
        return registrationId;
    }
}
