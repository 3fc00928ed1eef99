package fr.usinesouvertes.events;

import fr.usinesouvertes.events.company.VisitCancellations;
import fr.usinesouvertes.events.company.CompanyAppServlet;
import fr.usinesouvertes.events.company.CompanyGrants;
import fr.usinesouvertes.events.company.CompanyRegistrations;
import fr.usinesouvertes.events.company.CompanyResource;
import fr.usinesouvertes.events.company.CompanySignUp;
import fr.usinesouvertes.events.company.CompanySignUpServlet;
import fr.usinesouvertes.events.company.CompanySites;
import fr.usinesouvertes.events.company.EventSheets;
import fr.usinesouvertes.events.company.PlatformCompanyAccounts;
import fr.usinesouvertes.events.company.RecruitmentNeeds;
import fr.usinesouvertes.events.company.SheetChanges;
import fr.usinesouvertes.events.company.SitePhotos;
import fr.usinesouvertes.events.company.SitePhotosServlet;
import fr.usinesouvertes.events.company.SlotMessages;
import fr.usinesouvertes.events.config.EventsConfig;
import fr.usinesouvertes.events.mail.MailQueue;
import fr.usinesouvertes.events.metrics.EventsMetrics;
import fr.usinesouvertes.events.edition.EditionStore;
import fr.usinesouvertes.events.export.RegistrationCsvExport;
import fr.usinesouvertes.events.moderation.ModerationQueue;
import fr.usinesouvertes.events.moderation.ModerationServlet;
import fr.usinesouvertes.events.registration.RateLimiter;
import fr.usinesouvertes.events.registration.SlotDirectory;
import fr.usinesouvertes.events.web.FormTokens;
import fr.usinesouvertes.platform.module.AdminApp;
import fr.usinesouvertes.platform.module.ModuleContext;
import fr.usinesouvertes.platform.repository.ContentRepository;
import fr.usinesouvertes.platform.security.Role;
import java.time.ZoneId;
import java.util.Set;

/**
 * Wires the company self-service and the organisers' moderation into a starting platform: the public
 * sign-up pages ({@code /espace-entreprise/…}) and the back-office apps {@value CompanyAppServlet#NAME}
 * (COMPANY) and {@value ModerationServlet#NAME} (ADMIN).
 */
final class CompanySpace {

    private static final CompanyGrants ACL = CompanyGrants.PLATFORM;

    private CompanySpace() {
    }

    /**
     * @param communes     the table of French communes (a site's commune gives its codes and position)
     * @param mailQueue    the registration e-mails' queue (a cancelled visit's e-mails and alerts go there)
     * @param onMailQueued wakes the mail worker after a commit that queued e-mails
     * @param metrics      the module's meters (registrations cancelled with their visit)
     */
    static void start(ModuleContext context, EventsConfig config, fr.usinesouvertes.events.search.CommunesTable communes,
                      MailQueue mailQueue, Runnable onMailQueued, EventsMetrics metrics) {
        ContentRepository repository = context.repository();
        ZoneId zone = config.zone();
        VisitCancellations cancellations = new VisitCancellations(repository, mailQueue, onMailQueued,
                config.organiserEmail(), context.publicUrl(), context.clock(), zone, metrics);
        CompanySignUp signUp = new CompanySignUp(repository, RateLimiter.from(config, context.clock()),
                context.mail(), new PlatformCompanyAccounts(context.accounts()), ACL, context.clock(), zone);
        CompanySignUpServlet.mount(context, signUp, FormTokens.from(config, context.clock()), context.publicUrl());
        CompanySites sites = new CompanySites(repository, ACL);
        SitePhotos photos = new SitePhotos(repository);
        context.web().servlet(SitePhotosServlet.PATH + "/*", new SitePhotosServlet(photos));
        EventSheets sheets = new EventSheets(repository, ACL, context.clock(), zone);
        CompanyRegistrations registrations = new CompanyRegistrations(
                new SlotDirectory(repository, config.maxGroupSize(), zone),
                new RegistrationCsvExport(repository, zone), zone);
        context.rest().register(new CompanyResource(repository, sites, sheets, registrations));
        context.admin().app(new AdminApp(CompanyAppServlet.NAME, "Espace entreprise", "Company space", Set.of(Role.COMPANY),
                new CompanyAppServlet(repository, sites, sheets, registrations, new RecruitmentNeeds(context.clock(), zone), signUp,
                        photos, communes, cancellations, new SheetChanges(context.clock(), zone),
                        new SlotMessages(repository, registrations, new SlotDirectory(repository, config.maxGroupSize(), zone),
                                mailQueue, onMailQueued, context.publicUrl(), context.clock()))));
        context.admin().app(new AdminApp(fr.usinesouvertes.events.checkin.CheckInServlet.NAME, "Pointage des visites",
                "Visit check-in", Set.of(Role.COMPANY), new fr.usinesouvertes.events.checkin.CheckInServlet(repository,
                new fr.usinesouvertes.events.checkin.Attendance(repository, sites, sheets, registrations,
                        new SlotDirectory(repository, config.maxGroupSize(), zone), context.clock(), zone),
                new fr.usinesouvertes.events.ticket.TicketLinks(
                        fr.usinesouvertes.events.registration.RegistrationLinks.forTickets(config, context.clock())))));
        fr.usinesouvertes.events.survey.results.SurveyResults surveys = new fr.usinesouvertes.events.survey.results.SurveyResults(
                repository, sites, sheets, zone);
        context.admin().app(new AdminApp(fr.usinesouvertes.events.survey.results.CompanySurveyServlet.NAME, "Avis des visiteurs",
                "Visitors' opinions", Set.of(Role.COMPANY), new fr.usinesouvertes.events.survey.results.CompanySurveyServlet(
                repository, surveys, new EditionStore(repository, zone), context.clock(), zone)));
        context.admin().app(new AdminApp(fr.usinesouvertes.events.survey.results.OrganiserSurveyServlet.NAME,
                "Enquêtes de satisfaction", "Satisfaction surveys", Set.of(Role.ADMIN),
                new fr.usinesouvertes.events.survey.results.OrganiserSurveyServlet(surveys, new EditionStore(repository, zone),
                        context.clock(), zone)));
        ModerationQueue queue = new ModerationQueue(repository, ACL, context.mail(), context.publicUrl(), context.clock(), zone);
        fr.usinesouvertes.events.moderation.SheetChangeModeration changes = new fr.usinesouvertes.events.moderation.SheetChangeModeration(
                repository, ACL, mailQueue, onMailQueued, context.mail(), context.publicUrl(), context.clock(), zone);
        context.admin().app(new AdminApp(ModerationServlet.NAME, "Modération des fiches", "Sheet moderation", Set.of(Role.ADMIN),
                new ModerationServlet(queue, new EditionStore(repository, zone), cancellations, changes, context.clock(), zone)));
    }
}
