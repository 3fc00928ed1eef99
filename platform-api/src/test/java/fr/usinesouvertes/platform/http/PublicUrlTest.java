package fr.usinesouvertes.platform.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PublicUrlTest {

    @Test
    void aLinkIsTheBaseAndThePathWithoutATrailingSlashOfTheSetting() {
        PublicUrl url = PublicUrl.of("https://journees-usines-ouvertes.fr/");
        assertThat(url.link("/admin/password-reset/abc?lang=en"))
                .isEqualTo("https://journees-usines-ouvertes.fr/admin/password-reset/abc?lang=en");
        assertThat(url.link("/")).isEqualTo("https://journees-usines-ouvertes.fr/");
    }

    @Test
    void theListeningAddressServesWhenNoSettingIsGiven() {
        assertThat(new PublicUrl(null, "0.0.0.0", () -> 8080).link("/usines/forge"))
                .isEqualTo("http://localhost:8080/usines/forge");
    }

    @Test
    void onlyAPathOfTheSiteMakesALink() {
        assertThatThrownBy(() -> PublicUrl.of("https://example.org").link("usines/forge"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
