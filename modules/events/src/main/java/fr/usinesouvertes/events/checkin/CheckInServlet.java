package fr.usinesouvertes.events.checkin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.usinesouvertes.events.company.AccountCompanySession;
import fr.usinesouvertes.events.company.AdminRequests;
import fr.usinesouvertes.events.company.CompanySession;
import fr.usinesouvertes.events.company.NotFoundException;
import fr.usinesouvertes.events.i18n.Messages;
import fr.usinesouvertes.events.i18n.Lang;
import fr.usinesouvertes.events.registration.InvalidLinkException;
import fr.usinesouvertes.events.ticket.QrCodes;
import fr.usinesouvertes.events.ticket.TicketLinks;
import fr.usinesouvertes.platform.http.CacheControl;
import fr.usinesouvertes.platform.http.Router;
import fr.usinesouvertes.platform.module.AdminViews;
import fr.usinesouvertes.platform.security.Account;
import fr.usinesouvertes.platform.security.CurrentAccount;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The gate's check-in, back-office app {@value #NAME} (role COMPANY), made for a phone: the day's slots of the
 * company's sites with their bookings, search by name, present (with the persons there), absent, walk-ins, closing a
 * slot. It works without network: a service worker ({@code sw.js}, scope {@code /admin/pointage/}) keeps the page, its
 * script and the last list; check-ins wait in the phone's storage and are sent when the network is back
 * ({@code POST sync}), each operation idempotent ({@link Attendance}).
 *
 * <ul>
 *   <li>{@code GET /?jour=2026-03-20}: the page (today by default);</li>
 *   <li>{@code GET /jour.json?jour=}: the day as JSON;</li>
 *   <li>{@code POST /sync} ({@code X-CSRF-Token}, JSON {@code {"operations": [...]}}): applies the operations
 *       ({@link CheckInOperation}) and answers the slots they touched as they are now; 400 naming the field, 404 for
 *       another company's slot;</li>
 *   <li>{@code POST /scan} (multipart {@code photo}): the booking of a ticket's photo, for phones that cannot read QR
 *       codes themselves (those that can, with the browser's {@code BarcodeDetector}, read them offline).</li>
 * </ul>
 */
@jakarta.servlet.annotation.MultipartConfig(maxFileSize = CheckInServlet.MAX_PHOTO, maxRequestSize = CheckInServlet.MAX_PHOTO + 64 * 1024)
public final class CheckInServlet extends HttpServlet {

    /** The largest photo of a ticket accepted (a phone's camera picture). */
    static final long MAX_PHOTO = 12L * 1024 * 1024;

    public static final String NAME = "pointage";
    static final String BASE = "/admin/" + NAME + "/";
    private static final String FILES = "fr/usinesouvertes/events/checkin/";
    private static final int MAX_BODY = 1024 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    @FunctionalInterface
    private interface Page {
        void handle(HttpServletRequest request, HttpServletResponse response, CompanySession company, Account account)
                throws IOException;
    }

    private final transient Attendance attendance;
    private final transient fr.usinesouvertes.platform.repository.ContentRepository repository;
    private final transient Router<Page> routes = Router.<Page>builder()
            .get("/", this::page)
            .get("/jour.json", (request, response, company, account) -> json(response, 200,
                    day(company, date(request.getParameter("jour")))))
            .post("/sync", this::sync)
            .post("/scan", this::scan)
            .get("/checkin.js", (request, response, company, account) -> file(response, "checkin.js", "text/javascript"))
            .get("/checkin.css", (request, response, company, account) -> file(response, "checkin.css", "text/css"))
            .get("/sw.js", (request, response, company, account) -> file(response, "checkin-sw.js", "text/javascript"))
            .build();

    private final transient TicketLinks tickets;

    public CheckInServlet(fr.usinesouvertes.platform.repository.ContentRepository repository, Attendance attendance,
                          TicketLinks tickets) {
        this.repository = repository;
        this.attendance = attendance;
        this.tickets = tickets;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        dispatch(request, response);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        dispatch(request, response);
    }

    private void dispatch(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Account account = CurrentAccount.require(request);
        if (account.company() == null || account.company().isBlank()) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        String path = request.getPathInfo() == null ? "/" : request.getPathInfo();
        Optional<Router.Match<Page>> route = routes.find(request.getMethod(), path);
        if (route.isEmpty()) {
            response.sendError(routes.allowedMethods(path).isEmpty() ? 404 : 405);
            return;
        }
        try {
            route.get().handler().handle(request, response, new AccountCompanySession(repository, account), account);
        } catch (CheckInRefusedException e) {
            json(response, 400, Map.of("code", "invalidCheckIn", "field", e.field(), "message", e.getMessage()));
        } catch (NotFoundException e) {
            json(response, 404, Map.of("code", "slotNotFound", "message", "No slot of your company: " + e.getMessage()));
        }
    }

    private void page(HttpServletRequest request, HttpServletResponse response, CompanySession company, Account account)
            throws IOException {
        Lang lang = AdminRequests.lang(request);
        Map<String, String> m = Messages.of(Messages.CHECKIN, lang).all();
        LocalDate date = date(request.getParameter("jour"));
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("m", m);
        model.put("date", date.toString());
        model.put("messagesJson", JSON.writeValueAsString(m));
        model.put("slots", attendance.day(company, date));
        AdminViews.render(request, response, "events/checkin.ftlh", model);
    }

    private void sync(HttpServletRequest request, HttpServletResponse response, CompanySession company, Account account)
            throws IOException {
        byte[] body = request.getInputStream().readNBytes(MAX_BODY + 1);
        if (body.length > MAX_BODY) {
            throw new CheckInRefusedException("operations", "the request is larger than " + MAX_BODY + " bytes");
        }
        JsonNode json;
        try {
            json = JSON.readTree(new String(body, StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            throw new CheckInRefusedException("body", "the request is not JSON");
        }
        List<CheckInOperation> operations = CheckInOperation.parse(json);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("slots", attendance.apply(company, account.login(), operations));
        answer.put("applied", operations.size());
        json(response, 200, answer);
    }

    /**
     * A photo of a ticket (multipart {@code photo}), for phones that cannot read QR codes themselves: its QR code read
     * here, the ticket's signature checked, and the booking answered when it is one of the company's on that day
     * ({@code {"slot", "registration"}}); 400 naming {@code photo} when no ticket is found in it, 404 for another visit.
     */
    private void scan(HttpServletRequest request, HttpServletResponse response, CompanySession company, Account account)
            throws IOException {
        Optional<String> text;
        try {
            jakarta.servlet.http.Part photo = request.getPart("photo");
            if (photo == null) {
                throw new CheckInRefusedException("photo", "photo: send the ticket's photo");
            }
            try (InputStream in = photo.getInputStream()) {
                text = QrCodes.read(in);
            }
        } catch (jakarta.servlet.ServletException | IllegalStateException | IOException e) {
            throw new CheckInRefusedException("photo", "photo: not an image, or larger than "
                    + MAX_PHOTO / (1024 * 1024) + " MB");
        }
        int at = text.map(code -> code.indexOf(TicketLinks.PATH)).orElse(-1);
        if (at < 0) {
            throw new CheckInRefusedException("photo", "photo: no ticket's QR code found; search the name instead");
        }
        String registration;
        try {
            registration = tickets.verify(text.get().substring(at + TicketLinks.PATH.length()));
        } catch (InvalidLinkException e) {
            throw new CheckInRefusedException("photo", "photo: this ticket is not valid (" + e.getMessage() + ")");
        }
        LocalDate date = date(request.getParameter("jour"));
        for (Attendance.SlotDay slot : attendance.day(company, date)) {
            for (Attendance.Booking booking : slot.bookings()) {
                if (booking.id().equals(registration)) {
                    json(response, 200, Map.of("slot", slot.id(), "registration", registration));
                    return;
                }
            }
        }
        json(response, 404, Map.of("code", "notThisVisit", "message",
                "This ticket is for another visit or another day, or was cancelled"));
    }

    private Map<String, Object> day(CompanySession company, LocalDate date) {
        Map<String, Object> day = new LinkedHashMap<>();
        day.put("date", date.toString());
        day.put("slots", attendance.day(company, date));
        return day;
    }

    /** The day asked ({@code 2026-03-20}), today when none; 400 naming {@code jour} for anything else. */
    private LocalDate date(String asked) {
        if (asked == null || asked.isBlank()) {
            return attendance.today();
        }
        try {
            return LocalDate.parse(asked.strip());
        } catch (DateTimeParseException e) {
            throw new CheckInRefusedException("jour", "jour must be a date such as 2026-03-20");
        }
    }

    private static void json(HttpServletResponse response, int status, Object body) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json;charset=UTF-8");
        response.setHeader("Cache-Control", CacheControl.PRIVATE);
        JSON.writeValue(response.getOutputStream(), body);
    }

    /** The app's own files; {@code no-cache}: the service worker and the browser check them at each load online. */
    private static void file(HttpServletResponse response, String name, String type) throws IOException {
        try (InputStream in = CheckInServlet.class.getClassLoader().getResourceAsStream(FILES + name)) {
            if (in == null) {
                response.sendError(404);
                return;
            }
            response.setContentType(type + ";charset=UTF-8");
            response.setHeader("Cache-Control", "no-cache");
            in.transferTo(response.getOutputStream());
        }
    }
}
