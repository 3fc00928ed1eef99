package fr.usinesouvertes.platform.http;

import static org.assertj.core.api.Assertions.assertThat;

import fr.usinesouvertes.platform.testing.PlatformExtension;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Without the {@code metrics-token} setting, {@code /.metrics} does not exist. */
class MetricsEndpointWithoutTokenTest {

    @RegisterExtension
    static final PlatformExtension PLATFORM = PlatformExtension.withLightModules(Path.of("target/no-light-modules"))
            .inMemory();

    @Test
    void theEndpointAnswers404WhateverIsSent() {
        assertThat(PLATFORM.get("/.metrics").statusCode()).isEqualTo(404);
        assertThat(PLATFORM.get("/.metrics", "Authorization", "Bearer a-long-random-scraper-token-0123456789")
                .statusCode()).isEqualTo(404);
    }
}
