package fr.usinesouvertes.events.mail;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a company wrote to the confirmed registrants of one of its slots (the company space's "Écrire aux inscrits de
 * ce créneau"), carried by each registrant's queue entry ({@link MailKind#COMPANY_MESSAGE}) in its details, since
 * the e-mail is composed when it is sent.
 *
 * @param company the company's name, as the registrant knows it
 * @param subject the company's subject line
 * @param text    the company's text, plain (line breaks kept)
 */
public record CompanyMessage(String company, String subject, String text) {

    public CompanyMessage {
        Objects.requireNonNull(company, "company");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(text, "text");
    }

    /** The queue entry's details holding it. */
    public Map<String, String> toDetails() {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("company", company);
        details.put("subject", subject);
        details.put("text", text);
        return details;
    }

    /** @throws IllegalArgumentException when the details do not hold a message (a damaged entry: not worth retrying) */
    public static CompanyMessage fromDetails(Map<String, String> details) {
        if (!details.containsKey("subject") || !details.containsKey("text")) {
            throw new IllegalArgumentException("The queue entry holds no company message");
        }
        return new CompanyMessage(details.getOrDefault("company", ""), details.get("subject"), details.get("text"));
    }
}
