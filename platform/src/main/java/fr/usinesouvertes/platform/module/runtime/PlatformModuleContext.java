package fr.usinesouvertes.platform.module.runtime;

import fr.usinesouvertes.platform.module.ModulePages;
import fr.usinesouvertes.platform.module.AdminApp;
import fr.usinesouvertes.platform.module.SitemapSource;
import fr.usinesouvertes.platform.module.ModuleContext;
import fr.usinesouvertes.platform.module.HealthCheck;
import fr.usinesouvertes.platform.cluster.ClusterJobs;
import fr.usinesouvertes.platform.config.Settings;
import fr.usinesouvertes.platform.definition.Definitions;
import fr.usinesouvertes.platform.health.Readiness;
import fr.usinesouvertes.platform.http.PlatformServer;
import fr.usinesouvertes.platform.http.PublicUrl;
import fr.usinesouvertes.platform.mail.MailSender;
import fr.usinesouvertes.platform.publishing.Publishing;
import fr.usinesouvertes.platform.repository.ContentRepository;
import fr.usinesouvertes.platform.search.SearchDocumentSource;
import fr.usinesouvertes.platform.search.SearchIndex;
import fr.usinesouvertes.platform.search.SearchIndexes;
import fr.usinesouvertes.platform.security.Accounts;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServlet;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link ModuleContext} every starting module receives: the platform's services, built once by the platform,
 * and its contributions collected in the platform's {@link Contributions}.
 */
public final class PlatformModuleContext implements ModuleContext, ModuleContext.Rest, ModuleContext.Web,
        ModuleContext.Site, ModuleContext.Admin, ModuleContext.Search, ModuleContext.Health, ModuleContext.Metrics,
        ModuleContext.Lifecycle, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PlatformModuleContext.class);

    /** The platform's services a module may use. */
    public record Services(ContentRepository repository, Settings settings, Definitions definitions, Clock clock,
                           PublicUrl publicUrl, MailSender mail, ClusterJobs jobs, Accounts accounts,
                           Publishing publishing, SearchIndexes searchIndexes, ModulePages pages,
                           Readiness readiness, MeterRegistry meters) {
        public Services {
            Objects.requireNonNull(repository, "repository");
            Objects.requireNonNull(settings, "settings");
            Objects.requireNonNull(definitions, "definitions");
            Objects.requireNonNull(clock, "clock");
            Objects.requireNonNull(publicUrl, "publicUrl");
            Objects.requireNonNull(mail, "mail");
            Objects.requireNonNull(jobs, "jobs");
            Objects.requireNonNull(accounts, "accounts");
            Objects.requireNonNull(publishing, "publishing");
            Objects.requireNonNull(searchIndexes, "searchIndexes");
            Objects.requireNonNull(pages, "pages");
            Objects.requireNonNull(readiness, "readiness");
            Objects.requireNonNull(meters, "meters");
        }
    }

    private final Services services;
    private final Contributions contributions;
    private final List<AutoCloseable> managed = new ArrayList<>();
    private final List<Runnable> whenServing = new ArrayList<>();

    public PlatformModuleContext(Services services, Contributions contributions) {
        this.services = services;
        this.contributions = Objects.requireNonNull(contributions, "contributions");
    }

    @Override
    public ContentRepository repository() {
        return services.repository();
    }

    @Override
    public Settings settings() {
        return services.settings();
    }

    @Override
    public Definitions definitions() {
        return services.definitions();
    }

    @Override
    public Clock clock() {
        return services.clock();
    }

    @Override
    public PublicUrl publicUrl() {
        return services.publicUrl();
    }

    @Override
    public MailSender mail() {
        return services.mail();
    }

    @Override
    public ClusterJobs jobs() {
        return services.jobs();
    }

    @Override
    public Accounts accounts() {
        return services.accounts();
    }

    @Override
    public Publishing publishing() {
        return services.publishing();
    }

    @Override
    public Rest rest() {
        return this;
    }

    @Override
    public Web web() {
        return this;
    }

    @Override
    public Site site() {
        return this;
    }

    @Override
    public Admin admin() {
        return this;
    }

    @Override
    public Search search() {
        return this;
    }

    @Override
    public Health health() {
        return this;
    }

    @Override
    public Metrics metrics() {
        return this;
    }

    @Override
    public MeterRegistry registry() {
        return services.meters();
    }

    @Override
    public Lifecycle lifecycle() {
        return this;
    }

    @Override
    public void register(Object component) {
        contributions.addRestComponent(component);
    }

    @Override
    public void servlet(String pathSpec, HttpServlet servlet) {
        contributions.addMount(new PlatformServer.Mount(pathSpec, servlet));
    }

    @Override
    public void csrfProtect(String pathSpec) {
        contributions.addCsrfProtectedPath(pathSpec);
    }

    @Override
    public void templatingFunctions(String name, Object functions) {
        contributions.addTemplatingFunctions(name, functions);
    }

    @Override
    public void sitemap(SitemapSource source) {
        contributions.addSitemapSource(source);
    }

    @Override
    public ModulePages pages() {
        return services.pages();
    }

    @Override
    public void app(AdminApp app) {
        contributions.addAdminApp(app);
    }

    @Override
    public SearchIndex open(String name, SearchDocumentSource source) {
        return services.searchIndexes().open(name, source);
    }

    @Override
    public void register(String name, HealthCheck check) {
        Objects.requireNonNull(check, "check");
        services.readiness().register(name, () -> {
            HealthCheck.Result result = check.check();
            return result == null ? null : new Readiness.Status(result.up(), result.detail());
        });
    }

    @Override
    public synchronized void manage(AutoCloseable resource) {
        managed.add(Objects.requireNonNull(resource, "resource"));
    }

    @Override
    public synchronized void whenServing(Runnable task) {
        whenServing.add(Objects.requireNonNull(task, "task"));
    }

    /** Runs the tasks handed to {@link #whenServing}, in order, on a daemon thread of their own. */
    synchronized void serving() {
        List<Runnable> tasks = List.copyOf(whenServing);
        whenServing.clear();
        if (tasks.isEmpty()) {
            return;
        }
        Thread thread = new Thread(() -> {
            for (Runnable task : tasks) {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    LOG.warn("A module's task run once the platform serves failed", e);
                }
            }
        }, "modules-when-serving");
        thread.setDaemon(true);
        thread.start();
    }

    /** Closes the managed resources in reverse order of registration. */
    @Override
    public synchronized void close() {
        for (int i = managed.size() - 1; i >= 0; i--) {
            try {
                managed.get(i).close();
            } catch (Exception e) {
                LOG.warn("Closing {} failed", managed.get(i), e);
            }
        }
        managed.clear();
    }
}
