package fr.usinesouvertes.platform.module.runtime;

import fr.usinesouvertes.platform.module.AdminApp;
import fr.usinesouvertes.platform.module.SitemapSource;
import fr.usinesouvertes.platform.http.PlatformServer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What started modules (and the platform itself) contribute to the HTTP layer and the templates. */
public final class Contributions {

    private final List<Object> restComponents = new ArrayList<>();
    private final Map<String, Object> templatingFunctions = new LinkedHashMap<>();
    private final List<PlatformServer.Mount> mounts = new ArrayList<>();
    private final List<fr.usinesouvertes.platform.module.SitemapSource> sitemapSources = new ArrayList<>();
    private final List<fr.usinesouvertes.platform.module.AdminApp> adminApps = new ArrayList<>();
    private final List<String> csrfProtectedPaths = new ArrayList<>();

    public synchronized void addRestComponent(Object component) {
        restComponents.add(component);
    }

    public synchronized void addTemplatingFunctions(String name, Object functions) {
        if (templatingFunctions.putIfAbsent(name, functions) != null) {
            throw new IllegalStateException("Templating functions '" + name + "' are registered twice");
        }
    }

    /** A servlet mounted by a module; two mounts may not share a path spec. */
    public synchronized void addMount(PlatformServer.Mount mount) {
        if (mounts.stream().anyMatch(m -> m.pathSpec().equals(mount.pathSpec()))) {
            throw new IllegalStateException("The path " + mount.pathSpec() + " is mounted twice");
        }
        mounts.add(mount);
    }

    public synchronized List<PlatformServer.Mount> mounts() {
        return List.copyOf(mounts);
    }

    public synchronized List<Object> restComponents() {
        return List.copyOf(restComponents);
    }

    public synchronized Map<String, Object> templatingFunctions() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(templatingFunctions));
    }

    /** URLs a module adds to {@code sitemap.xml}. */
    public synchronized void addSitemapSource(fr.usinesouvertes.platform.module.SitemapSource source) {
        sitemapSources.add(source);
    }

    public synchronized List<fr.usinesouvertes.platform.module.SitemapSource> sitemapSources() {
        return List.copyOf(sitemapSources);
    }

    /** A back-office app, mounted at {@code /admin/<name>/*} and listed in the back office's menu. */
    public synchronized void addAdminApp(fr.usinesouvertes.platform.module.AdminApp app) {
        if (adminApps.stream().anyMatch(a -> a.name().equals(app.name()))) {
            throw new IllegalStateException("The admin app '" + app.name() + "' is registered twice");
        }
        addMount(new PlatformServer.Mount(app.pathSpec(), app.servlet()));
        adminApps.add(app);
    }

    public synchronized List<fr.usinesouvertes.platform.module.AdminApp> adminApps() {
        return List.copyOf(adminApps);
    }

    /** A path spec (e.g. {@code /espace-entreprise/*}) whose POST, PUT, PATCH and DELETE requests need the CSRF token. */
    public synchronized void addCsrfProtectedPath(String pathSpec) {
        csrfProtectedPaths.add(pathSpec);
    }

    public synchronized List<String> csrfProtectedPaths() {
        return List.copyOf(csrfProtectedPaths);
    }
}
