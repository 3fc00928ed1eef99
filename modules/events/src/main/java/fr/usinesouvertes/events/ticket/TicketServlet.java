package fr.usinesouvertes.events.ticket;

import fr.usinesouvertes.events.i18n.FrenchDates;
import fr.usinesouvertes.events.i18n.Lang;
import fr.usinesouvertes.events.registration.BookableSlot;
import fr.usinesouvertes.events.visit.Visit;
import fr.usinesouvertes.platform.http.CacheControl;
import fr.usinesouvertes.platform.module.ModulePages;
import fr.usinesouvertes.platform.module.RenderedPage;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The ticket pages, mounted at {@code /billet/*}: {@code GET /billet/<token>} shows a registration's ticket (the
 * visit, the site, the day and times, the head count, the practical information, the QR code and the links to change
 * or cancel), in French with English beside it, printable; {@code GET /billet/<token>.png} is the QR code encoding the
 * page's address. A token that does not verify (forged, altered, a manage link's, expired) answers 404; a cancelled
 * registration's or visit's ticket answers 410 "Billet annulé"; a waiting registration's page says it is no ticket
 * yet, without a QR code. Never cached, never framed, no referrer.
 */
public final class TicketServlet extends HttpServlet {

    private static final String TEMPLATE = "/events/templates/ticket/ticket.ftl";
    private static final String PNG = ".png";

    private final transient Tickets tickets;
    private final transient ModulePages pages;
    private final ZoneId zone;

    public TicketServlet(Tickets tickets, ModulePages pages, ZoneId zone) {
        this.tickets = tickets;
        this.pages = pages;
        this.zone = zone;
    }

    /** The path spec the servlet is mounted at. */
    public static String pathSpec() {
        return TicketLinks.PATH + "*";
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo() == null ? "" : request.getPathInfo();
        String token = path.startsWith("/") ? path.substring(1) : path;
        boolean image = token.endsWith(PNG);
        if (image) {
            token = token.substring(0, token.length() - PNG.length());
        }
        Optional<Ticket> ticket = token.isEmpty() || token.contains("/") ? Optional.empty() : tickets.find(token);
        if (ticket.isEmpty()) {
            if (image) {
                plain(response, 404, "Billet introuvable / Ticket not found");
            } else {
                page(request, response, 404, Map.of("ticketState", "notFound"));
            }
            return;
        }
        if (image) {
            if (!ticket.get().valid()) {
                plain(response, 410, "Ce billet ne donne pas accès à la visite / This ticket does not admit anyone");
                return;
            }
            byte[] png = tickets.qrCode(ticket.get());
            response.setStatus(200);
            response.setContentType("image/png");
            response.setHeader("Cache-Control", CacheControl.NO_STORE);
            response.setHeader("Referrer-Policy", "no-referrer");
            response.setContentLength(png.length);
            response.getOutputStream().write(png);
            return;
        }
        Ticket found = ticket.get();
        String state = found.cancelled() ? "cancelled" : found.valid() ? "valid" : "waitlisted";
        page(request, response, found.cancelled() ? 410 : 200, model(request, found, state));
    }

    private Map<String, Object> model(HttpServletRequest request, Ticket ticket, String state) {
        BookableSlot slot = ticket.slot();
        Visit visit = slot.visit();
        ZonedDateTime start = visit.start().withZoneSameInstant(zone);
        ZonedDateTime end = visit.end().withZoneSameInstant(zone);
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("ticketState", state);
        model.put("company", visit.company());
        model.put("site", visit.site());
        model.put("address", visit.address());
        model.put("dayFr", FrenchDates.dayWithWeekday(start.toLocalDate(), Lang.FR));
        model.put("dayEn", FrenchDates.dayWithWeekday(start.toLocalDate(), Lang.EN));
        model.put("timeFr", FrenchDates.time(start.toLocalTime(), Lang.FR) + " – " + FrenchDates.time(end.toLocalTime(), Lang.FR));
        model.put("timeEn", FrenchDates.time(start.toLocalTime(), Lang.EN) + " – " + FrenchDates.time(end.toLocalTime(), Lang.EN));
        model.put("persons", ticket.registration().persons());
        String[] audience = switch (ticket.registration().audience()) {
            case SCHOOL -> new String[] {"Groupe scolaire", "School group"};
            case FRANCE_TRAVAIL -> new String[] {"Groupe France Travail", "France Travail group"};
            case COMPANY -> new String[] {"Entreprise", "Company"};
            case PUBLIC -> new String[] {"Grand public", "General public"};
        };
        model.put("audienceFr", audience[0]);
        model.put("audienceEn", audience[1]);
        // a short reference the gate can read out: the start of the registration's random identifier, nothing personal
        model.put("reference", ticket.registration().id().replace("-", "").substring(0, 8).toUpperCase(Locale.ROOT));
        List<String> practical = visit.practicalInformation().lines().filter(line -> !line.isBlank()).toList();
        model.put("practical", practical);
        model.put("qrCode", request.getContextPath() + TicketLinks.PATH + ticket.token() + PNG);
        model.put("ticketUrl", ticket.url());
        model.put("manageLinkFr", ticket.manageLinkFr());
        model.put("manageLinkEn", ticket.manageLinkEn());
        model.put("cancellationReason", ticket.registration().cancellationReason());
        return model;
    }

    private void page(HttpServletRequest request, HttpServletResponse response, int status, Map<String, Object> model)
            throws IOException {
        RenderedPage page = pages.render(request, TEMPLATE, model);
        byte[] body = page.html().getBytes(StandardCharsets.UTF_8);
        response.setStatus(page.status() == 500 ? 500 : status);
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("Content-Language", "fr");
        response.setHeader("Cache-Control", CacheControl.NO_STORE);
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    private static void plain(HttpServletResponse response, int status, String text) throws IOException {
        byte[] body = (text + "\n").getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType("text/plain;charset=UTF-8");
        response.setHeader("Cache-Control", CacheControl.NO_STORE);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
