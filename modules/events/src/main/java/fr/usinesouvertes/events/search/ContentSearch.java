package fr.usinesouvertes.events.search;

import fr.usinesouvertes.events.i18n.Lang;
import fr.usinesouvertes.platform.search.SearchAnalyzers;
import fr.usinesouvertes.platform.search.SearchIndex;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.simple.SimpleQueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;

/**
 * Full-text search of the site's pages and press releases (the {@code content} index of
 * {@link ContentDocuments}): words AND-ed in the simple query syntax, best matches first, results with
 * their type, title, summary and URL in the language asked.
 */
public final class ContentSearch {

    public static final Set<String> TYPES = Set.of(ContentDocuments.PAGE, ContentDocuments.PRESS_RELEASE);
    public static final int MAX_LIMIT = 50;

    private final SearchIndex index;

    public ContentSearch(SearchIndex index) {
        this.index = index;
    }

    /** {@code {"total", "results": [{"type","title","summary","url","date"?}]}}; blank {@code text} matches everything. */
    public Map<String, Object> search(String text, String type, Lang lang, int limit, int offset) {
        Query query = query(text, type, lang);
        return index.search(searcher -> {
            TopDocs top = searcher.search(query, Math.max(1, offset + limit));
            List<Map<String, Object>> results = new ArrayList<>();
            ScoreDoc[] hits = top.scoreDocs;
            for (int i = offset; i < hits.length && results.size() < limit; i++) {
                results.add(result(searcher.storedFields().document(hits[i].doc), lang));
            }
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("total", top.totalHits.value);
            answer.put("results", results);
            return answer;
        });
    }

    private static Query query(String text, String type, Lang lang) {
        BooleanQuery.Builder builder = new BooleanQuery.Builder();
        Query words = null;
        if (text != null && !text.isBlank()) {
            Map<String, Float> fields = new LinkedHashMap<>();
            fields.put(ContentDocuments.TITLE, 3f);
            fields.put(ContentDocuments.TEXT, 1f);
            if (lang == Lang.EN) {
                fields.put(ContentDocuments.TITLE_EN, 3f);
                fields.put(ContentDocuments.TEXT_EN, 1f);
            }
            SimpleQueryParser parser = new SimpleQueryParser(SearchAnalyzers.perField(), fields);
            parser.setDefaultOperator(BooleanClause.Occur.MUST);
            words = parser.parse(text);
        }
        builder.add(words != null ? words : new MatchAllDocsQuery(), BooleanClause.Occur.MUST);
        if (type != null && !type.isBlank()) {
            builder.add(new TermQuery(new Term(ContentDocuments.TYPE, type)), BooleanClause.Occur.FILTER);
        }
        return builder.build();
    }

    private static Map<String, Object> result(Document document, Lang lang) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("type", document.get(ContentDocuments.TYPE));
        String title = lang == Lang.EN && document.get(ContentDocuments.TITLE_EN) != null
                ? document.get(ContentDocuments.TITLE_EN) : document.get(ContentDocuments.TITLE);
        result.put("title", title);
        String summary = lang == Lang.EN && document.get(ContentDocuments.SUMMARY_EN) != null
                ? document.get(ContentDocuments.SUMMARY_EN) : document.get(ContentDocuments.SUMMARY);
        if (summary != null) {
            result.put("summary", summary);
        }
        String url = document.get(ContentDocuments.URL);
        result.put("url", lang == Lang.EN ? "/en" + (url.equals("/") ? "/" : url) : url);
        if (document.getField(ContentDocuments.DATE) != null) {
            result.put("date", Instant.ofEpochMilli(document.getField(ContentDocuments.DATE).numericValue().longValue()).toString());
        }
        return result;
    }
}
