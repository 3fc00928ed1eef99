package fr.usinesouvertes.platform.admin.authoring;

import fr.usinesouvertes.platform.admin.authoring.shared.AuthoringContext;
import fr.usinesouvertes.platform.module.AdminApp;
import fr.usinesouvertes.platform.admin.authoring.assets.AssetsServlet;
import fr.usinesouvertes.platform.admin.authoring.content.ContentAppsServlet;
import fr.usinesouvertes.platform.admin.authoring.pages.PageEditorBridgeServlet;
import fr.usinesouvertes.platform.admin.authoring.pages.PagesServlet;
import fr.usinesouvertes.platform.admin.authoring.review.ReviewsServlet;
import fr.usinesouvertes.platform.admin.authoring.tasks.BackgroundTasks;
import fr.usinesouvertes.platform.admin.authoring.tasks.TasksServlet;
import fr.usinesouvertes.platform.http.PlatformServer;
import fr.usinesouvertes.platform.module.runtime.Contributions;
import fr.usinesouvertes.platform.security.Role;
import java.util.Set;

/** Registers the authoring apps of the back office: contents, pages, assets, reviews and long operations. */
public final class AuthoringApps {

    private static final Set<Role> STAFF = Set.of(Role.ADMIN, Role.EDITOR, Role.PUBLISHER);

    private AuthoringApps() {
    }

    public static void register(Contributions contributions, AuthoringContext context) {
        contributions.addAdminApp(new AdminApp("pages", "Pages", "Pages", STAFF, new PagesServlet(context)));
        contributions.addMount(new PlatformServer.Mount(PageEditorBridgeServlet.PATH_SPEC, new PageEditorBridgeServlet()));
        contributions.addAdminApp(new AdminApp("content", "Contenus", "Content", STAFF, new ContentAppsServlet(context)));
        contributions.addAdminApp(new AdminApp("assets", "Médiathèque", "Assets", STAFF, new AssetsServlet(context)));
        if (context.reviews() != null) {
            contributions.addAdminApp(new AdminApp("reviews", "Relectures", "Reviews", STAFF, new ReviewsServlet(context)));
        }
        contributions.addAdminApp(new AdminApp("tasks", "Opérations longues", "Long operations", Set.of(Role.ADMIN),
                new TasksServlet(context, new BackgroundTasks(context.clock()))));
    }
}
