package fr.usinesouvertes.platform.http;

import fr.usinesouvertes.platform.health.Readiness;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /.health/*} for load balancers and orchestrators, public and never cached ({@code no-store}):
 * <ul>
 * <li>{@code /.health/live}: the process answers, {@code 200 {"status":"UP"}}, touching nothing else;</li>
 * <li>{@code /.health/ready}: every readiness check ({@link Readiness}) with its status and a short detail,
 * {@code 200} when all are up, {@code 503} otherwise.</li>
 * </ul>
 * No personal data and no stack trace: the details are the checks' own short texts.
 */
public final class HealthServlet extends RoutedServlet {

    /** Where the servlet is mounted. */
    public static final String PATH_SPEC = "/.health/*";

    private final transient Readiness readiness;

    public HealthServlet(Readiness readiness) {
        this.readiness = readiness;
    }

    @Override
    protected Router<Router.Page> routes() {
        return Router.<Router.Page>builder()
                .get("/live", (request, response, route) ->
                        write(response, HttpServletResponse.SC_OK, Map.of("status", "UP")))
                .get("/ready", (request, response, route) -> ready(response))
                .build();
    }

    @Override
    protected void notFound(HttpServletRequest request, HttpServletResponse response) throws IOException {
        write(response, HttpServletResponse.SC_NOT_FOUND, new ErrorBody("notFound",
                "Health answers at /.health/live and /.health/ready"));
    }

    private void ready(HttpServletResponse response) throws IOException {
        Readiness.Report report = readiness.check();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status(report.up()));
        List<Map<String, Object>> checks = report.checks().stream().map(check -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("name", check.name());
            entry.put("status", status(check.up()));
            entry.put("detail", check.detail());
            return entry;
        }).toList();
        body.put("checks", checks);
        write(response, report.up() ? HttpServletResponse.SC_OK : HttpServletResponse.SC_SERVICE_UNAVAILABLE, body);
    }

    private static String status(boolean up) {
        return up ? "UP" : "DOWN";
    }

    private static void write(HttpServletResponse response, int status, Object body) throws IOException {
        response.setStatus(status);
        response.setHeader("Cache-Control", CacheControl.NO_STORE);
        response.setContentType("application/json;charset=utf-8");
        response.getOutputStream().write(JsonMapper.mapper().writeValueAsBytes(body));
    }
}
