package fr.usinesouvertes.events.web;

import fr.usinesouvertes.events.config.EventsConfig;
import fr.usinesouvertes.events.registration.InvalidLinkException;
import fr.usinesouvertes.events.registration.LinkSecret;
import fr.usinesouvertes.events.registration.RegistrationLinks;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Stateless CSRF tokens for the HTML forms: an HMAC-signed "this form, for this target" valid a few
 * hours, so a page on another site cannot post a registration or a cancellation in a visitor's name.
 * Signed with a key derived from the link secret, so a token can never pass for a registration link.
 */
public final class FormTokens {

    private static final Duration VALIDITY = Duration.ofHours(6);

    private final RegistrationLinks signer;
    private final Clock clock;

    FormTokens(byte[] linkSecret, Clock clock) {
        this.signer = new RegistrationLinks(derive(linkSecret), clock);
        this.clock = clock;
    }

    public static FormTokens from(EventsConfig config, Clock clock) {
        return new FormTokens(LinkSecret.resolve(config), clock);
    }

    /** A token for a form acting on {@code target} (a slot and form, or a registration link). */
    public String issue(String target) {
        return signer.sign("form:" + target, clock.instant().plus(VALIDITY));
    }

    public boolean accepts(String token, String target) {
        try {
            return token != null && signer.verify(token).equals("form:" + target);
        } catch (InvalidLinkException e) {
            return false;
        }
    }

    private static byte[] derive(byte[] secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal("usines-ouvertes form tokens v1".getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
