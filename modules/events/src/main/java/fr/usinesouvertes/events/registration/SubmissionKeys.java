package fr.usinesouvertes.events.registration;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The key that makes a double submit book once: the same person asking the same seats on the same
 * slot for the same audience gives the same key (SHA-256 of those, the e-mail address lower-cased).
 */
public final class SubmissionKeys {

    private SubmissionKeys() {
    }

    public static String of(RegistrationForm form) {
        String text = form.slot() + '\n' + form.audience().id() + '\n'
                + form.contactEmail().strip().toLowerCase(Locale.ROOT) + '\n' + form.seats();
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
