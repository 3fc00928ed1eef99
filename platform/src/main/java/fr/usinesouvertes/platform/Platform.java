package fr.usinesouvertes.platform;

import fr.usinesouvertes.platform.cluster.ClusterJobs;
import fr.usinesouvertes.platform.config.ClusterSettings;
import fr.usinesouvertes.platform.config.CoreSettings;
import fr.usinesouvertes.platform.config.OperationsSettings;
import fr.usinesouvertes.platform.config.Settings;
import fr.usinesouvertes.platform.content.BootstrapImporter;
import fr.usinesouvertes.platform.content.BootstrapSources;
import fr.usinesouvertes.platform.definition.Definitions;
import fr.usinesouvertes.platform.delivery.DeliveryApi;
import fr.usinesouvertes.platform.delivery.DeliveryVisibility;
import fr.usinesouvertes.platform.health.PlatformChecks;
import fr.usinesouvertes.platform.health.Readiness;
import fr.usinesouvertes.platform.http.ClientAddresses;
import fr.usinesouvertes.platform.http.CorsFilter;
import fr.usinesouvertes.platform.http.HealthServlet;
import fr.usinesouvertes.platform.http.MetricsServlet;
import fr.usinesouvertes.platform.metrics.PlatformMetrics;
import fr.usinesouvertes.platform.http.PlatformServer;
import fr.usinesouvertes.platform.http.PublicUrl;
import fr.usinesouvertes.platform.http.VirtualUriFilter;
import fr.usinesouvertes.platform.lightmodule.LightModuleOrigins;
import fr.usinesouvertes.platform.lightmodule.LightModules;
import fr.usinesouvertes.platform.mail.MailSender;
import fr.usinesouvertes.platform.mail.MailSenders;
import fr.usinesouvertes.platform.mail.MailSettings;
import fr.usinesouvertes.platform.mail.OutboxMailSender;
import fr.usinesouvertes.platform.maintenance.ControlChannel;
import fr.usinesouvertes.platform.maintenance.MaintenanceSettings;
import fr.usinesouvertes.platform.maintenance.StorageMaintenance;
import fr.usinesouvertes.platform.module.runtime.Contributions;
import fr.usinesouvertes.platform.module.runtime.ModuleManager;
import fr.usinesouvertes.platform.module.PlatformModule;
import fr.usinesouvertes.platform.module.runtime.PlatformModuleContext;
import fr.usinesouvertes.platform.publishing.PublishableWorkspaces;
import fr.usinesouvertes.platform.publishing.Publishing;
import fr.usinesouvertes.platform.publishing.RepositoryPublishing;
import fr.usinesouvertes.platform.publishing.webhooks.WebhookOutbox;
import fr.usinesouvertes.platform.publishing.webhooks.WebhookSender;
import fr.usinesouvertes.platform.rendering.PagePreview;
import fr.usinesouvertes.platform.rendering.Rendering;
import fr.usinesouvertes.platform.repository.ContentRepository;
import fr.usinesouvertes.platform.repository.SegmentStoreBackend;
import fr.usinesouvertes.platform.repository.StoreBackend;
import fr.usinesouvertes.platform.repository.StoreBackends;
import fr.usinesouvertes.platform.search.SearchIndexes;
import fr.usinesouvertes.platform.security.SecuritySettings;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * One running platform: repository, definitions, modules and HTTP server, started in that order and
 * stopped in reverse. Built with {@link #builder(Settings)}; the webapp's main class and the tests'
 * extension both start it this way.
 */
public final class Platform implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Platform.class);
    /** How often the node holding the scheduling job looks for due publications. */
    private static final Duration PUBLISHING_INTERVAL = Duration.ofSeconds(1);
    private static final Duration WEBHOOK_INTERVAL = Duration.ofSeconds(2);
    /** How long each readiness check may take before it counts as down. */
    private static final Duration READINESS_TIMEOUT = Duration.ofSeconds(5);

    private final Settings settings;
    private final Clock clock;
    private final List<AutoCloseable> toClose = new ArrayList<>();
    private ContentRepository repository;
    private Definitions definitions;
    private volatile PlatformServer server;
    private ModuleManager moduleManager;
    private ClusterJobs clusterJobs;
    private Contributions contributions;
    private LightModuleOrigins origins;
    private fr.usinesouvertes.platform.security.Security security;
    private RepositoryPublishing publishing;
    private PagePreview pagePreview;
    private final PublicUrl publicUrl;
    private final MailSender mail;
    private SearchIndexes searchIndexes;
    private StorageMaintenance maintenance;
    private final java.time.ZoneId zone;
    /** The renderers' caches, this platform's own: several platforms may run in one JVM (tests). */
    private final Rendering.Caches renderingCaches = Rendering.Caches.create();
    /** The meters written at {@code /.metrics}: the JVM's, the platform's, the modules'. */
    private PlatformMetrics metrics;
    /** The readiness checks answered at {@code /.health/ready}: the platform's, then the modules'. */
    private Readiness readiness;
    /** Set when a drained stop begins: the readiness answers 503 while the node still serves. */
    private volatile boolean stopping;

    private Platform(Settings settings, Clock testClock) {
        this.settings = settings;
        this.publicUrl = new PublicUrl(settings.get(CoreSettings.PUBLIC_URL), settings.get(CoreSettings.HOST),
                () -> server != null ? server.port() : settings.get(CoreSettings.PORT));
        this.zone = settings.get(CoreSettings.TIME_ZONE);
        Clock starting = settings.get(CoreSettings.CLOCK);
        // the site's zone, never the server's default: "today" and dates mean the same day everywhere
        this.clock = testClock != null ? testClock : starting != null ? starting.withZone(zone) : Clock.system(zone);
        this.mail = MailSenders.fromSettings(settings, clock);
    }

    public static Builder builder(Settings settings) {
        routeJavaUtilLogging();
        return new Builder(settings);
    }

    /** Jersey and some libraries log through java.util.logging: send it to the platform's SLF4J logging. */
    private static synchronized void routeJavaUtilLogging() {
        if (!SLF4JBridgeHandler.isInstalled()) {
            SLF4JBridgeHandler.removeHandlersForRootLogger();
            SLF4JBridgeHandler.install();
        }
    }

    private void start(Builder builder) throws Exception {
        long started = System.nanoTime();
        metrics = new PlatformMetrics();
        toClose.add(metrics);
        readiness = new Readiness(READINESS_TIMEOUT);
        toClose.add(readiness);
        renderingCaches.monitor(metrics.registry());
        StoreBackend backend = builder.storeBackend.apply(settings);
        StoreBackend.StartupGuard startup;
        try {
            startup = backend.exclusiveStartup();
        } catch (RuntimeException e) {
            backend.close();
            throw e;
        }
        try {
            repository = ContentRepository.open(backend);
            toClose.add(repository);
            metrics.bindRepository(repository);
            initialise(builder);
        } finally {
            startup.close();
        }
        finishStart();
        long millis = (System.nanoTime() - started) / 1_000_000;
        LOG.info("Usines Ouvertes platform ready at {} (started in {} ms)", server.baseUri(), millis);
        if (!publicUrl.isConfigured()) {
            LOG.warn("public-url is not set: links in e-mails, sitemap and canonical tags use {}; production needs "
                    + "--public-url https://<the site's address>", publicUrl.base());
        }
    }

    /** What must not run on two cluster nodes at once: light modules, install tasks, bootstrap import. */
    private void initialise(Builder builder) throws Exception {
        definitions = new Definitions();
        contributions = new Contributions();
        List<PlatformModule> modules = builder.modules != null ? builder.modules : PlatformLauncher.discoverModules();
        Map<String, String> classpathRoots = new LinkedHashMap<>();
        modules.stream().map(PlatformModule::descriptor).filter(d -> d.lightModuleRoot() != null)
                .forEach(d -> classpathRoots.put(d.name(), d.lightModuleRoot()));
        origins = new LightModuleOrigins(settings.get(CoreSettings.LIGHT_MODULES), classpathRoots);

        toClose.add(LightModules.start(origins, definitions, repository, contributions));
        startPublishing(classpathRoots.keySet());
        clusterJobs = new ClusterJobs(repository, Duration.ofSeconds(settings.get(ClusterSettings.JOB_LEASE)));
        toClose.add(clusterJobs);
        security = fr.usinesouvertes.platform.security.Security.open(repository, settings, clock);
        searchIndexes = new SearchIndexes(repository, settings, clock);
        toClose.add(searchIndexes);
        PlatformChecks.register(readiness, repository, searchIndexes, clusterJobs);
        if (settings.get(OperationsSettings.SHUTDOWN_DRAIN) > 0) {
            readiness.register("shutdown", () -> stopping ? Readiness.Status.down("stopping: draining before the "
                    + "server stops") : Readiness.Status.up("serving"));
        }
        metrics.bindSearchIndexes(searchIndexes);
        metrics.bindClusterJobs(clusterJobs);
        moduleManager = new ModuleManager(modules, new PlatformModuleContext(new PlatformModuleContext.Services(
                repository, settings, definitions, clock, publicUrl, mail, clusterJobs, security.accounts(), publishing,
                searchIndexes, Rendering.modulePages(repository, definitions, origins, contributions, publicUrl, zone,
                renderingCaches), readiness, metrics.registry()),
                contributions));
        toClose.add(moduleManager);
        moduleManager.installOrUpdate();
        new BootstrapImporter(repository, clock).onImported(publishing::publishImported)
                .importAll(new BootstrapSources(origins, Platform.class.getClassLoader()));
        security.installAccessControl(repository.workspaces().names());
    }

    /** The live tree for the editorial workspaces of the current definitions, followed on every reload. */
    private void startPublishing(java.util.Set<String> javaModules) {
        publishing = new RepositoryPublishing(repository, clock);
        publishing.useWorkspaces(PublishableWorkspaces.of(definitions.current(), javaModules));
        definitions.onChange(registry -> {
            try {
                publishing.useWorkspaces(PublishableWorkspaces.of(registry, javaModules));
            } catch (RuntimeException e) {
                LOG.error("Cannot update the publishable workspaces", e);
            }
        });
    }

    private void finishStart() throws Exception {
        List<PlatformServer.Mount> mounts = new ArrayList<>();
        moduleManager.start();
        publishing.scheduleJob(clusterJobs, PUBLISHING_INTERVAL);
        publishing.addListener(new WebhookOutbox(definitions));
        WebhookSender webhooks = new WebhookSender(repository, definitions, clock);
        clusterJobs.runOnce("webhook-delivery", WEBHOOK_INTERVAL, () -> {
            try {
                webhooks.sendDue();
            } catch (RuntimeException e) {
                LOG.error("Webhook calls failed", e);
            }
        });
        fr.usinesouvertes.platform.admin.authoring.AuthoringApps.register(contributions,
                new fr.usinesouvertes.platform.admin.authoring.shared.AuthoringContext(repository, definitions::current, clock,
                        publishing, this::searchIndexes, fr.usinesouvertes.platform.admin.authoring.shared.AuthoringContext.DEFAULT_MAX_UPLOAD_BYTES,
                        this::pagePreview, zone, publishing.reviews(), security.accounts(), mail, publicUrl,
                        security.previewTokens()));
        DeliveryApi.register(contributions, repository, definitions, publicUrl, DeliveryVisibility.ALL, zone,
                metrics.registry(), security.previewTokens());
        fr.usinesouvertes.platform.lightmodule.LightModules.reportShadowedEndpoints(definitions, contributions);
        mounts.addAll(contributions.mounts());
        mounts.addAll(Rendering.mounts(repository, definitions, origins, contributions, publicUrl, zone,
                renderingCaches));
        pagePreview = Rendering.preview(repository, definitions, origins, contributions, publicUrl, zone,
                renderingCaches);

        maintenance = new StorageMaintenance(repository, settings.get(MaintenanceSettings.REVISION_GC_AT),
                Duration.ofSeconds(settings.get(MaintenanceSettings.REVISION_GC_RECLAIM_AFTER)), zone, clock);
        toClose.add(maintenance);
        maintenance.scheduleNightly(clusterJobs);
        if (repository.backend() instanceof SegmentStoreBackend segment) {
            ControlChannel.open(settings.get(CoreSettings.DATA), segment).ifPresent(toClose::add);
        }
        if (mail instanceof OutboxMailSender outbox && settings.get(MailSettings.OUTBOX_RETENTION_DAYS) > 0) {
            maintenance.pruneOutbox(outbox, Duration.ofDays(settings.get(MailSettings.OUTBOX_RETENTION_DAYS)));
        }
        fr.usinesouvertes.platform.admin.AdminMounts admin = fr.usinesouvertes.platform.admin.AdminMounts.of(
                security, contributions, mail, publicUrl, maintenance, zone, publishing.reviews());
        mounts.addAll(admin.servlets());
        // CORS first: a browser's preflight carries no session and no CSRF token
        List<PlatformServer.FilterMount> filters = new ArrayList<>();
        filters.add(new PlatformServer.FilterMount("/*", new CorsFilter(definitions, publicUrl)));
        filters.add(new PlatformServer.FilterMount("/*", new VirtualUriFilter(definitions)));
        filters.addAll(admin.filters());
        mounts.add(new PlatformServer.Mount(HealthServlet.PATH_SPEC, new HealthServlet(readiness)));
        mounts.add(new PlatformServer.Mount(MetricsServlet.PATH_SPEC, new MetricsServlet(metrics::scrape,
                PlatformMetrics.CONTENT_TYPE, settings.get(OperationsSettings.METRICS_TOKEN))));
        clusterJobs.runOnce("session-revocation-purge", Duration.ofHours(1), () -> security.sessions().purgeRevocations());
        server = new PlatformServer(settings.get(CoreSettings.HOST), settings.get(CoreSettings.PORT),
                contributions.restComponents(), mounts, filters, new ClientAddresses(
                        java.util.Objects.requireNonNullElse(settings.get(SecuritySettings.TRUSTED_PROXIES), java.util.Set.of())),
                settings.get(CoreSettings.CONTENT_SECURITY_POLICY), metrics.registry(),
                settings.get(OperationsSettings.ACCESS_LOG));
        server.start();
        toClose.add(server);
        moduleManager.serving();
    }

    /** The repository's revision garbage collection and the outbox pruning of this node. */
    public StorageMaintenance maintenance() {
        return maintenance;
    }

    public Settings settings() {
        return settings;
    }

    public Clock clock() {
        return clock;
    }

    public ContentRepository repository() {
        return repository;
    }

    /** Jobs that run on exactly one node of the cluster. */
    public ClusterJobs clusterJobs() {
        return clusterJobs;
    }

    /** Back-office accounts (Oak users and groups). */
    public fr.usinesouvertes.platform.security.Accounts accounts() {
        return security.accounts();
    }

    /** Accounts, sessions and login throttle. */
    public fr.usinesouvertes.platform.security.Security security() {
        return security;
    }

    /** Drafts, publication, versions and scheduled publication of the editorial workspaces. */
    public Publishing publishing() {
        return publishing;
    }

    /** Review before publishing: the per-workspace setting and the editors' review requests. */
    public fr.usinesouvertes.platform.publishing.ReviewRequests reviews() {
        return publishing.reviews();
    }

    /** Renders pages from the drafts, for the back office's preview (mounted by the authoring UI). */
    public PagePreview pagePreview() {
        return pagePreview;
    }

    public Definitions definitions() {
        return definitions;
    }

    /** The search indexes opened by the modules. */
    public SearchIndexes searchIndexes() {
        return searchIndexes;
    }

    /** This platform's meters ({@code /.metrics}). */
    public PlatformMetrics metrics() {
        return metrics;
    }

    /** This node's readiness checks, the platform's and the modules' ({@code /.health/ready}). */
    public Readiness readiness() {
        return readiness;
    }

    /** The site's public address: the base of every absolute URL ({@code public-url}, else the listening address). */
    public PublicUrl publicUrl() {
        return publicUrl;
    }

    public URI baseUri() {
        return server.baseUri();
    }

    public int port() {
        return server.port();
    }

    /**
     * Stops the server, the modules and the repository, in reverse order of start. With {@code shutdown-drain}, the
     * node first answers 503 at {@code /.health/ready} for that long while still serving every request, so that a
     * load balancer routing on readiness stops sending it requests before its server stops.
     */
    @Override
    public void close() {
        drain();
        for (int i = toClose.size() - 1; i >= 0; i--) {
            try {
                toClose.get(i).close();
            } catch (Exception e) {
                LOG.warn("Error while stopping {}", toClose.get(i).getClass().getSimpleName(), e);
            }
        }
        toClose.clear();
    }

    private void drain() {
        int seconds = settings.get(OperationsSettings.SHUTDOWN_DRAIN);
        if (seconds == 0 || server == null || stopping) {
            return;
        }
        stopping = true;
        LOG.info("Stopping: not ready for {} s while serving, then the server stops", seconds);
        try {
            Thread.sleep(seconds * 1000L);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Options for starting a platform; the defaults are those of the embedded production set-up. */
    public static final class Builder {
        private final Settings settings;
        private Function<Settings, StoreBackend> storeBackend = StoreBackends::fromSettings;
        private List<PlatformModule> modules;
        private Clock clock;

        private Builder(Settings settings) {
            this.settings = settings;
        }

        /** Where the repository keeps its tree; by default as the {@code store} setting says. */
        public Builder storeBackend(Function<Settings, StoreBackend> factory) {
            this.storeBackend = factory;
            return this;
        }

        /** The Java modules to run instead of those found with ServiceLoader (tests). */
        public Builder modules(List<PlatformModule> modules) {
            this.modules = List.copyOf(modules);
            return this;
        }

        /** The platform's clock instead of the system's or {@code --clock}'s (tests move it). */
        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /** Starts the platform; on failure, whatever was already started is stopped again. */
        public Platform start() throws Exception {
            Platform platform = new Platform(settings, clock);
            try {
                platform.start(this);
                return platform;
            } catch (Exception | Error e) {
                platform.close();
                throw e;
            }
        }
    }
}
