package fr.usinesouvertes.platform.admin.authoring.assets;

import fr.usinesouvertes.platform.testing.AdminBrowser;
import fr.usinesouvertes.platform.testing.PlatformExtension;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Multipart requests of the assets app, as a browser's form (or the page's script) sends them. */
final class AssetRequests {

    private final PlatformExtension platform;
    private final AdminBrowser browser;

    AssetRequests(PlatformExtension platform, AdminBrowser browser) {
        this.platform = platform;
        this.browser = browser;
    }

    /** Uploads files (name to bytes, in order) into a folder in one request, with the CSRF field of the last page. */
    HttpResponse<String> upload(String folder, Map<String, byte[]> files) {
        return send("/admin/assets/upload", Map.of("folder", folder), "file", files, null);
    }

    HttpResponse<String> upload(String folder, String fileName, byte[] data) {
        return upload(folder, Map.of(fileName, data));
    }

    /** What the page's script sends: one file, the token in the X-CSRF-Token header, JSON asked for. */
    HttpResponse<String> uploadAsScript(String folder, String fileName, byte[] data) {
        return send("/admin/assets/upload", Map.of("folder", folder), "file", Map.of(fileName, data), "application/json");
    }

    HttpResponse<String> replace(String path, String fileName, byte[] data) {
        return send("/admin/assets/replace", Map.of("path", path), "file", Map.of(fileName, data), null);
    }

    private HttpResponse<String> send(String target, Map<String, String> fields, String fileField, Map<String, byte[]> files,
                                      String accept) {
        String boundary = "----uo" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        Map<String, String> all = new LinkedHashMap<>();
        if (accept == null) {
            all.put("_csrf", browser.csrf());
        }
        all.putAll(fields);
        try {
            for (Map.Entry<String, String> field : all.entrySet()) {
                body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey() + "\"\r\n\r\n"
                        + field.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
            }
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField + "\"; filename=\""
                        + file.getKey() + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
                body.write(file.getValue());
                body.write("\r\n".getBytes(StandardCharsets.UTF_8));
            }
            body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            HttpRequest.Builder request = HttpRequest.newBuilder(platform.uri(target))
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .header("Cookie", browser.cookieHeader())
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
            if (accept != null) {
                request.header("Accept", accept).header("X-CSRF-Token", browser.csrf());
            }
            return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static byte[] pdf(String text) {
        return ("%PDF-1.4\n%" + text + "\n").getBytes(StandardCharsets.US_ASCII);
    }
}
