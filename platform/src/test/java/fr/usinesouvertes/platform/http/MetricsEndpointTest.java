package fr.usinesouvertes.platform.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.usinesouvertes.platform.module.TestModule;
import fr.usinesouvertes.platform.testing.PlatformExtension;
import io.micrometer.core.instrument.Counter;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code /.metrics} on a running platform on the segment store: only for the {@code metrics-token} bearer, in
 * Prometheus' text format, with the JVM's, the HTTP server's, the repository's, the caches', the search indexes',
 * the cluster jobs' and a module's meters.
 */
class MetricsEndpointTest {

    private static final String TOKEN = "a-long-random-scraper-token-0123456789";

    @RegisterExtension
    static final PlatformExtension PLATFORM = PlatformExtension.withLightModules(Path.of("target/no-light-modules"))
            .setting("metrics-token", TOKEN)
            .modules(TestModule.of("counting", "1.0").onStart(context -> {
                Counter.builder("counting.things").description("Things counted by the test module")
                        .register(context.metrics().registry()).increment(3);
                context.search().open("things", (session, sink) -> {
                    Document document = new Document();
                    document.add(new StringField("id", "one", Field.Store.YES));
                    sink.accept(document);
                });
            }));

    @Test
    void withoutTheTokenTheAnswerIs401AskingForABearer() {
        HttpResponse<String> missing = PLATFORM.get("/.metrics");
        HttpResponse<String> wrong = PLATFORM.get("/.metrics", "Authorization", "Bearer " + TOKEN + "x");
        HttpResponse<String> basic = PLATFORM.get("/.metrics", "Authorization", "Basic " + TOKEN);

        for (HttpResponse<String> response : new HttpResponse[] {missing, wrong, basic}) {
            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                    value -> assertThat(value).startsWith("Bearer"));
            assertThat(response.body()).doesNotContain("jvm_");
        }
    }

    @Test
    void withTheTokenTheMetricsComeInPrometheusTextFormat() {
        PLATFORM.get("/some/page-that-does-not-exist-4242");
        PLATFORM.get("/.rest/delivery/nothing/v1/abc-4242");
        PLATFORM.get("/.health/ready");
        await().atMost(Duration.ofSeconds(20)).until(() -> PLATFORM.platform().readiness().check().up());

        HttpResponse<String> response = PLATFORM.get("/.metrics", "Authorization", "Bearer " + TOKEN);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/plain").contains("version=0.0.4"));
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
        String metrics = response.body();
        assertThat(metrics).contains("jvm_memory_used_bytes{", "jvm_gc_", "jvm_threads_live_threads",
                "jvm_classes_loaded_classes", "process_cpu_usage", "process_uptime_seconds");
        assertThat(metrics).contains("jetty_threads_busy", "jetty_connections_");
        assertThat(metrics).containsPattern("http_server_requests_seconds_count\\{[^}]*status=\"4xx\"[^}]*uri=\"/\"");
        assertThat(metrics).contains("uri=\"/.health/*\"");
        assertThat(metrics).containsPattern("http_server_requests_seconds_count\\{[^}]*uri=\"/.rest/\\{requestPath: \\.\\+\\}\"");
        // in a tag's value, not anywhere: a gauge's value may hold those digits (jvm_memory_used_bytes ... 1.4242816E7)
        assertThat(metrics).as("raw paths never become tags").doesNotContainPattern("\\{[^}]*4242[^}]*\\}");
        assertThat(metrics).containsPattern("oak_commits_total \\d");
        assertThat(metrics).containsPattern("oak_segment_store_size_bytes [1-9]");
        assertThat(metrics).contains("cache_gets_total{cache=\"delivery.answers\"",
                "cache_size{cache=\"rendering.rich-text\"}", "cache_size{cache=\"rendering.asset-renditions\"}");
        assertThat(metrics).contains("search_index_documents{index=\"things\"} 1.0");
        assertThat(metrics).containsPattern("cluster_job_leases_held \\d");
        assertThat(metrics).contains("counting_things_total 3.0");
    }
}
