package fr.usinesouvertes.events.company;

import static org.assertj.core.api.Assertions.assertThat;

import fr.usinesouvertes.events.EventsModule;
import fr.usinesouvertes.events.i18n.Lang;
import fr.usinesouvertes.events.registration.FieldError;
import fr.usinesouvertes.events.registration.RateLimiter;
import fr.usinesouvertes.platform.mail.OutgoingMail;
import fr.usinesouvertes.platform.repository.ContentRepository;
import fr.usinesouvertes.platform.security.Accounts;
import fr.usinesouvertes.platform.testing.PlatformExtension;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Company sign-up as a service: windows and regional deadlines, single-use expiring links, nothing stored on refusal. */
class CompanySignUpTest {

    @RegisterExtension
    static final PlatformExtension PLATFORM = PlatformExtension.withLightModules(Path.of("target/no-light-modules"))
            .inMemory().modules(new EventsModule());

    private static final Pattern TOKEN = Pattern.compile("/verification/([A-Za-z0-9._-]+)");
    private final List<OutgoingMail> mails = new CopyOnWriteArrayList<>();

    private CompanySignUp signUp(Clock clock, int perMinute) {
        ContentRepository repository = PLATFORM.platform().repository();
        Accounts accounts = PLATFORM.platform().accounts();
        return new CompanySignUp(repository, new RateLimiter(perMinute, 1000, clock), mails::add,
                new PlatformCompanyAccounts(accounts), CompanyGrants.PLATFORM, clock, EventSheetsTest.PARIS);
    }

    private static Map<String, String> form(String email, String region) {
        Map<String, String> values = CompanySignUpValidatorTest.valid();
        values.put("email", email);
        values.put("region", region);
        values.put("companyName", "Atelier " + email.substring(0, email.indexOf('@')));
        return values;
    }

    private String token() {
        Matcher matcher = TOKEN.matcher(mails.get(mails.size() - 1).text());
        assertThat(matcher.find()).isTrue();
        return matcher.group(1);
    }

    @Test
    void theRegionalDeadlineClosesIleDeFranceButNotTheOtherRegions() {
        Clock march10 = Clock.fixed(Instant.parse("2026-03-10T09:00:00Z"), ZoneId.of("Europe/Paris"));
        CompanySignUp signUp = signUp(march10, 0);

        SignUpOutcome paris = signUp.submit(form("paris@atelier.example.fr", "Île-de-France"),
                "Forge-Ardente-2026".toCharArray(), Lang.FR, "10.0.0.1", "https://journees.example.fr");
        SignUpOutcome lille = signUp.submit(form("lille@atelier.example.fr", "Hauts-de-France"),
                "Forge-Ardente-2026".toCharArray(), Lang.FR, "10.0.0.1", "https://journees.example.fr");

        assertThat(paris).isInstanceOf(SignUpOutcome.Refused.class);
        assertThat(((SignUpOutcome.Refused) paris).message()).contains("en Île-de-France", "5 mars 2026");
        assertThat(lille).isEqualTo(new SignUpOutcome.Sent("lille@atelier.example.fr"));
        assertThat(mails).extracting(OutgoingMail::to).containsExactly("lille@atelier.example.fr");
    }

    @Test
    void beforeTheCompanyWindowOpensNothingIsSent() {
        Clock august = Clock.fixed(Instant.parse("2025-08-01T09:00:00Z"), ZoneId.of("Europe/Paris"));
        SignUpOutcome outcome = signUp(august, 0).submit(form("tot@atelier.example.fr", "Bretagne"),
                "Forge-Ardente-2026".toCharArray(), Lang.EN, "10.0.0.2", "https://journees.example.fr");

        assertThat(outcome).isInstanceOf(SignUpOutcome.Refused.class);
        assertThat(((SignUpOutcome.Refused) outcome).message()).contains("opens on", "2025");
        assertThat(mails).isEmpty();
    }

    @Test
    void theLinkCreatesTheAccountOnceAndTheVerifiedPasswordLogsIn() {
        CompanySignUp signUp = signUp(Clock.fixed(Instant.parse("2025-10-01T09:00:00Z"), ZoneId.of("Europe/Paris")), 0);
        signUp.submit(form("once@atelier.example.fr", "Bretagne"), "Forge-Ardente-2026".toCharArray(), Lang.EN, "10.0.0.3",
                "https://journees.example.fr/");
        assertThat(mails.get(0).text()).contains("https://journees.example.fr/en/espace-entreprise/verification/");
        String token = token();
        boolean passwordStored = PLATFORM.platform().repository().read(session ->
                session.getNode("/" + PendingSignUps.WORKSPACE).getNodes().nextNode().getProperty("passwordCipher").getString()
                        .contains("Forge"));
        assertThat(passwordStored).isFalse();

        VerificationOutcome created = signUp.verify(token);
        VerificationOutcome again = signUp.verify(token);
        VerificationOutcome tampered = signUp.verify(token.substring(0, token.length() - 2) + "AA");

        assertThat(created).isEqualTo(new VerificationOutcome.Created("atelier-once", "once@atelier.example.fr"));
        assertThat(again).isEqualTo(new VerificationOutcome.InvalidLink());
        assertThat(tampered).isEqualTo(new VerificationOutcome.InvalidLink());
        assertThat(PLATFORM.platform().accounts().authenticate("once@atelier.example.fr", "Forge-Ardente-2026".toCharArray()))
                .hasValueSatisfying(account -> assertThat(account.company()).isEqualTo("atelier-once"));
        boolean visible = PLATFORM.platform().repository().readAs(
                "once@atelier.example.fr",
                session -> session.nodeExists("/companies/atelier-once"));
        assertThat(visible).isTrue();
    }

    @Test
    void anExpiredLinkCreatesNothing() {
        Instant start = Instant.parse("2025-10-01T09:00:00Z");
        signUp(Clock.fixed(start, ZoneId.of("Europe/Paris")), 0).submit(form("late@atelier.example.fr", "Bretagne"),
                "Forge-Ardente-2026".toCharArray(), Lang.FR, "10.0.0.4", "https://journees.example.fr");

        VerificationOutcome outcome = signUp(Clock.fixed(start.plus(Duration.ofHours(49)), ZoneId.of("Europe/Paris")), 0)
                .verify(token());

        assertThat(outcome).isEqualTo(new VerificationOutcome.InvalidLink());
        assertThat(PLATFORM.platform().accounts().find("late@atelier.example.fr")).isEmpty();
    }

    @Test
    void robotsAndBurstsAreTurnedAway() {
        CompanySignUp signUp = signUp(Clock.fixed(Instant.parse("2025-10-01T09:00:00Z"), ZoneId.of("Europe/Paris")), 2);
        Map<String, String> robot = form("robot@atelier.example.fr", "Bretagne");
        robot.put(CompanySignUpValidator.HONEYPOT, "https://spam.example");

        SignUpOutcome honeypot = signUp.submit(robot, "Forge-Ardente-2026".toCharArray(), Lang.FR, "10.0.0.9", "https://x.example");
        signUp.submit(form("b1@atelier.example.fr", "Bretagne"), "Forge-Ardente-2026".toCharArray(), Lang.FR, "10.0.0.9", "https://x.example");
        SignUpOutcome third = signUp.submit(form("b2@atelier.example.fr", "Bretagne"), "Forge-Ardente-2026".toCharArray(), Lang.FR,
                "10.0.0.9", "https://x.example");

        assertThat(((SignUpOutcome.Invalid) honeypot).errors()).extracting(FieldError::field).containsExactly("website");
        assertThat(third).isInstanceOf(SignUpOutcome.RateLimited.class);
        assertThat(mails).extracting(OutgoingMail::to).containsExactly("b1@atelier.example.fr");
    }
}
