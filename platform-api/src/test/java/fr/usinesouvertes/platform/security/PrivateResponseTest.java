package fr.usinesouvertes.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.Proxy;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link PrivateResponse}: every Cache-Control becomes {@code private, no-store}, but an immutable one. */
class PrivateResponseTest {

    private final Map<String, String> headers = new LinkedHashMap<>();

    private HttpServletResponse recording() {
        return (HttpServletResponse) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {HttpServletResponse.class}, (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "setHeader" -> headers.put((String) args[0], (String) args[1]);
                        case "addHeader" -> headers.merge((String) args[0], (String) args[1], (a, b) -> a + ", " + b);
                        default -> { }
                    }
                    return null;
                });
    }

    @Test
    void everyCacheControlBecomesPrivateNoStoreButAnImmutableOne() {
        PrivateResponse response = new PrivateResponse(recording());
        assertThat(headers).containsEntry("Cache-Control", "private, no-store"); // also when the servlet sets none

        response.setHeader("Cache-Control", "public, max-age=60, must-revalidate");
        assertThat(headers).containsEntry("Cache-Control", "private, no-store");
        response.addHeader("cache-control", "public, max-age=3600");
        assertThat(headers).containsEntry("cache-control", "private, no-store").doesNotContainValue("public, max-age=3600");
        response.setHeader("Cache-Control", "public, max-age=31536000, immutable");
        assertThat(headers).containsEntry("Cache-Control", "public, max-age=31536000, immutable");
        response.addHeader("ETag", "\"abc\"");
        assertThat(headers).containsEntry("ETag", "\"abc\"");
    }
}
