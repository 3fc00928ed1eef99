package fr.usinesouvertes.platform.rendering;

import fr.usinesouvertes.platform.definition.Definitions;
import fr.usinesouvertes.platform.http.PlatformServer;
import fr.usinesouvertes.platform.lightmodule.LightModuleOrigins;
import fr.usinesouvertes.platform.module.Contributions;
import fr.usinesouvertes.platform.publishing.ContentStage;
import fr.usinesouvertes.platform.repository.ContentRepository;
import java.util.List;

/**
 * Wires page rendering into the HTTP server: web resources at {@code /.resources/*}, asset files at
 * {@code /dam/*}, and rendered pages for every other path ({@code /}, the default servlet), all from the
 * published content; {@link #preview} renders the drafts for the back office.
 */
public final class Rendering {

    private Rendering() {
    }

    public static List<PlatformServer.Mount> mounts(ContentRepository repository, Definitions definitions,
                                                    LightModuleOrigins origins, Contributions contributions) {
        ClassLoader classLoader = Rendering.class.getClassLoader();
        WebResources webResources = new WebResources(origins, classLoader);
        TemplateEngine engine = new TemplateEngine(origins, definitions);
        PageRenderer pages = new PageRenderer(repository, definitions, engine, webResources,
                contributions::templatingFunctions);
        return List.of(
                new PlatformServer.Mount("/.resources/*", new WebResourceServlet(webResources)),
                new PlatformServer.Mount("/dam/*", new DamServlet(repository)),
                new PlatformServer.Mount("/", new PageServlet(pages)));
    }

    /** The back office's preview: pages and assets from the drafts ({@link ContentStage#DRAFT}). */
    public static PagePreview preview(ContentRepository repository, Definitions definitions,
                                      LightModuleOrigins origins, Contributions contributions) {
        ClassLoader classLoader = Rendering.class.getClassLoader();
        WebResources webResources = new WebResources(origins, classLoader);
        TemplateEngine engine = new TemplateEngine(origins, definitions);
        PageRenderer pages = new PageRenderer(repository, definitions, engine, webResources,
                contributions::templatingFunctions, ContentStage.DRAFT);
        return new PagePreview(pages, new DamServlet(repository, ContentStage.DRAFT));
    }
}
