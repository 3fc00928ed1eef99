package fr.usinesouvertes.events.search;

import fr.usinesouvertes.platform.search.SearchAnalyzers;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.AnalyzerWrapper;
import org.apache.lucene.analysis.synonym.SolrSynonymParser;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;

/**
 * The small list of industrial sectors' synonyms ({@code sector-synonyms.txt}, Solr format) and the
 * query analyzer of the factory search: the platform's French analysis followed by the synonyms for the
 * French fields (so "pharmacie" also looks for "pharmaceutique" and "médicament"), the platform's
 * English analysis for the {@code *_en} fields. Synonyms are applied when searching only: the index
 * keeps the words as written and a change to the list needs no rebuild.
 */
final class SectorSynonyms {

    static final String RESOURCE = "sector-synonyms.txt";

    private SectorSynonyms() {
    }

    /** The synonyms of the list shipped with the module. */
    static SynonymMap load() {
        try (InputStream in = SectorSynonyms.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + RESOURCE);
            }
            return parse(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
    }

    /** Parses a list in Solr format, each word analysed as French text (stemmed, accents folded). */
    static SynonymMap parse(Reader rules) throws IOException {
        SolrSynonymParser parser = new SolrSynonymParser(true, true, SearchAnalyzers.french());
        try {
            parser.parse(rules);
            return parser.build();
        } catch (ParseException e) {
            throw new IllegalStateException("Bad synonym list " + RESOURCE + ": " + e.getMessage(), e);
        }
    }

    /** French analysis then synonyms; English analysis for {@code *_en} fields. */
    static Analyzer queryAnalyzer(SynonymMap synonyms) {
        Analyzer french = SearchAnalyzers.french();
        Analyzer english = SearchAnalyzers.english();
        return new AnalyzerWrapper(Analyzer.PER_FIELD_REUSE_STRATEGY) {
            @Override
            protected Analyzer getWrappedAnalyzer(String fieldName) {
                return fieldName.endsWith(SearchAnalyzers.ENGLISH_SUFFIX) ? english : french;
            }

            @Override
            protected TokenStreamComponents wrapComponents(String fieldName, TokenStreamComponents components) {
                if (fieldName.endsWith(SearchAnalyzers.ENGLISH_SUFFIX)) {
                    return components;
                }
                return new TokenStreamComponents(components.getSource(),
                        new SynonymGraphFilter(components.getTokenStream(), synonyms, true));
            }
        };
    }
}
