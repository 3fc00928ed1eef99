package fr.usinesouvertes.platform.admin;

import fr.usinesouvertes.platform.module.AdminViews;
import fr.usinesouvertes.platform.module.AdminApp;
import fr.usinesouvertes.platform.http.PlatformServer;
import fr.usinesouvertes.platform.http.PublicUrl;
import fr.usinesouvertes.platform.mail.MailSender;
import fr.usinesouvertes.platform.maintenance.StorageMaintenance;
import fr.usinesouvertes.platform.module.runtime.Contributions;
import fr.usinesouvertes.platform.publishing.ReviewRequests;
import fr.usinesouvertes.platform.security.AuthenticationFilter;
import fr.usinesouvertes.platform.security.CsrfFilter;
import fr.usinesouvertes.platform.security.Security;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * What the back office adds to the HTTP server: the authentication filter on every path, the CSRF filter
 * on {@code /admin/*} and the protected paths modules registered, the access filter on {@code /admin/*},
 * the shell's servlet, the password-reset and invitation pages and the platform's own apps (accounts, storage).
 *
 * @param servlets servlets to mount (the modules' apps are already among the contributions' mounts)
 * @param filters  filters in the order they run
 */
public record AdminMounts(List<PlatformServer.Mount> servlets, List<PlatformServer.FilterMount> filters) {

    /** Called once the modules have started, so that every app is registered; {@code reviews} may be null. */
    public static AdminMounts of(Security security, Contributions contributions, MailSender mail, PublicUrl publicUrl,
                                 StorageMaintenance maintenance, ZoneId zone, ReviewRequests reviews) {
        PasswordLinkMailer mailer = new PasswordLinkMailer(security.passwordLinks(), security.accounts(), mail, publicUrl);
        List<AdminApp> builtIn = List.of(new AdminApp("accounts", "Comptes", "Accounts", java.util.Set.of(
                fr.usinesouvertes.platform.security.Role.ADMIN), new AccountsServlet(security.accounts(), mailer, zone)),
                new AdminApp("storage", "Stockage", "Storage", java.util.Set.of(
                        fr.usinesouvertes.platform.security.Role.ADMIN), new StorageServlet(maintenance, zone)));
        List<AdminApp> apps = new ArrayList<>(builtIn);
        apps.addAll(contributions.adminApps());
        AdminShell shell = new AdminShell(apps);

        List<PlatformServer.Mount> servlets = new ArrayList<>();
        servlets.add(new PlatformServer.Mount("/admin/*",
                new AdminServlet(security.accounts(), security.sessions(), security.throttle(), reviews)));
        servlets.add(new PlatformServer.Mount("/admin/password-reset/*", new PasswordResetServlet(mailer,
                security.resetThrottle())));
        servlets.add(new PlatformServer.Mount(PasswordLinkMailer.INVITATION_PATH + "*",
                new InvitationServlet(security.passwordLinks(), security.accounts())));
        builtIn.forEach(app -> servlets.add(new PlatformServer.Mount(app.pathSpec(), app.servlet())));

        List<PlatformServer.FilterMount> filters = new ArrayList<>();
        filters.add(new PlatformServer.FilterMount("/*", new AuthenticationFilter(security.sessions())));
        // AdminViews also renders the pages modules serve outside /admin/ (e.g. company sign-up).
        filters.add(new PlatformServer.FilterMount("/*", new ShellAttributeFilter(shell)));
        CsrfFilter csrf = new CsrfFilter();
        filters.add(new PlatformServer.FilterMount("/admin/*", csrf));
        contributions.csrfProtectedPaths().forEach(path -> filters.add(new PlatformServer.FilterMount(path, csrf)));
        filters.add(new PlatformServer.FilterMount("/admin/*", new AdminAccessFilter(shell)));
        return new AdminMounts(List.copyOf(servlets), List.copyOf(filters));
    }
}
