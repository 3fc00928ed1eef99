package fr.usinesouvertes.platform.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.usinesouvertes.platform.http.ApiException;
import org.junit.jupiter.api.Test;

class DeliveryLanguagesTest {

    final DeliveryLanguages languages = DeliveryLanguages.SITE;

    @Test
    void langWinsOverAcceptLanguageWhichCountsOnlyForSupportedLanguages() {
        assertThat(languages.choose("en", "fr")).isEqualTo("en");
        assertThat(languages.choose("de-DE", null)).isEqualTo("de_DE");
        assertThat(languages.choose(null, "de-DE, en;q=0.5")).isEqualTo("en");
        assertThat(languages.choose(null, "de-DE")).isNull();
        assertThat(languages.choose("all", "en")).isNull();
        assertThat(languages.choose(null, null)).isNull();
    }

    @Test
    void onlyLanguageSuffixesMakeVariants() {
        assertThat(languages.baseName("title_en", "en")).isEqualTo("title");
        assertThat(languages.baseName("body_de", "de")).isEqualTo("body");
        assertThat(languages.baseName("body_de_DE", "de_DE")).isEqualTo("body");
        assertThat(languages.baseName("image_id", "en")).isNull();
        assertThat(languages.baseName("title", "en")).isNull();
        assertThat(languages.suffixes("de_DE")).containsExactly("de_DE", "de");
    }

    @Test
    void aMalformedLangIsABadRequest() {
        assertThatThrownBy(() -> languages.choose("<fr>", null)).isInstanceOf(ApiException.class)
                .hasMessageContaining("lang");
    }
}
