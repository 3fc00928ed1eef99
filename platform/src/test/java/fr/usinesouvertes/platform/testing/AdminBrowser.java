package fr.usinesouvertes.platform.testing;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A minimal browser for back-office tests over real HTTP: keeps cookies, does not follow redirects,
 * and fills in the CSRF field from the last page it got. Point it at any platform's base URI.
 */
public final class AdminBrowser {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final Map<String, String> cookies = new LinkedHashMap<>();
    private final Map<String, String> headers = new LinkedHashMap<>();
    private String lastCsrf;

    public AdminBrowser(URI base) {
        this.base = base;
    }

    public static AdminBrowser on(PlatformExtension platform) {
        return new AdminBrowser(platform.platform().baseUri());
    }

    /** Another browser on another base URI (e.g. a second cluster node) holding the same cookies. */
    public AdminBrowser sameCookiesOn(URI otherBase) {
        AdminBrowser other = new AdminBrowser(otherBase);
        other.cookies.putAll(cookies);
        other.lastCsrf = lastCsrf;
        return other;
    }

    public HttpResponse<String> get(String path) {
        return send(request(path).GET().build());
    }

    /** POSTs the form as is (no CSRF field added). */
    public HttpResponse<String> postRaw(String path, Map<String, String> form) {
        return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(form))).build());
    }

    /** POSTs the form with the CSRF token of the last page received. */
    public HttpResponse<String> post(String path, Map<String, String> form) {
        if (lastCsrf == null) {
            throw new IllegalStateException("No CSRF token yet: GET a page with a form first");
        }
        Map<String, String> withToken = new LinkedHashMap<>(form);
        withToken.put("_csrf", lastCsrf);
        return postRaw(path, withToken);
    }

    /** Opens the login page, logs in and returns the answer (303 to the dashboard when it worked). */
    public HttpResponse<String> login(String login, String password) {
        get("/admin/login");
        return post("/admin/login", Map.of("login", login, "password", password));
    }

    /** Sends this header with every further request (e.g. {@code X-Forwarded-For}). */
    public AdminBrowser header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public String cookie(String name) {
        return cookies.get(name);
    }

    /** The {@code Cookie} header this browser sends, for requests written by hand. */
    public String cookieHeader() {
        return cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("; "));
    }

    public String csrf() {
        return lastCsrf;
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(path.startsWith("/") ? path.substring(1) : path));
        headers.forEach(builder::header);
        if (!cookies.isEmpty()) {
            builder.header("Cookie", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining("; ")));
        }
        return builder;
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            for (String header : response.headers().allValues("Set-Cookie")) {
                String pair = header.split(";", 2)[0];
                int eq = pair.indexOf('=');
                String name = pair.substring(0, eq).trim();
                String value = pair.substring(eq + 1).trim();
                boolean expired = header.toLowerCase().contains("max-age=0") || value.isEmpty();
                if (expired) {
                    cookies.remove(name);
                } else {
                    cookies.put(name, value);
                }
            }
            Matcher matcher = CSRF.matcher(response.body());
            if (matcher.find()) {
                lastCsrf = matcher.group(1);
            }
            return response;
        } catch (IOException e) {
            throw new IllegalStateException("HTTP request failed: " + request.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    private static String encode(Map<String, String> form) {
        return form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
