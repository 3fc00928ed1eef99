package fr.usinesouvertes.platform.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.junit.jupiter.api.Test;

class SearchAnalyzersTest {

    @Test
    void frenchFoldsAccentsRemovesElisionAndStopWordsAndStems() throws IOException {
        Analyzer french = SearchAnalyzers.french();
        assertThat(terms(french, "l'Usine d'Électronique")).isEqualTo(terms(french, "usines electroniques"));
        assertThat(terms(french, "la visite de l'usine")).containsExactly("visit", "usin");
    }

    @Test
    void englishFieldsUseEnglishAnalysis() throws IOException {
        Analyzer perField = SearchAnalyzers.perField();
        assertThat(terms(perField, "description_en", "the factories' visits")).containsExactly("factori", "visit");
        assertThat(terms(perField, "description", "les usines")).containsExactly("usin");
    }

    private static List<String> terms(Analyzer analyzer, String text) throws IOException {
        return terms(analyzer, "text", text);
    }

    private static List<String> terms(Analyzer analyzer, String field, String text) throws IOException {
        List<String> terms = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream(field, text)) {
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
