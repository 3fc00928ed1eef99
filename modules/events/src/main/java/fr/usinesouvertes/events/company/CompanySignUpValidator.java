package fr.usinesouvertes.events.company;

import fr.usinesouvertes.events.i18n.Lang;

import fr.usinesouvertes.events.registration.EmailAddresses;
import fr.usinesouvertes.events.registration.FieldError;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Checks the company sign-up form field by field: company name, optional SIRET (Luhn), contact name,
 * e-mail, region, password rules, consent, and the hidden honeypot field that only robots fill in.
 */
public final class CompanySignUpValidator {

    public static final String HONEYPOT = "website";
    /** The addresses the platform's accounts take as logins. */
    private static final String LOGIN = "[a-z0-9._%+-]+@[a-z0-9-]+(\\.[a-z0-9-]+)*\\.[a-z]{2,}";

    /** The validated form, or the errors next to their fields. */
    public record Result(CompanySignUpForm form, List<FieldError> errors) {

        public boolean valid() {
            return errors.isEmpty();
        }
    }

    private CompanySignUpValidator() {
    }

    public static Result validate(Map<String, String> values, char[] password, Lang lang) {
        FormInput input = new FormInput(values, lang);
        String companyName = input.text("companyName", true, 120);
        String siretText = input.text("siret", false, 20);
        String siret = null;
        if (siretText != null) {
            siret = Siret.digits(siretText);
            if (siret == null || !Siret.isValid(siret)) {
                input.error("siret", "signupError.siret");
                siret = null;
            }
        }
        String contactName = input.text("contactName", true, 120);
        String emailText = input.text("email", true, EmailAddresses.MAX_LENGTH);
        String email = null;
        if (emailText != null) {
            email = EmailAddresses.normalise(emailText).map(e -> e.toLowerCase(Locale.ROOT))
                    .filter(e -> e.matches(LOGIN)).orElse(null);
            if (email == null) {
                input.error("email", "formError.email");
            }
        }
        String regionText = input.text("region", true, 60);
        String region = regionText == null ? null : FrenchRegions.canonical(regionText).orElse(null);
        if (regionText != null && region == null) {
            input.error("region", "signupError.region");
        }
        PasswordRules.problem(password, email).ifPresent(problem -> input.error("password", problem));
        if (!input.checked("consent")) {
            input.error("consent", "signupError.consent");
        }
        if (input.present(HONEYPOT)) {
            input.error(HONEYPOT, "formError.honeypot");
        }
        List<FieldError> errors = input.errors();
        return new Result(errors.isEmpty() ? new CompanySignUpForm(companyName, siret, contactName, email, region) : null,
                errors);
    }
}
