package fr.usinesouvertes.events;

import fr.usinesouvertes.events.company.SitePhotos;
import fr.usinesouvertes.events.company.SitePhotosServlet;
import fr.usinesouvertes.events.site.PublicPhotos;
import fr.usinesouvertes.events.config.EventsConfig;
import fr.usinesouvertes.events.config.EventsSettings;
import fr.usinesouvertes.events.edition.EditionStore;
import fr.usinesouvertes.events.organiser.EditionFigures;
import fr.usinesouvertes.events.organiser.FiguresServlet;
import fr.usinesouvertes.events.organiser.OrganiserExportsResource;
import fr.usinesouvertes.events.organiser.OrganiserExportsServlet;
import fr.usinesouvertes.platform.module.AdminApp;
import fr.usinesouvertes.events.registration.LinkSecret;
import fr.usinesouvertes.events.schools.EstimatedTravelTime;
import fr.usinesouvertes.events.schools.ProposalText;
import fr.usinesouvertes.events.schools.SchoolDirectory;
import fr.usinesouvertes.events.schools.SchoolImports;
import fr.usinesouvertes.events.schools.SchoolProposals;
import fr.usinesouvertes.events.organiser.SchoolsAdminServlet;
import fr.usinesouvertes.events.schools.SchoolsCommand;
import fr.usinesouvertes.events.schools.SchoolsNearSites;
import fr.usinesouvertes.events.schools.SchoolsResource;
import fr.usinesouvertes.events.schools.TransportFunding;
import fr.usinesouvertes.events.organiser.TransportFundingServlet;

import fr.usinesouvertes.events.booking.SlotBooking;
import fr.usinesouvertes.events.calendar.VisitCalendar;
import fr.usinesouvertes.events.delivery.EventsDeliveryResource;
import fr.usinesouvertes.events.directory.DirectoryFunctions;
import fr.usinesouvertes.events.delivery.SlotCalendarResource;
import fr.usinesouvertes.events.organiser.MailQueueCommand;
import fr.usinesouvertes.events.organiser.RecruitmentCommand;
import fr.usinesouvertes.events.organiser.RegistrationsCommand;
import fr.usinesouvertes.events.mail.MailQueue;
import fr.usinesouvertes.events.mail.RegistrationMailComposer;
import fr.usinesouvertes.events.metrics.EventsMetrics;
import fr.usinesouvertes.events.registration.MailQueueHealth;
import fr.usinesouvertes.events.registration.ManageLinks;
import fr.usinesouvertes.events.registration.RegistrationLinks;
import fr.usinesouvertes.events.registration.RegistrationMailDispatcher;
import fr.usinesouvertes.events.registration.RegistrationMailWorker;
import fr.usinesouvertes.events.registration.RegistrationMailer;
import fr.usinesouvertes.events.registration.RegistrationRecords;
import fr.usinesouvertes.events.registration.RegistrationService;
import fr.usinesouvertes.events.registration.SlotDirectory;
import fr.usinesouvertes.events.reminder.RegistrationReminders;
import fr.usinesouvertes.events.ticket.TicketLinks;
import fr.usinesouvertes.events.ticket.TicketServlet;
import fr.usinesouvertes.events.ticket.Tickets;
import fr.usinesouvertes.events.search.CommunesTable;
import fr.usinesouvertes.events.search.SearchParameters;
import fr.usinesouvertes.events.search.ContentDocuments;
import fr.usinesouvertes.events.search.ContentSearch;
import fr.usinesouvertes.events.search.ContentSearchFunctions;
import fr.usinesouvertes.events.search.ContentSearchResource;
import fr.usinesouvertes.events.search.SearchResource;
import fr.usinesouvertes.events.search.SiteDocuments;
import fr.usinesouvertes.events.search.SiteSearch;
import fr.usinesouvertes.events.site.EventsFunctions;
import fr.usinesouvertes.events.web.OpenApiResource;
import fr.usinesouvertes.events.web.RegistrationPagesServlet;
import fr.usinesouvertes.events.web.RegistrationResource;
import fr.usinesouvertes.platform.config.SettingDefinition;
import fr.usinesouvertes.platform.module.ModuleContext;
import fr.usinesouvertes.platform.search.SearchIndex;
import fr.usinesouvertes.platform.security.Role;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import fr.usinesouvertes.platform.module.ModuleDescriptor;
import fr.usinesouvertes.platform.module.PlatformModule;
import fr.usinesouvertes.platform.module.VersionTask;
import java.util.List;
import java.util.Set;

/**
 * The events module: industrial sites, event sheets, time slots and registrations. Its definitions
 * and bootstrap content (the 2025 and 2026 editions) ship in its class-path light module
 * {@value #LIGHT_MODULE_ROOT}, imported once by the platform like any light module's.
 */
public final class EventsModule implements PlatformModule {

    public static final String NAME = "events";
    public static final String VERSION = "0.2.0";
    /** The node-local index of public sites, in {@code DATA/search-index/sites}. */
    public static final String SEARCH_INDEX = "sites";
    /** The node-local index of the site's pages and press releases, in {@code DATA/search-index/content}. */
    public static final String CONTENT_INDEX = "content";
    static final String LIGHT_MODULE_ROOT = "light-modules/events";
    static final String CALENDAR_UID_DOMAIN = "journees-usines-ouvertes.fr";
    private static final Duration MAIL_POLL = Duration.ofSeconds(1);
    private static final int MAIL_BATCH = 100;
    private static final int MAIL_SENDERS = 4;
    private static final Duration SCHOOL_IMPORT_POLL = Duration.ofSeconds(2);

    @Override
    public ModuleDescriptor descriptor() {
        return ModuleDescriptor.of(NAME, VERSION).withLightModuleRoot(LIGHT_MODULE_ROOT);
    }

    @Override
    public List<SettingDefinition<?>> settings() {
        return EventsSettings.all();
    }

    /**
     * Data written by earlier versions, brought to the current layout once, so that the code reads one layout
     * only: booking counters move from the slots to their registrations folders, and mail-queue entries into
     * the buckets of their due minute.
     */
    @Override
    public List<VersionTask> tasks() {
        return List.of(
                new VersionTask("0.2.0", "Booking counters kept on slots by earlier versions move to their registrations "
                        + "folders", context -> {
                    context.repository().workspaces().ensureRoots(context.session(), List.of(SlotBooking.WORKSPACE));
                    SlotBooking.moveCountersOfEarlierVersions(context.session());
                }),
                new VersionTask("0.2.0", "Mail-queue entries queued by earlier versions move into their minute buckets",
                        context -> MailQueue.bucketEntriesOfEarlierVersions(context.session())));
    }

    @Override
    public List<Object> commands() {
        return List.of(new RegistrationsCommand(), new RecruitmentCommand(), new MailQueueCommand(),
                new SchoolsCommand());
    }

    @Override
    public void start(ModuleContext context) {
        EventsConfig config = EventsConfig.from(context.settings());
        ZoneId zone = config.zone();
        VisitCalendar calendar = new VisitCalendar(context.clock(), zone, CALENDAR_UID_DOMAIN, config.organiserEmail());
        // Registrations and queued e-mails are never public: sending a batch of e-mails must not empty the
        // public caches (a booking still does, through the places left on its slot).
        context.repository().excludeFromChangeNotifications(SlotBooking.WORKSPACE);
        context.repository().excludeFromChangeNotifications(MailQueue.WORKSPACE);
        context.repository().excludeFromChangeNotifications(SchoolDirectory.WORKSPACE);
        // Retries follow real time, even when --clock fixes the platform's "now".
        MailQueue mailQueue = new MailQueue(context.repository(), Clock.systemUTC());
        ManageLinks links = new ManageLinks(RegistrationLinks.from(config, context.clock()));
        EventsMetrics metrics = new EventsMetrics(context.metrics().registry());
        MailQueueHealth mailHealth = new MailQueueHealth(mailQueue, Clock.systemUTC(),
                config.mailQueueStuckAfter().isZero()
                        ? MailQueueHealth.stuckAfter(config.mailRetryDelay(), MAIL_POLL) : config.mailQueueStuckAfter());
        Tickets tickets = new Tickets(new TicketLinks(RegistrationLinks.forTickets(config, context.clock())), links,
                new RegistrationRecords(context.repository()),
                new SlotDirectory(context.repository(), config.maxGroupSize(), zone), context.publicUrl());
        RegistrationMailWorker mailWorker = startMailWorker(context, config, mailQueue, links, tickets, calendar, metrics,
                mailHealth);
        context.lifecycle().manage(mailWorker);
        context.health().register(MailQueueHealth.NAME, mailHealth);
        metrics.mailQueue(mailHealth::counts);
        RegistrationService registrations = RegistrationService.from(context.repository(), config,
                context.clock(), mailQueue, mailWorker::wake, links, context.publicUrl(), metrics);
        context.rest().register(new RegistrationResource(registrations));
        context.rest().register(new OpenApiResource());
        Path communesFile = config.communes();
        CommunesTable communes = communesFile != null ? CommunesTable.read(communesFile) : CommunesTable.embedded();
        context.lifecycle().whenServing(communes::warmUp);
        SchoolDirectory schoolDirectory = new SchoolDirectory(context.repository());
        SchoolsNearSites schoolsNear = new SchoolsNearSites(schoolDirectory,
                new EstimatedTravelTime(communes, EstimatedTravelTime.Parameters.DEFAULT));
        SchoolProposals proposals = new SchoolProposals(context.repository(), schoolsNear, mailQueue, mailWorker::wake,
                new RegistrationLinks(LinkSecret.resolve(config), context.clock(), SchoolProposals.LINK_PURPOSE),
                context.publicUrl().base(), context.clock(), zone);
        RegistrationPagesServlet.mount(context, config, registrations, tickets, proposals);
        context.web().servlet(TicketServlet.pathSpec(), new TicketServlet(tickets, context.site().pages(), zone));
        new RegistrationReminders(context.repository(), mailQueue, mailWorker::wake, config.reminderDays(),
                context.publicUrl(), context.clock(), zone).schedule(context.jobs(), config.reminderInterval());
        fr.usinesouvertes.events.survey.SurveyLinks surveyLinks = new fr.usinesouvertes.events.survey.SurveyLinks(
                RegistrationLinks.forSurveys(config, context.clock()));
        new fr.usinesouvertes.events.survey.SurveyInvitations(context.repository(), mailQueue, mailWorker::wake,
                surveyLinks, context.publicUrl(), context.clock(), zone).schedule(context.jobs(), config.reminderInterval());
        fr.usinesouvertes.events.web.SurveyPagesServlet.mount(context, surveyLinks,
                fr.usinesouvertes.events.web.FormTokens.from(config, context.clock()),
                new SlotDirectory(context.repository(), config.maxGroupSize(), zone));
        SitePhotos sitePhotos = new SitePhotos(context.repository());
        EventsFunctions eventsFunctions = new EventsFunctions(context.repository(), context.clock(), context.publicUrl(), zone,
                slug -> sitePhotos.publicPhotos(slug).stream().map(photo -> new PublicPhotos.Photo(
                        SitePhotosServlet.PATH + "/" + slug + "/" + photo.name(), photo.alt())).toList());
        context.site().templatingFunctions("eventsfn", eventsFunctions);
        context.site().sitemap(new fr.usinesouvertes.events.site.SiteSitemap(eventsFunctions));
        context.rest().register(new EventsDeliveryResource(context.repository(), zone));
        context.rest().register(new SlotCalendarResource(context.repository(), calendar, zone));
        backfillSitePositions(context, communes);
        SearchIndex index = context.search().open(SEARCH_INDEX, new SiteDocuments(zone));
        SiteSearch siteSearch = new SiteSearch(index, context.clock(),
                slotIds -> fr.usinesouvertes.events.booking.SlotCounts.placesLeft(context.repository(), slotIds));
        SearchParameters searchParameters = new SearchParameters(communes);
        context.rest().register(new SearchResource(siteSearch, searchParameters));
        context.rest().register(new fr.usinesouvertes.events.search.CommunesResource(communes));
        context.site().templatingFunctions("directoryfn", new DirectoryFunctions(siteSearch, searchParameters,
                eventsFunctions, context.repository(), context.clock(), zone));
        ContentSearch contentSearch = new ContentSearch(context.search().open(CONTENT_INDEX, new ContentDocuments()));
        context.rest().register(new ContentSearchResource(contentSearch));
        context.site().templatingFunctions("searchfn", new ContentSearchFunctions(contentSearch, siteSearch));
        CompanySpace.start(context, config, communes, mailQueue, mailWorker::wake, metrics);
        context.rest().register(new OrganiserExportsResource(context.repository(), zone));
        context.rest().register(new SchoolsResource(context.repository(), schoolsNear, zone));
        SchoolImports schoolImports = new SchoolImports(context.repository(), schoolDirectory, context.clock());
        schoolImports.schedule(context.jobs(), SCHOOL_IMPORT_POLL);
        context.admin().app(new AdminApp(SchoolsAdminServlet.NAME, "Écoles", "Schools", Set.of(Role.ADMIN),
                new SchoolsAdminServlet(schoolImports, proposals, new ProposalText(context.repository()),
                        new EditionStore(context.repository(), zone))));
        context.admin().app(new AdminApp(TransportFundingServlet.NAME, "Transport des scolaires", "School transport",
                Set.of(Role.ADMIN), new TransportFundingServlet(new TransportFunding(context.repository(), schoolsNear,
                mailQueue, mailWorker::wake, context.publicUrl().base(), context.clock()),
                new EditionStore(context.repository(), zone))));
        context.admin().app(new AdminApp(FiguresServlet.NAME, "Chiffres de l'édition", "Edition figures",
                Set.of(Role.ADMIN), new FiguresServlet(new EditionFigures(context.repository(), zone),
                new EditionStore(context.repository(), zone), context.clock(), zone)));
        context.admin().app(new AdminApp(OrganiserExportsServlet.NAME, "Exports", "Exports", Set.of(Role.ADMIN),
                new OrganiserExportsServlet(new EditionStore(context.repository(), zone))));
    }

    /**
     * Sites with a commune but no position get their commune's (before the index opens, which then finds them near
     * their commune). Two nodes starting together may both try: the one whose commit loses logs it, the other did it.
     */
    private static void backfillSitePositions(ModuleContext context, CommunesTable communes) {
        try {
            fr.usinesouvertes.events.company.SitePositions.backfill(context.repository(), communes);
        } catch (RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(EventsModule.class).warn("Filling the positions of sites failed; "
                    + "it is tried again at the next start", e);
        }
    }

    /** Sends the queued registration e-mails from the one node holding the job's lease. */
    private static RegistrationMailWorker startMailWorker(ModuleContext context, EventsConfig config, MailQueue queue,
                                                          ManageLinks links, Tickets tickets, VisitCalendar calendar,
                                                          EventsMetrics metrics, MailQueueHealth health) {
        ZoneId zone = config.zone();
        Duration retryDelay = config.mailRetryDelay();
        RegistrationMailDispatcher dispatcher = new RegistrationMailDispatcher(queue,
                new RegistrationRecords(context.repository()),
                new SlotDirectory(context.repository(), config.maxGroupSize(), zone),
                links, new RegistrationMailer(new RegistrationMailComposer(calendar, zone), context.mail()),
                new fr.usinesouvertes.events.site.NearbySlots(context.repository(), context.clock(), zone), tickets,
                context.clock(), retryDelay, config.mailMaxAttempts(), MAIL_BATCH, MAIL_SENDERS, metrics);
        return new RegistrationMailWorker(context.jobs(), dispatcher, MAIL_POLL, retryDelay, MAIL_BATCH, health);
    }
}
