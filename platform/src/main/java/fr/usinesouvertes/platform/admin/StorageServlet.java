package fr.usinesouvertes.platform.admin;

import fr.usinesouvertes.platform.module.AdminViews;
import fr.usinesouvertes.platform.http.Router;
import fr.usinesouvertes.platform.maintenance.StorageMaintenance;
import fr.usinesouvertes.platform.repository.RevisionGcReport;
import fr.usinesouvertes.platform.security.CurrentAccount;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code storage} app (administrators only): the repository's store and size, the latest revision garbage
 * collection on this node and the next nightly one, and a button starting one now (a POST, behind the back office's
 * CSRF check).
 */
final class StorageServlet extends BackOfficeServlet {

    private static final Logger LOG = LoggerFactory.getLogger(StorageServlet.class);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final transient StorageMaintenance maintenance;
    private final ZoneId zone;

    StorageServlet(StorageMaintenance maintenance, ZoneId zone) {
        this.maintenance = maintenance;
        this.zone = zone;
    }

    @Override
    protected Router<Router.Page> routes() {
        return Router.<Router.Page>builder()
                .get("/", (request, response, route) -> status(request, response))
                .post("/revision-gc", (request, response, route) -> collect(request, response))
                .build();
    }

    private void status(HttpServletRequest request, HttpServletResponse response) throws IOException {
        StorageMaintenance.Status status = maintenance.status();
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("store", status.store());
        model.put("size", status.bytes() < 0 ? "" : RevisionGcReport.megabytes(status.bytes()));
        model.put("collecting", status.collecting());
        model.put("progress", status.progress());
        model.put("next", status.nextScheduled() == null ? "" : WHEN.format(status.nextScheduled().atZone(zone)));
        StorageMaintenance.Run last = status.last();
        if (last != null) {
            model.put("lastStarted", WHEN.format(last.started().atZone(zone)));
            model.put("lastBy", last.by());
            model.put("lastSummary", last.report() != null ? last.report().summary() : "");
            model.put("lastError", last.error() != null ? last.error() : "");
            model.put("lastReclaimed", last.reclaimed() != null ? last.reclaimed().summary() : "");
        }
        AdminViews.render(request, response, "admin/storage.ftlh", model);
    }

    private void collect(HttpServletRequest request, HttpServletResponse response) throws IOException {
        boolean english = AdminViews.lang(request).equals("en");
        String login = CurrentAccount.require(request).login();
        if (maintenance.start(login)) {
            LOG.info("Revision garbage collection asked for by {}", login);
            AdminViews.flash(request, english ? "Revision garbage collection started: its figures appear below when it ends."
                    : "Nettoyage des anciennes révisions lancé : son bilan s'affiche ci-dessous une fois terminé.");
        } else {
            AdminViews.flash(request, english ? "A revision garbage collection is already running."
                    : "Un nettoyage des anciennes révisions est déjà en cours.");
        }
        AdminViews.redirect(response, "/admin/storage/" + (english ? "?lang=en" : ""));
    }
}
