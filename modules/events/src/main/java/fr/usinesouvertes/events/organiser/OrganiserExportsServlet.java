package fr.usinesouvertes.events.organiser;

import fr.usinesouvertes.events.company.AdminRequests;
import fr.usinesouvertes.events.company.CompanyPages;
import fr.usinesouvertes.events.directory.FranceMap;
import fr.usinesouvertes.events.edition.Edition;
import fr.usinesouvertes.events.edition.EditionStore;
import fr.usinesouvertes.platform.module.AdminViews;
import fr.usinesouvertes.platform.http.RoutedServlet;
import fr.usinesouvertes.platform.http.Router;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The organisers' app {@value #NAME} (role ADMIN): download an edition's registrations (all, one region or one
 * site) and the sites' recruitment needs while the platform runs; the forms ask {@link OrganiserExportsResource}
 * for the files with the administrator's session.
 */
public final class OrganiserExportsServlet extends RoutedServlet {

    public static final String NAME = "exports";

    private final transient EditionStore editions;

    public OrganiserExportsServlet(EditionStore editions) {
        this.editions = editions;
    }

    /** The app has one page. */
    @Override
    protected Router<Router.Page> routes() {
        return Router.<Router.Page>builder().get("/", (request, response, route) -> page(request, response)).build();
    }

    private void page(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("m", CompanyPages.messages(AdminRequests.lang(request)));
        model.put("years", editions.all().stream().map(Edition::year).sorted(Comparator.reverseOrder()).toList());
        List<String> regions = new ArrayList<>(FranceMap.bundled().regions().stream().map(FranceMap.RegionShape::name)
                .sorted(java.text.Collator.getInstance(java.util.Locale.FRENCH)).toList());
        regions.addAll(FranceMap.OVERSEAS);
        model.put("regions", regions);
        AdminViews.render(request, response, "events/exports.ftlh", model);
    }
}
