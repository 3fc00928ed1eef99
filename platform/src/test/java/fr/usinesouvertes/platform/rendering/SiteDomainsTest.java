package fr.usinesouvertes.platform.rendering;

import static org.assertj.core.api.Assertions.assertThat;

import fr.usinesouvertes.platform.testing.PlatformExtension;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import javax.jcr.Node;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two sites of one platform, each naming its domain ({@code src/test/resources/domain-sites}): a request is answered
 * by the site whose {@code domains} name its {@code Host}, at that address (root page, absolute URLs, languages of
 * the Delivery API, CORS rules); any other host gets the site of the platform's own address.
 */
class SiteDomainsTest {

    @RegisterExtension
    static final PlatformExtension PLATFORM = PlatformExtension.withLightModules(Path.of("src/test/resources/domain-sites"))
            .inMemory();

    @BeforeAll
    static void content() {
        PLATFORM.platform().repository().write(session -> {
            for (String name : new String[] {"alpha", "beta"}) {
                Node home = session.getNode("/website").addNode(name, "mgnl:page");
                home.setProperty("mgnl:template", "domains:pages/page");
                home.setProperty("title", name.equals("alpha") ? "Accueil Alpha" : "Beta home");
                home.setProperty("title_fr", name.equals("alpha") ? "Accueil Alpha (fr)" : "Accueil Bêta");
            }
            return null;
        });
        PLATFORM.publishAll();
    }

    @Test
    void eachDomainShowsItsSiteAtItsOwnAddress() throws IOException {
        int port = PLATFORM.platform().baseUri().getPort();
        String alpha = get("alpha.example", "/", "");
        assertThat(alpha).startsWith("HTTP/1.1 200").contains("<h1>Accueil Alpha</h1>")
                .contains("<p id=\"base\">http://alpha.example:" + port + "</p>");
        String beta = get("beta.example", "/", "");
        assertThat(beta).startsWith("HTTP/1.1 200").contains("<h1>Beta home</h1>")
                .contains("<p id=\"base\">http://beta.example:" + port + "</p>");
        // a host no site names: the site of the platform's own address, at that address
        assertThat(get("elsewhere.example", "/", "")).contains("<h1>Accueil Alpha</h1>")
                .doesNotContain("elsewhere.example");
    }

    @Test
    void theDeliveryApiAndCorsFollowTheSiteOfTheHost() throws IOException {
        // beta's languages: English by default, French second; alpha has the platform's (French by default)
        assertThat(get("beta.example", "/.rest/delivery/pages/v1/beta?lang=fr", "")).contains("\"title\":\"Accueil Bêta\"");
        assertThat(get("alpha.example", "/.rest/delivery/pages/v1/beta?lang=fr", "")).contains("\"title\":\"Beta home\"");

        String origin = "Origin: http://front.example\r\n";
        assertThat(get("beta.example", "/.rest/delivery/pages/v1/beta", origin))
                .contains("Access-Control-Allow-Origin: http://front.example");
        assertThat(get("alpha.example", "/.rest/delivery/pages/v1/beta", origin))
                .doesNotContain("Access-Control-Allow-Origin");
    }

    /** A GET with its own {@code Host} header (the JDK's client does not let a caller set it), the answer as text. */
    private static String get(String host, String path, String headers) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", PLATFORM.platform().baseUri().getPort())) {
            socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\n" + headers
                    + "Connection: close\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
