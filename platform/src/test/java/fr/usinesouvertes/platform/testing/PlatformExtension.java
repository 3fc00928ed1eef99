package fr.usinesouvertes.platform.testing;

import fr.usinesouvertes.platform.Platform;
import fr.usinesouvertes.platform.PlatformLauncher;
import fr.usinesouvertes.platform.config.CoreSettings;
import fr.usinesouvertes.platform.maintenance.MaintenanceSettings;
import fr.usinesouvertes.platform.config.Settings;
import fr.usinesouvertes.platform.module.PlatformModule;
import fr.usinesouvertes.platform.repository.MemoryStoreBackend;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Boots a whole platform for a test class, on a free port with a temporary data folder, and offers
 * plain HTTP helpers. Register it as a static field with {@code @RegisterExtension}.
 */
public final class PlatformExtension implements BeforeAllCallback, AfterAllCallback {

    private final Map<String, String> settings = new LinkedHashMap<>();
    private List<PlatformModule> modules = List.of();
    private boolean inMemory;
    private java.util.function.Supplier<fr.usinesouvertes.platform.repository.StoreBackend> storeBackend;
    private java.time.Clock clock;
    private Path dataFolder;
    private Platform platform;
    private AdminBrowser staff;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    /** A platform reading light modules from {@code folder} (e.g. a test fixture folder). */
    public static PlatformExtension withLightModules(Path folder) {
        PlatformExtension extension = new PlatformExtension();
        extension.settings.put(CoreSettings.LIGHT_MODULES.name(), folder.toAbsolutePath().toString());
        return extension;
    }

    /** Oak's memory node store instead of the segment store: same behaviour, faster, nothing on disk. */
    public PlatformExtension inMemory() {
        this.inMemory = true;
        return this;
    }

    /** The repository's store from {@code backend} (e.g. a {@link RefusingStoreBackend} the test controls). */
    public PlatformExtension storeBackend(java.util.function.Supplier<fr.usinesouvertes.platform.repository.StoreBackend> backend) {
        this.storeBackend = backend;
        return this;
    }

    /** The platform's clock (e.g. a {@link MutableClock} the test moves). */
    public PlatformExtension clock(java.time.Clock clock) {
        this.clock = clock;
        return this;
    }

    public PlatformExtension setting(String name, String value) {
        settings.put(name, value);
        return this;
    }

    public PlatformExtension modules(PlatformModule... modules) {
        this.modules = List.of(modules);
        return this;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        dataFolder = Files.createTempDirectory("platform-test");
        Map<String, String> raw = new LinkedHashMap<>(settings);
        raw.put(CoreSettings.PORT.name(), "0");
        raw.put(CoreSettings.HOST.name(), "127.0.0.1");
        raw.putIfAbsent(CoreSettings.DATA.name(), dataFolder.toString());
        // no nightly revision collection in the middle of a test run at 03:00; tests of it ask for one
        raw.putIfAbsent(MaintenanceSettings.REVISION_GC_AT.name(), "none");
        Settings parsed = PlatformLauncher.settingsLoader(modules).parse(raw);
        Platform.Builder builder = Platform.builder(parsed).modules(modules);
        if (inMemory) {
            builder.storeBackend(s -> new MemoryStoreBackend());
        }
        if (storeBackend != null) {
            builder.storeBackend(s -> storeBackend.get());
        }
        if (clock != null) {
            builder.clock(clock);
        }
        platform = builder.start();
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        if (platform != null) {
            platform.close();
        }
        deleteRecursively(dataFolder);
    }

    /**
     * An HTTP client logged in to the back office as an editor who is also a publisher (created on first use), for
     * staff-only endpoints: it publishes directly, without review.
     */
    public synchronized AdminBrowser staff() {
        if (staff == null) {
            String login = "redaction@example.fr";
            String password = "mot de passe de la rédaction";
            platform.accounts().create(login, "Rédaction", password.toCharArray(),
                    java.util.Set.of(fr.usinesouvertes.platform.security.Role.EDITOR,
                            fr.usinesouvertes.platform.security.Role.PUBLISHER), null);
            AdminBrowser browser = AdminBrowser.on(this);
            int status = browser.login(login, password).statusCode();
            if (status != 303) {
                throw new IllegalStateException("The staff test account could not log in: " + status);
            }
            staff = browser;
        }
        return staff;
    }

    public Platform platform() {
        return platform;
    }

    /**
     * Publishes everything in every publishable workspace, with sub-pages, as user {@code test}: for tests
     * that write content straight into the drafts ({@code /website}, ...) and read it as the public does.
     */
    public void publishAll() {
        for (String workspace : platform.publishing().publishableWorkspaces()) {
            platform.publishing().publish("test", workspace, "/", true);
        }
    }

    /** Publishes one node of a workspace with its sub-pages, as user {@code test}. */
    public void publish(String workspace, String path) {
        platform.publishing().publish("test", workspace, path, true);
    }

    public Path dataFolder() {
        return dataFolder;
    }

    public URI uri(String path) {
        return platform.baseUri().resolve(path.startsWith("/") ? path.substring(1) : path);
    }

    public HttpResponse<String> get(String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request.build());
    }

    public HttpResponse<String> post(String path, String contentType, String body) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    public HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("HTTP request failed: " + request.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    /**
     * Sends a GET with the request target written as is, e.g. with raw {@code [}, {@code ]} and {@code |}
     * in the query, which {@link java.net.URI} refuses but browsers and curl send. Returns status and body.
     */
    public RawResponse rawGet(String target) {
        return rawRequest("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
    }

    /**
     * Sends {@code request} as written (request line, headers, blank line, body; {@code Connection: close}),
     * e.g. with a {@code Host} header that Java's HTTP client refuses to set.
     */
    public RawResponse rawRequest(String request) {
        String target = request.lines().findFirst().orElse("");
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", platform.port())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            String response = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            int status = Integer.parseInt(response.substring(9, 12));
            int bodyStart = response.indexOf("\r\n\r\n");
            return new RawResponse(status, bodyStart < 0 ? "" : response.substring(bodyStart + 4));
        } catch (IOException e) {
            throw new IllegalStateException("Raw request failed: " + target, e);
        }
    }

    /** Status and body (possibly chunk-encoded) of a {@link #rawGet(String)}. */
    public record RawResponse(int status, String body) {
    }

    public HttpClient http() {
        return http;
    }

    public static void deleteRecursively(Path folder) throws IOException {
        if (folder == null || !Files.exists(folder)) {
            return;
        }
        List<Path> paths = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(folder)) {
            walk.sorted(Comparator.reverseOrder()).forEach(paths::add);
        }
        for (Path path : paths) {
            Files.deleteIfExists(path);
        }
    }
}
