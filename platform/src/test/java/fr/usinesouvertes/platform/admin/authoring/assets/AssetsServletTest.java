package fr.usinesouvertes.platform.admin.authoring.assets;

import static org.assertj.core.api.Assertions.assertThat;

import fr.usinesouvertes.platform.testing.AdminBrowser;
import fr.usinesouvertes.platform.testing.PlatformExtension;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The assets app over real HTTP: multipart uploads with CSRF, sniffed types, folders, draft thumbnails, publishing,
 * the headers of uploaded files on the draft and public URLs.
 */
class AssetsServletTest {

    @RegisterExtension
    static final PlatformExtension PLATFORM = PlatformExtension
            .withLightModules(Path.of("src/test/resources/authoring-modules")).inMemory()
            .setting("login-rate-limit", "0");
    static AdminBrowser editor;

    @BeforeAll
    static void login() {
        editor = PLATFORM.staff(); // an editor, logged in
    }

    @Test
    void anEditorUploadsAnImageAndAPdfIntoAFolderAndPublishesThem() throws Exception {
        editor.get("/admin/assets/");
        assertThat(editor.post("/admin/assets/folder", Map.of("folder", "/", "name", "presse")).statusCode()).isEqualTo(303);
        HttpResponse<String> image = upload("/presse", "logo.png", AssetStoreTest.image("png", 1000, 500), editor.csrf());
        assertThat(image.statusCode()).isEqualTo(303);
        HttpResponse<String> pdf = upload("/presse", "Kit de l'Industrie de Demain.pdf",
                "%PDF-1.4\n%fake but typed\n".getBytes(StandardCharsets.US_ASCII), editor.csrf());
        assertThat(pdf.statusCode()).isEqualTo(303);

        Document list = Jsoup.parse(editor.get("/admin/assets/?folder=%2Fpresse").body());
        assertThat(list.select(".asset-grid .asset-card")).hasSize(2);
        assertThat(list.select(".asset-card .card-meta").eachText()).containsExactly("PNG · 2 Ko", "PDF · 1 Ko");
        assertThat(list.select(".asset-card .card-title").eachText()).containsExactly("logo", "Kit de l'Industrie de Demain");
        String thumbnail = list.selectFirst(".asset-card img").attr("src");
        assertThat(thumbnail).startsWith("/admin/assets/draft/jcr:").contains("/w320/");
        HttpResponse<String> draft = editor.get(thumbnail);
        assertThat(draft.statusCode()).isEqualTo(200);
        assertThat(draft.headers().firstValue("Content-Type")).hasValue("image/jpeg");
        String publicLink = draftLinks("/presse").get(0).replace("/admin/assets/draft", "/dam");
        assertThat(PLATFORM.get(publicLink).statusCode()).isEqualTo(404); // a draft is not public

        assertThat(editor.post("/admin/assets/publishing", Map.of("path", "/presse", "action", "publish", "folder", "/"))
                .statusCode()).isEqualTo(303);
        assertThat(editor.post("/admin/assets/publishing", Map.of("path", "/presse/logo", "action", "publish",
                "folder", "/presse")).statusCode()).isEqualTo(303);
        assertThat(PLATFORM.get(publicLink).statusCode()).isEqualTo(200);
    }

    @Test
    void refusedFilesAnswer400WithTheReasonAndUploadsNeedTheCsrfToken() throws Exception {
        editor.get("/admin/assets/");
        HttpResponse<String> script = upload("/", "joli.svg",
                "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>".getBytes(StandardCharsets.UTF_8), editor.csrf());
        assertThat(script.statusCode()).isEqualTo(400);
        assertThat(script.body()).contains("SVG refusé");
        HttpResponse<String> exe = upload("/", "photo.jpg", "MZ not an image".getBytes(StandardCharsets.US_ASCII), editor.csrf());
        assertThat(exe.statusCode()).isEqualTo(400);
        assertThat(exe.body()).contains("Type de fichier refusé");
        assertThat(upload("/", "logo.png", AssetStoreTest.image("png", 10, 10), "forged").statusCode()).isEqualTo(403);
        Boolean stored = PLATFORM.platform().repository().read(session -> session.nodeExists("/dam/joli")
                || session.nodeExists("/dam/photo") || session.nodeExists("/dam/logo"));
        assertThat(stored).isFalse();
    }

    @Test
    void uploadedFilesAreServedSandboxedFromTheDraftAndPublicUrlsAndPdfAsAnAttachment() throws Exception {
        editor.get("/admin/assets/");
        assertThat(editor.post("/admin/assets/folder", Map.of("folder", "/", "name", "securite")).statusCode()).isEqualTo(303);
        String svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\"><rect width=\"10\" height=\"10\"/></svg>";
        assertThat(upload("/securite", "dessin.svg", svg.getBytes(StandardCharsets.UTF_8), editor.csrf()).statusCode()).isEqualTo(303);
        assertThat(upload("/securite", "Notice.pdf", "%PDF-1.4\n%typed\n".getBytes(StandardCharsets.US_ASCII), editor.csrf())
                .statusCode()).isEqualTo(303);
        List<String> drafts = draftLinks("/securite");
        String svgDraft = drafts.stream().filter(href -> href.endsWith(".svg")).findFirst().orElseThrow();
        String pdfDraft = drafts.stream().filter(href -> href.endsWith(".pdf")).findFirst().orElseThrow();

        HttpResponse<String> draft = editor.get(svgDraft);
        assertThat(draft.statusCode()).isEqualTo(200);
        assertThat(draft.body()).isEqualTo(svg);
        assertSandboxed(draft, "image/svg+xml");
        assertThat(draft.headers().firstValue("Content-Disposition")).isEmpty(); // an image stays inline
        HttpResponse<String> pdf = editor.get(pdfDraft);
        assertSandboxed(pdf, "application/pdf");
        assertThat(pdf.headers().firstValue("Content-Disposition")).hasValue("attachment; filename=\"notice.pdf\"; filename*=UTF-8''notice.pdf");

        for (String path : new String[] {"/securite", "/securite/dessin", "/securite/notice"}) {
            String parent = path.equals("/securite") ? "/" : "/securite";
            assertThat(editor.post("/admin/assets/publishing", Map.of("path", path, "action", "publish", "folder", parent))
                    .statusCode()).isEqualTo(303);
        }
        HttpResponse<String> published = PLATFORM.get(svgDraft.replace("/admin/assets/draft", "/dam"));
        assertThat(published.statusCode()).isEqualTo(200);
        assertSandboxed(published, "image/svg+xml");
        // the site's own policy comes too (SecurityHeadersFilter): browsers enforce both, so the sandbox holds
        assertThat(published.headers().allValues("Content-Security-Policy")).hasSize(2);
        HttpResponse<String> publishedPdf = PLATFORM.get(pdfDraft.replace("/admin/assets/draft", "/dam"));
        assertSandboxed(publishedPdf, "application/pdf");
        assertThat(publishedPdf.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment;");
    }

    /** The draft file links of a folder's assets, from each asset's screen. */
    private static List<String> draftLinks(String folder) {
        Document list = Jsoup.parse(editor.get("/admin/assets/?folder=" + folder.replace("/", "%2F")).body());
        return list.select(".asset-card a.card-link").eachAttr("href").stream()
                .map(screen -> Jsoup.parse(editor.get(screen).body()).selectFirst(".asset-facts a[href^=/admin/assets/draft/]").attr("href"))
                .toList();
    }

    private static void assertSandboxed(HttpResponse<String> response, String contentType) {
        assertThat(response.headers().firstValue("Content-Type")).hasValue(contentType);
        assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(response.headers().allValues("Content-Security-Policy"))
                .contains("default-src 'none'; style-src 'unsafe-inline'; sandbox");
    }

    private static HttpResponse<String> upload(String folder, String fileName, byte[] data, String csrf) throws Exception {
        String boundary = "----uo" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrf + "\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"folder\"\r\n\r\n" + folder + "\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n";
        body.write(head.getBytes(StandardCharsets.UTF_8));
        body.write(data);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(PLATFORM.uri("/admin/assets/upload"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Cookie", "uo_session=" + editor.cookie("uo_session"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }
}
