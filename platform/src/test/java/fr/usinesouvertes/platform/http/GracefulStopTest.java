package fr.usinesouvertes.platform.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.usinesouvertes.platform.Platform;
import fr.usinesouvertes.platform.PlatformLauncher;
import fr.usinesouvertes.platform.module.PlatformModule;
import fr.usinesouvertes.platform.module.TestModule;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stopping the platform lets the requests in flight finish and refuses new connections. */
class GracefulStopTest {

    @TempDir
    Path data;

    /** Answers once the test lets it, as a slow page or a long booking would. */
    static final class SlowPage extends HttpServlet {
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);

        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            entered.countDown();
            try {
                release.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            response.setContentType("text/plain;charset=UTF-8");
            response.getWriter().write("done");
        }
    }

    @Test
    void aRequestInFlightFinishesWhileThePlatformStops() throws Exception {
        SlowPage slow = new SlowPage();
        List<PlatformModule> modules = List.of(TestModule.of("slow", "1.0")
                .onStart(context -> context.web().servlet("/lent/*", slow)));
        Path lightModules = Files.createDirectories(data.resolve("light-modules"));
        var settings = PlatformLauncher.settingsLoader(modules).parse(Map.of("data", data.resolve("data").toString(),
                "port", "0", "host", "127.0.0.1", "light-modules", lightModules.toString()));
        Platform platform = Platform.builder(settings).modules(modules).start();
        URI base = platform.baseUri();
        HttpClient client = HttpClient.newHttpClient();

        CompletableFuture<HttpResponse<String>> inFlight = client.sendAsync(
                HttpRequest.newBuilder(base.resolve("/lent/x")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(slow.entered.await(10, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Void> stopping = CompletableFuture.runAsync(platform::close);
        Thread.sleep(300); // the stop has begun: the connector no longer accepts, the request still waits
        assertThat(stopping).isNotDone();
        slow.release.countDown();

        HttpResponse<String> answer = inFlight.get(10, TimeUnit.SECONDS);
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo("done");
        stopping.get(20, TimeUnit.SECONDS);
        assertThatThrownBy(() -> HttpClient.newHttpClient().send(HttpRequest.newBuilder(base.resolve("/")).build(),
                HttpResponse.BodyHandlers.discarding())).isInstanceOf(IOException.class);
    }
}
