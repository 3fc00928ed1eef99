package fr.usinesouvertes.events.search;

import static org.assertj.core.api.Assertions.assertThat;

import fr.usinesouvertes.platform.search.SearchAnalyzers;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.junit.jupiter.api.Test;

/** The sectors' synonym list, read through the platform's French analysis. */
class SectorSynonymsTest {

    private static final Analyzer QUERY = SectorSynonyms.queryAnalyzer(SectorSynonyms.load());

    @Test
    void aSectorWordAlsoLooksForItsSynonymsWhateverItsAccentsCaseAndNumber() throws IOException {
        assertThat(terms(QUERY, "description", "pharmacie"))
                .contains(stem("pharmaceutique"), stem("médicament"), stem("pharmacie"));
        assertThat(terms(QUERY, "description", "Médicaments")).contains(stem("pharmaceutique"), stem("pharmacie"));
        assertThat(terms(QUERY, "sectorText", "agro")).contains(stem("agroalimentaire"), stem("alimentaire"));
        assertThat(terms(QUERY, "sectorText", "aérospatial")).contains(stem("aéronautique"));
        assertThat(terms(QUERY, "sectorText", "BTP")).contains(stem("construction"), stem("travaux"), stem("publics"));
        assertThat(terms(QUERY, "sectorText", "plastique")).contains(stem("plasturgie"));
    }

    @Test
    void otherWordsAndEnglishFieldsAreLeftAlone() throws IOException {
        assertThat(terms(QUERY, "description", "Amiens")).containsExactly(stem("Amiens"));
        assertThat(terms(QUERY, "description_en", "pharmacy")).containsExactly("pharmaci");
    }

    private static String stem(String word) throws IOException {
        List<String> terms = terms(SearchAnalyzers.french(), "f", word);
        assertThat(terms).hasSize(1);
        return terms.get(0);
    }

    private static List<String> terms(Analyzer analyzer, String field, String text) throws IOException {
        List<String> terms = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream(field, new StringReader(text))) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                terms.add(term.toString());
            }
            stream.end();
        }
        return terms;
    }
}
