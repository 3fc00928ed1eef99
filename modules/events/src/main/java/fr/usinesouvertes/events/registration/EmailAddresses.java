package fr.usinesouvertes.events.registration;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.Optional;

/** Tells a deliverable-looking e-mail address from typing mistakes, with Angus Mail's strict RFC 822 parser. */
public final class EmailAddresses {

    /** RFC 5321's limit on a forward path. */
    public static final int MAX_LENGTH = 254;

    private EmailAddresses() {
    }

    /**
     * The address, lower-cased in its domain, when it is a bare address ({@code a@b.fr}, no display name,
     * no comment) whose domain has at least one dot; empty otherwise.
     */
    public static Optional<String> normalise(String text) {
        if (text == null || text.length() > MAX_LENGTH || text.chars().anyMatch(c -> c <= ' ' || c >= 0x7f)) {
            return Optional.empty();
        }
        try {
            InternetAddress address = new InternetAddress(text, true);
            address.validate();
            String parsed = address.getAddress();
            int at = parsed.lastIndexOf('@');
            if (address.getPersonal() != null || !parsed.equals(text) || at < 1) {
                return Optional.empty();
            }
            String domain = parsed.substring(at + 1);
            if (!domain.matches("(?i)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}")) {
                return Optional.empty();
            }
            return Optional.of(parsed.substring(0, at + 1) + domain.toLowerCase(java.util.Locale.ROOT));
        } catch (AddressException e) {
            return Optional.empty();
        }
    }
}
