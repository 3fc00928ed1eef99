package fr.usinesouvertes.events.moderation;

import fr.usinesouvertes.events.company.AdminRequests;
import fr.usinesouvertes.events.company.AudienceLabels;
import fr.usinesouvertes.events.company.CompanyPages;
import fr.usinesouvertes.events.company.NotFoundException;
import fr.usinesouvertes.events.company.RefusedException;
import fr.usinesouvertes.events.company.RichText;
import fr.usinesouvertes.events.company.SheetSummary;
import fr.usinesouvertes.events.edition.Audience;
import fr.usinesouvertes.events.edition.Edition;
import fr.usinesouvertes.events.edition.EditionStore;
import fr.usinesouvertes.events.i18n.FrenchDates;
import fr.usinesouvertes.events.i18n.Lang;
import fr.usinesouvertes.platform.admin.AdminViews;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The organisers' moderation app {@value #NAME} (role ADMIN): the queue of submitted event sheets with
 * approve / send back (message e-mailed to the company), and a link to the edition's figures
 * ({@code FiguresServlet}). Forms work without JavaScript.
 */
public final class ModerationServlet extends HttpServlet {

    public static final String NAME = "moderation";
    static final String BASE = "/admin/" + NAME;

    private final transient ModerationQueue queue;
    private final transient EditionStore editions;

    public ModerationServlet(ModerationQueue queue, EditionStore editions) {
        this.queue = queue;
        this.editions = editions;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (AdminRequests.segments(request).length != 0) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        page(request, response, 200, "");
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String[] path = AdminRequests.segments(request);
        Map<String, String> m = CompanyPages.messages(AdminRequests.lang(request));
        Map<String, String> values = AdminRequests.fields(request);
        if (path.length != 3 || !path[0].matches("[0-9]{4}")) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        int year = Integer.parseInt(path[0]);
        try {
            if (path[2].equals("approuver")) {
                queue.approve(year, path[1]);
                AdminViews.flash(request, m.get("moderation.approved"));
            } else if (path[2].equals("rejeter")) {
                queue.reject(year, path[1], values.get("message"));
                AdminViews.flash(request, m.get("moderation.rejected"));
            } else {
                response.sendError(HttpServletResponse.SC_NOT_FOUND);
                return;
            }
        } catch (NotFoundException e) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        } catch (RefusedException e) {
            page(request, response, 409, e.getMessage());
            return;
        }
        AdminViews.redirect(response, BASE + "/");
    }

    private void page(HttpServletRequest request, HttpServletResponse response, int status, String refusal) throws IOException {
        Lang lang = AdminRequests.lang(request);
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("m", CompanyPages.messages(lang));
        model.put("base", BASE);
        model.put("refusal", refusal);
        List<Map<String, Object>> items = new ArrayList<>();
        for (ModerationItem item : queue.submitted()) {
            items.add(item(item, editions.find(item.sheet().edition()).orElse(null), lang));
        }
        model.put("items", items);
        response.setStatus(status);
        AdminViews.render(request, response, "events/moderation.ftlh", model);
    }

    private static Map<String, Object> item(ModerationItem item, Edition edition, Lang lang) {
        SheetSummary sheet = item.sheet();
        Map<String, Object> map = new HashMap<>();
        map.put("company", item.company());
        map.put("siteName", sheet.siteName());
        map.put("slug", sheet.siteSlug());
        map.put("edition", sheet.edition());
        map.put("address", item.address());
        map.put("commune", item.commune());
        map.put("region", item.region());
        map.put("sector", item.sector());
        map.put("values", sheet.values());
        String description = RichText.clean(sheet.values().getOrDefault("description", ""));
        map.put("description", description == null ? "" : description);
        List<String> slots = new ArrayList<>();
        for (SheetSummary.SlotSummary slot : sheet.slots()) {
            String day = edition == null ? slot.dayName() : edition.days().stream().filter(d -> d.name().equals(slot.dayName()))
                    .findFirst().map(d -> FrenchDates.dayWithWeekday(d.date(), lang)).orElse(slot.dayName());
            slots.add(day + ", " + slot.start() + "–" + slot.end() + " · " + slot.capacity() + " pers. · "
                    + String.join(", ", slot.audiences().stream()
                    .map(id -> Audience.fromId(id).map(a -> AudienceLabels.of(a, lang)).orElse(id)).toList()));
        }
        map.put("slots", slots);
        return map;
    }
}
