package fr.usinesouvertes.platform.module;

import fr.usinesouvertes.platform.cluster.ClusterJobs;
import fr.usinesouvertes.platform.config.Settings;
import fr.usinesouvertes.platform.definition.Definitions;
import fr.usinesouvertes.platform.mail.MailSender;
import fr.usinesouvertes.platform.repository.ContentRepository;
import fr.usinesouvertes.platform.search.SearchDocumentSource;
import fr.usinesouvertes.platform.search.SearchIndex;
import fr.usinesouvertes.platform.search.SearchIndexes;
import java.time.Clock;

/** The {@link ModuleContext} given to every starting module; contributions go to the platform's {@link Contributions}. */
record PlatformModuleContext(ContentRepository repository, Settings settings, Definitions definitions, Clock clock,
                             Contributions contributions, ClusterJobs clusterJobs,
                             SearchIndexes searchIndexes, MailSender mail,
                             fr.usinesouvertes.platform.security.Accounts accounts,
                             fr.usinesouvertes.platform.publishing.Publishing publishing,
                             fr.usinesouvertes.platform.module.ModulePages modulePages,
                             fr.usinesouvertes.platform.http.PublicUrl publicUrl) implements ModuleContext {

    @Override
    public fr.usinesouvertes.platform.module.ModulePages modulePages() {
        if (modulePages == null) {
            throw new IllegalStateException("This platform renders no pages: module pages are not available");
        }
        return modulePages;
    }

    @Override
    public void registerRestComponent(Object component) {
        contributions.addRestComponent(component);
    }

    @Override
    public void registerTemplatingFunctions(String name, Object functions) {
        contributions.addTemplatingFunctions(name, functions);
    }

    @Override
    public void registerSitemapSource(fr.usinesouvertes.platform.module.SitemapSource source) {
        contributions.addSitemapSource(source);
    }

    @Override
    public void registerServlet(String pathSpec, jakarta.servlet.http.HttpServlet servlet) {
        contributions.addMount(new fr.usinesouvertes.platform.http.PlatformServer.Mount(pathSpec, servlet));
    }

    @Override
    public SearchIndex openSearchIndex(String name, SearchDocumentSource source) {
        return searchIndexes.open(name, source);
    }

    @Override
    public void registerAdminApp(fr.usinesouvertes.platform.module.AdminApp app) {
        contributions.addAdminApp(app);
    }

    @Override
    public void registerCsrfProtection(String pathSpec) {
        contributions.addCsrfProtectedPath(pathSpec);
    }
}
