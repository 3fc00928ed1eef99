package fr.usinesouvertes.platform.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.usinesouvertes.platform.definition.SiteDefinition;
import fr.usinesouvertes.platform.http.ApiException;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeliveryLanguagesTest {

    final DeliveryLanguages languages = DeliveryLanguages.SITE;

    @Test
    void langWinsOverAcceptLanguageWhichCountsOnlyForTheSitesLocalesElseTheDefault() {
        assertThat(languages.choose("en", "fr")).isEqualTo("en");
        assertThat(languages.choose("de-DE", null)).isEqualTo("de_DE");
        assertThat(languages.choose(null, "de-DE, en;q=0.5")).isEqualTo("en");
        assertThat(languages.choose(null, "de-DE")).isEqualTo("fr");
        assertThat(languages.choose(null, null)).isEqualTo("fr");
        assertThat(languages.choose("all", "en")).isNull();
    }

    @Test
    void aSitesLocalesDefaultAndFallbackComeFromItsDefinition() {
        DeliveryLanguages swiss = DeliveryLanguages.of(new SiteDefinition.SiteLanguages(true,
                List.of("de_CH", "fr_CH", "en"), "de_CH", "en"));
        assertThat(swiss.choose(null, null)).isEqualTo("de_CH");
        assertThat(swiss.choose(null, "fr-CH, fr;q=0.8")).isEqualTo("fr_CH");
        assertThat(swiss.suffixes("fr_CH")).containsExactly("fr_CH", "fr", "en");
        assertThat(swiss.suffixes("de_CH")).containsExactly("en");
        assertThat(swiss.baseName("title_fr_CH", "fr_CH")).isEqualTo("title");
        DeliveryLanguages plain = DeliveryLanguages.of(new SiteDefinition.SiteLanguages(false, List.of("en"), "en", "en"));
        assertThat(plain.choose(null, "en")).isNull(); // content not localized: properties as stored
    }

    @Test
    void onlyLanguageSuffixesMakeVariants() {
        assertThat(languages.baseName("title_en", "en")).isEqualTo("title");
        assertThat(languages.baseName("body_de", "de")).isEqualTo("body");
        assertThat(languages.baseName("body_de_DE", "de_DE")).isEqualTo("body");
        assertThat(languages.baseName("image_id", "en")).isNull();
        assertThat(languages.baseName("title", "en")).isNull();
        assertThat(languages.suffixes("de_DE")).containsExactly("de_DE", "de");
        assertThat(languages.suffixes("fr")).isEmpty();
    }

    @Test
    void aMalformedLangIsABadRequest() {
        assertThatThrownBy(() -> languages.choose("<fr>", null)).isInstanceOf(ApiException.class)
                .hasMessageContaining("lang");
    }
}
