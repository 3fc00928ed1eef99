package fr.usinesouvertes.platform.admin;

import fr.usinesouvertes.platform.http.CacheControl;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * The rich-text editor's files (TinyMCE, from its WebJar {@code org.webjars.npm:tinymce} on the class path),
 * served under {@code /admin/static/tinymce/}: scripts, style sheets and fonts only, by a path of plain
 * segments (no {@code ..}, no encoded characters).
 */
final class EditorFiles {

    static final String PREFIX = "/static/tinymce/";
    private static final Pattern PATH = Pattern.compile("[a-z0-9_-]+(/[A-Za-z0-9_-]+)*/?[A-Za-z0-9_.-]*\\.(js|css|woff2?)");
    private static final Map<String, String> TYPES = Map.of("js", "text/javascript;charset=UTF-8",
            "css", "text/css;charset=UTF-8", "woff", "font/woff", "woff2", "font/woff2");
    private static final String VERSION = version();

    private EditorFiles() {
    }

    /** Sends the file at {@code relative} (its path below {@link #PREFIX}), or a 404. */
    static void serve(HttpServletResponse response, String relative) throws IOException {
        if (!PATH.matcher(relative).matches() || relative.contains("..")) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        send(response, "META-INF/resources/webjars/tinymce/" + VERSION + "/" + relative,
                TYPES.get(relative.substring(relative.lastIndexOf('.') + 1)));
    }

    /**
     * Sends a back-office file of the class path ({@code resource}) as {@code contentType}, kept an hour by caches,
     * or a 404 when there is none.
     */
    static void send(HttpServletResponse response, String resource, String contentType) throws IOException {
        try (InputStream in = EditorFiles.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                response.sendError(HttpServletResponse.SC_NOT_FOUND);
                return;
            }
            response.setContentType(contentType);
            response.setHeader("X-Content-Type-Options", "nosniff");
            response.setHeader("Cache-Control", CacheControl.publicFor(java.time.Duration.ofHours(1)));
            in.transferTo(response.getOutputStream());
        }
    }

    private static String version() {
        try (InputStream in = EditorFiles.class.getResourceAsStream("/META-INF/maven/org.webjars.npm/tinymce/pom.properties")) {
            if (in == null) {
                throw new IllegalStateException("TinyMCE WebJar not on the class path (org.webjars.npm:tinymce)");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
