package fr.usinesouvertes.events.company;

import fr.usinesouvertes.events.edition.Audience;
import fr.usinesouvertes.events.edition.Edition;
import fr.usinesouvertes.events.edition.EditionStore;
import fr.usinesouvertes.events.edition.RegistrationWindow;
import fr.usinesouvertes.events.edition.WindowDecision;
import fr.usinesouvertes.events.i18n.Lang;
import fr.usinesouvertes.events.i18n.Messages;
import fr.usinesouvertes.events.mail.CompanyMails;
import fr.usinesouvertes.events.registration.RateLimiter;
import fr.usinesouvertes.platform.mail.MailSender;
import fr.usinesouvertes.platform.repository.ContentRepository;
import java.time.Clock;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Company self-service sign-up: rate limit → form and honeypot → the edition's company sign-up window
 * (regional deadlines included, platform clock) → pending sign-up and e-mailed verification link; the
 * link then creates the company node, the COMPANY account linked to it, and the ACL giving the
 * company's group its node.
 */
public final class CompanySignUp {

    /** Where the verification pages are served, after the site's address (and {@code /en} in English). */
    public static final String VERIFICATION_PATH = "/espace-entreprise/verification/";
    private static final Logger LOG = LoggerFactory.getLogger(CompanySignUp.class);

    private final ContentRepository repository;
    private final EditionStore editions;
    private final RegistrationWindow window;
    private final RateLimiter limiter;
    private final PendingSignUps pending;
    private final MailSender mail;
    private final CompanyAccountPort accounts;
    private final CompanyGrants grants;
    private final Clock clock;
    private final java.time.ZoneId zone;

    /** @param zone the site's time zone, in which the editions' days and sign-up windows are read */
    public CompanySignUp(ContentRepository repository, RateLimiter limiter, MailSender mail, CompanyAccountPort accounts,
                         CompanyGrants grants, Clock clock, java.time.ZoneId zone) {
        this.repository = repository;
        this.zone = zone;
        this.editions = new EditionStore(repository, zone);
        this.window = new RegistrationWindow(clock, zone);
        this.limiter = limiter;
        this.pending = new PendingSignUps(repository, clock);
        this.mail = mail;
        this.accounts = accounts;
        this.grants = grants;
        this.clock = clock;
    }

    /**
     * Checks a submitted form and, when it passes, mails the verification link.
     *
     * @param baseUrl the site's address, e.g. {@code https://journees-usines-ouvertes.fr}, for the link
     */
    public SignUpOutcome submit(Map<String, String> values, char[] password, Lang lang, String client, String baseUrl) {
        try {
            if (!limiter.tryAcquire(client)) {
                return new SignUpOutcome.RateLimited(Math.max(1, limiter.secondsUntilNext(client)));
            }
            CompanySignUpValidator.Result result = CompanySignUpValidator.validate(values, password, lang);
            if (!result.valid()) {
                return new SignUpOutcome.Invalid(result.errors());
            }
            CompanySignUpForm form = result.form();
            Optional<String> closed = closedReason(form.region(), lang);
            if (closed.isPresent()) {
                return new SignUpOutcome.Refused(closed.get());
            }
            String token = pending.add(form, password, lang);
            String link = stripSlash(baseUrl) + (lang == Lang.EN ? "/en" : "") + VERIFICATION_PATH + token;
            mail.send(CompanyMails.verification(form.email(), form.contactName(), form.companyName(), link, lang));
            return new SignUpOutcome.Sent(form.email());
        } finally {
            if (password != null) {
                Arrays.fill(password, '\0');
            }
        }
    }

    /** Why company sign-up is closed now in this region, or empty when it is open. */
    public Optional<String> closedReason(String region, Lang lang) {
        Optional<Edition> edition = CurrentEdition.of(editions, clock, zone);
        if (edition.isEmpty()) {
            return Optional.of(Messages.of(Messages.COMPANY, lang).text("signupError.noEdition"));
        }
        WindowDecision decision = window.signUp(edition.get(), region, Audience.COMPANY);
        return decision.open() ? Optional.empty() : Optional.of(decision.message().in(lang));
    }

    /** Completes the sign-up of a verification link: company node, account, ACL; the link then stops working. */
    public VerificationOutcome verify(String token) {
        Optional<PendingSignUps.Verified> found = pending.open(token);
        if (found.isEmpty()) {
            return new VerificationOutcome.InvalidLink();
        }
        PendingSignUps.Verified verified = found.get();
        CompanySignUpForm form = verified.form();
        try {
            if (accounts.exists(form.email())) {
                pending.consume(token);
                return new VerificationOutcome.AlreadyRegistered(form.email());
            }
            String company = repository.write(session -> {
                String slug = CompanyNodes.create(session, form, clock);
                grants.grant(session, slug, CompanyNodes.ROOT + "/" + slug);
                return slug;
            });
            try {
                accounts.createCompanyUser(form.email(), form.contactName(), verified.password(), company);
            } catch (RuntimeException e) {
                removeCompany(company); // nothing half-written: no company without its account
                throw e;
            }
            pending.consume(token);
            LOG.info("Company {} signed up", company);
            return new VerificationOutcome.Created(company, form.email());
        } finally {
            Arrays.fill(verified.password(), '\0');
        }
    }

    private void removeCompany(String company) {
        repository.write(session -> {
            session.getNode(CompanyNodes.ROOT + "/" + company).remove();
            return null;
        });
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
