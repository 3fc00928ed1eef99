package fr.usinesouvertes.events.company;

import fr.usinesouvertes.events.EventsModule;
import fr.usinesouvertes.events.EventsSettings;
import fr.usinesouvertes.events.cancellation.VisitCancellations;
import fr.usinesouvertes.events.mail.MailQueue;
import fr.usinesouvertes.events.edition.EditionStore;
import fr.usinesouvertes.events.export.RegistrationCsvExport;
import fr.usinesouvertes.events.moderation.ModerationQueue;
import fr.usinesouvertes.events.moderation.ModerationServlet;
import fr.usinesouvertes.events.registration.FormLimits;
import fr.usinesouvertes.events.registration.RateLimiter;
import fr.usinesouvertes.events.registration.SlotDirectory;
import fr.usinesouvertes.events.web.FormTokens;
import fr.usinesouvertes.platform.module.AdminApp;
import fr.usinesouvertes.platform.module.ModuleContext;
import fr.usinesouvertes.platform.repository.ContentRepository;
import fr.usinesouvertes.platform.security.CompanyAccess;
import fr.usinesouvertes.platform.security.Role;
import java.time.ZoneId;
import java.util.Set;

/**
 * Wires the company self-service and the organisers' moderation into a starting platform: the public
 * sign-up pages ({@code /espace-entreprise/…}) and the back-office apps {@value CompanyAppServlet#NAME}
 * (COMPANY) and {@value ModerationServlet#NAME} (ADMIN).
 */
public final class CompanySpace {

    /** The repository's ACLs, as the platform's security grants them to a company's group. */
    public static final CompanyGrants ACL = CompanyAccess::grant;

    private CompanySpace() {
    }

    /**
     * @param communes     the table of French communes (a site's commune gives its codes and position)
     * @param mailQueue    the registration e-mails' queue (a cancelled visit's e-mails and alerts go there)
     * @param onMailQueued wakes the mail worker after a commit that queued e-mails
     */
    public static void start(ModuleContext context, fr.usinesouvertes.events.search.CommunesTable communes,
                             MailQueue mailQueue, Runnable onMailQueued) {
        ContentRepository repository = context.repository();
        ZoneId zone = EventsSettings.timeZone(context.settings());
        VisitCancellations cancellations = new VisitCancellations(repository, mailQueue, onMailQueued,
                EventsModule.organiserEmail(context), context.publicUrl(), context.clock(), zone);
        CompanySignUp signUp = new CompanySignUp(repository, RateLimiter.fromSettings(context.settings(), context.clock()),
                context.mail(), new PlatformCompanyAccounts(context.accounts()), ACL, context.clock(), zone);
        CompanySignUpServlet.mount(context, signUp, FormTokens.fromSettings(context.settings(), context.clock()), context.publicUrl());
        CompanySites sites = new CompanySites(repository, ACL);
        SitePhotos photos = new SitePhotos(repository);
        context.web().servlet(SitePhotosServlet.PATH + "/*", new SitePhotosServlet(photos));
        EventSheets sheets = new EventSheets(repository, ACL, context.clock(), zone);
        CompanyRegistrations registrations = new CompanyRegistrations(
                new SlotDirectory(repository, FormLimits.fromSettings(context.settings()).maxGroupSize(), zone),
                new RegistrationCsvExport(repository, zone), zone);
        context.rest().register(new CompanyResource(repository, sites, sheets, registrations));
        context.admin().app(new AdminApp(CompanyAppServlet.NAME, "Espace entreprise", "Company space", Set.of(Role.COMPANY),
                new CompanyAppServlet(repository, sites, sheets, registrations, new RecruitmentNeeds(context.clock(), zone), signUp,
                        photos, communes, cancellations, new SheetChanges(context.clock(), zone))));
        ModerationQueue queue = new ModerationQueue(repository, ACL, context.mail(), context.publicUrl(), context.clock(), zone);
        fr.usinesouvertes.events.moderation.SheetChangeModeration changes = new fr.usinesouvertes.events.moderation.SheetChangeModeration(
                repository, ACL, mailQueue, onMailQueued, context.mail(), context.publicUrl(), context.clock(), zone);
        context.admin().app(new AdminApp(ModerationServlet.NAME, "Modération des fiches", "Sheet moderation", Set.of(Role.ADMIN),
                new ModerationServlet(queue, new EditionStore(repository, zone), cancellations, changes, context.clock(), zone)));
    }
}
