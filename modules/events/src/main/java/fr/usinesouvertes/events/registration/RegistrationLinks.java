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
 *
 * <p>The prefix also names the link's purpose: the manage links sign {@code v1}, the tickets
 * ({@link #TICKET_PURPOSE}) their own, so a ticket's token (printed, shown at the gate) never opens the page that
 * changes or cancels the registration, nor the other way round.
 */
public final class RegistrationLinks {

    /** The purpose of the view/change/cancel links (the version prefix their first format signed). */
    public static final String MANAGE_PURPOSE = "v1";
    /** The purpose of the tickets' links ({@code /billet/<token>}). */
    public static final String TICKET_PURPOSE = "ticket-v1";
    /** The purpose of the after-visit survey's links ({@code /enquete/<token>}). */
    public static final String SURVEY_PURPOSE = "survey-v1";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final Hmac hmac;
    private final Clock clock;
    private final String purpose;

    /** Links to view, change or cancel a registration. */
    public RegistrationLinks(byte[] secret, Clock clock) {
        this(secret, clock, MANAGE_PURPOSE);
    }

    /** @param purpose signed with every token: a token verifies only with links of the same purpose */
    public RegistrationLinks(byte[] secret, Clock clock, String purpose) {
        this.purpose = java.util.Objects.requireNonNull(purpose, "purpose");
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

    /** Ticket links signed with the secret of the settings, for {@link #TICKET_PURPOSE}. */
    public static RegistrationLinks forTickets(EventsConfig config, Clock clock) {
        return new RegistrationLinks(LinkSecret.resolve(config), clock, TICKET_PURPOSE);
    }

    /** Survey links signed with the secret of the settings, for {@link #SURVEY_PURPOSE}. */
    public static RegistrationLinks forSurveys(EventsConfig config, Clock clock) {
        return new RegistrationLinks(LinkSecret.resolve(config), clock, SURVEY_PURPOSE);
    }

    public String sign(String registrationId, Instant expiresAt) {
        String payload = ENCODER.encodeToString(registrationId.getBytes(StandardCharsets.UTF_8)) + "." + expiresAt.getEpochSecond();
        return payload + "." + hmac.sign(purpose + "." + payload);
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
        if (!hmac.verify(purpose + "." + parts[0] + "." + parts[1], parts[2])) {
            throw new InvalidLinkException(Reason.BAD_SIGNATURE);
        }
        if (!clock.instant().isBefore(Instant.ofEpochSecond(expiry))) {
            throw new InvalidLinkException(Reason.EXPIRED);
        }
        return registrationId;
    }
}
