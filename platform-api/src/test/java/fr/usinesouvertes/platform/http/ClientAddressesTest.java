package fr.usinesouvertes.platform.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The client address every servlet and REST resource reads ({@code getRemoteAddr()}): the forwarded one only
 * when the connection comes from a trusted proxy (address or CIDR range), else the socket's.
 */
class ClientAddressesTest {

    /** Echoes the client address as a servlet sees it. */
    static final class Echo extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            response.getWriter().write(request.getRemoteAddr());
        }
    }

    /** Echoes it as a Jersey resource sees it. */
    @Path("echo")
    public static final class EchoResource {
        @GET
        public String echo(@Context HttpServletRequest request) {
            return request.getRemoteAddr();
        }
    }

    private static String clientSeenBy(List<String> trusted, String path, String... forwarded) throws Exception {
        try (PlatformServer server = new PlatformServer("127.0.0.1", 0, List.of(EchoResource.class),
                List.of(new PlatformServer.Mount("/echo", new Echo())), List.of(), new ClientAddresses(trusted),
                SecurityHeadersFilter.DEFAULT_POLICY, null, false)) {
            server.start();
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path));
            for (String header : forwarded) {
                request.header("X-Forwarded-For", header);
            }
            return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString()).body();
        }
    }

    @Test
    void anUntrustedPeerCannotNameTheClient() throws Exception {
        assertThat(clientSeenBy(List.of(), "/echo", "198.51.100.9")).isEqualTo("127.0.0.1");
        assertThat(clientSeenBy(List.of("10.0.0.0/8"), "/echo", "198.51.100.9")).isEqualTo("127.0.0.1");
    }

    @Test
    void aTrustedProxyNamesTheClientForServletsAndRestResources() throws Exception {
        assertThat(clientSeenBy(List.of("127.0.0.1"), "/echo", "198.51.100.9")).isEqualTo("198.51.100.9");
        assertThat(clientSeenBy(List.of("127.0.0.0/8"), "/.rest/echo", "198.51.100.9")).isEqualTo("198.51.100.9");
    }

    @Test
    void theRightmostUntrustedHopIsTheClientAndForgedEntriesLeftOfItAreIgnored() throws Exception {
        // the client forged "192.0.2.1"; the outer proxy 10.1.2.3 (trusted) added the real client
        assertThat(clientSeenBy(List.of("127.0.0.1", "10.0.0.0/8"), "/echo", "192.0.2.1, 203.0.113.5, 10.1.2.3"))
                .isEqualTo("203.0.113.5");
        assertThat(clientSeenBy(List.of("127.0.0.1"), "/echo", "192.0.2.1", "203.0.113.5")).isEqualTo("203.0.113.5");
        assertThat(clientSeenBy(List.of("127.0.0.1"), "/echo", "2001:db8::1")).isEqualTo("[2001:db8:0:0:0:0:0:1]");
    }

    @Test
    void garbageInTheHeaderIsNeverResolvedOrBelieved() throws Exception {
        assertThat(clientSeenBy(List.of("127.0.0.1"), "/echo", "evil.example")).isEqualTo("127.0.0.1");
        assertThat(clientSeenBy(List.of("127.0.0.1"), "/echo", "300.1.1.1")).isEqualTo("127.0.0.1");
    }

    @Test
    void theSettingTakesAddressesAndCidrRangesAndNamesWhatIsWrong() {
        new ClientAddresses(List.of("127.0.0.1", "10.0.0.0/8", "fd00::/8", "::1"));
        assertThatThrownBy(() -> new ClientAddresses(List.of("proxy.example")))
                .hasMessageContaining("'proxy.example' is not an IP address or CIDR range");
        assertThatThrownBy(() -> new ClientAddresses(List.of("10.0.0.0/33")))
                .hasMessageContaining("prefix length outside 0-32");
    }
}
