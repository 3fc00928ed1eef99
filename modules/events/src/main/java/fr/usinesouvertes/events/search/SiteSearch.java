package fr.usinesouvertes.events.search;

import fr.usinesouvertes.events.i18n.Lang;
import fr.usinesouvertes.platform.http.JsonMapper;
import fr.usinesouvertes.platform.search.SearchIndex;
import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.LatLonDocValuesField;
import org.apache.lucene.document.LatLonPoint;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.DrillSideways;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.queryparser.simple.SimpleQueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.util.SloppyMath;

/**
 * Runs a {@link SiteQuery} on the sites index: text (site, company, commune, sectors, descriptions and
 * the company's showcase, with the sectors' synonyms of {@link SectorSynonyms}) in relevance (or distance,
 * or name) order, facet counts with drill-sideways (the counts of a dimension ignore that dimension's own
 * filter, so a multi-select list keeps offering its other values), distance in km, and the next slots to come.
 */
public final class SiteSearch {

    private static final int FACET_VALUES = 200;
    private static final int NEXT_SLOTS = 3;
    private static final Map<String, Float> FRENCH_FIELDS = Map.of(SiteFields.NAME, 4f, SiteFields.COMPANY, 3f,
            SiteFields.COMMUNE, 2f, SiteFields.SECTOR_TEXT, 2f, SiteFields.DESCRIPTION, 1f,
            SiteFields.COMPANY_TEXT, 0.7f);
    /** French analysis with the sectors' synonyms, English for {@code *_en}: how a text typed is read. */
    private static final org.apache.lucene.analysis.Analyzer QUERY_ANALYZER =
            SectorSynonyms.queryAnalyzer(SectorSynonyms.load());
    private static final TypeReference<Map<String, Object>> RESULT = new TypeReference<>() {
    };

    private final SearchIndex index;
    private final Clock clock;
    private final LivePlaces livePlaces;
    private volatile ReaderState readerState;

    private record ReaderState(IndexReader reader, SortedSetDocValuesReaderState state) {
    }

    /** @param livePlaces the places left on slots now; the index keeps them as they were when a site was indexed */
    public SiteSearch(SearchIndex index, Clock clock, LivePlaces livePlaces) {
        this.index = index;
        this.clock = clock;
        this.livePlaces = livePlaces;
    }

    /**
     * The places left on slots, read when a search answers: the index is updated when a slot fills up or
     * frees up (the any/none filter), not at each registration, so the figures it stores may be behind.
     */
    @FunctionalInterface
    public interface LivePlaces {

        /** Places left per slot id, for the ids that are still slots. */
        Map<String, Long> of(Collection<String> slotIds);

        /** The figures as indexed (for benchmarks of the index alone). */
        LivePlaces AS_INDEXED = ids -> Map.of();
    }

    public SearchIndex index() {
        return index;
    }

    /** The answer of {@code GET /.rest/search/v1}: {@code total}, {@code results}, {@code facets}. */
    public Map<String, Object> search(SiteQuery query) {
        return index.search(searcher -> {
            Map<String, Object> answer = new LinkedHashMap<>();
            SortedSetDocValuesReaderState state = state(searcher.getIndexReader());
            if (state == null) { // nothing indexed yet
                answer.put("total", 0);
                answer.put("results", List.of());
                answer.put("facets", facets(null));
                return answer;
            }
            DrillDownQuery drillDown = new DrillDownQuery(index.facetsConfig(), baseQuery(query));
            query.filters().forEach((dimension, values) -> values.forEach(value -> drillDown.add(dimension, value)));
            int wanted = query.offset() + query.limit();
            DrillSideways.DrillSidewaysResult found;
            try {
                found = new DrillSideways(searcher, index.facetsConfig(), state)
                        .search(drillDown, null, null, wanted, sort(query), false);
            } catch (IllegalArgumentException filterOnEmptyDimension) {
                // a filter on a dimension no site has a value for yet: nothing can match
                answer.put("total", 0);
                answer.put("results", List.of());
                answer.put("facets", facets(null));
                return answer;
            }
            boolean exact = found.hits.totalHits.relation == TotalHits.Relation.EQUAL_TO;
            answer.put("total", exact ? found.hits.totalHits.value : searcher.count(drillDown));
            answer.put("results", results(searcher, found.hits, query));
            answer.put("facets", facets(found.facets));
            return answer;
        });
    }

    private SortedSetDocValuesReaderState state(IndexReader reader) throws IOException {
        ReaderState current = readerState;
        if (current != null && current.reader() == reader) {
            return current.state();
        }
        if (reader.numDocs() == 0) {
            return null;
        }
        SortedSetDocValuesReaderState state = new DefaultSortedSetDocValuesReaderState(reader, index.facetsConfig());
        readerState = new ReaderState(reader, state);
        return state;
    }

    private static Query baseQuery(SiteQuery query) {
        BooleanQuery.Builder builder = new BooleanQuery.Builder();
        Query text = textQuery(query);
        builder.add(text != null ? text : new MatchAllDocsQuery(), BooleanClause.Occur.MUST);
        if (query.point() != null && query.km() != null) {
            builder.add(LatLonPoint.newDistanceQuery(SiteFields.LOCATION, query.point().latitude(),
                    query.point().longitude(), query.km() * 1000), BooleanClause.Occur.FILTER);
        }
        return builder.build();
    }

    /** Simple syntax (no error on any input): words AND-ed, "phrases", -exclusion, prefix*. */
    private static Query textQuery(SiteQuery query) {
        if (query.text().isBlank()) {
            return null;
        }
        Map<String, Float> fields = new LinkedHashMap<>(FRENCH_FIELDS);
        if (query.lang() == Lang.EN) {
            fields.put(SiteFields.DESCRIPTION_EN, 1f);
            fields.put(SiteFields.COMPANY_TEXT_EN, 0.7f);
        }
        SimpleQueryParser parser = new SimpleQueryParser(QUERY_ANALYZER, fields);
        parser.setDefaultOperator(BooleanClause.Occur.MUST);
        return parser.parse(query.text()); // null when the text is only stop words or operators
    }

    private static Sort sort(SiteQuery query) {
        if (query.point() != null) {
            return new Sort(LatLonDocValuesField.newDistanceSort(SiteFields.LOCATION, query.point().latitude(),
                    query.point().longitude()));
        }
        if (!query.text().isBlank()) {
            return new Sort(SortField.FIELD_SCORE, new SortField(SiteFields.SORT_NAME, SortField.Type.STRING));
        }
        return new Sort(new SortField(SiteFields.SORT_NAME, SortField.Type.STRING));
    }

    private List<Map<String, Object>> results(IndexSearcher searcher, TopDocs hits, SiteQuery query) throws IOException {
        List<Document> documents = new ArrayList<>();
        List<Map<String, Object>> stored = new ArrayList<>();
        ScoreDoc[] docs = hits.scoreDocs;
        for (int i = query.offset(); i < docs.length; i++) {
            Document document = searcher.storedFields().document(docs[i].doc);
            documents.add(document);
            try {
                stored.add(JsonMapper.mapper().readValue(document.get(SiteFields.RESULT), RESULT));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        withLivePlaces(stored);
        List<Map<String, Object>> results = new ArrayList<>();
        for (int i = 0; i < stored.size(); i++) {
            results.add(result(documents.get(i), stored.get(i), query));
        }
        return results;
    }

    /** Replaces the places left as indexed by today's, on every slot of the results and in their totals. */
    @SuppressWarnings("unchecked")
    private void withLivePlaces(List<Map<String, Object>> results) {
        List<String> ids = new ArrayList<>();
        for (Map<String, Object> result : results) {
            if (!Boolean.TRUE.equals(result.get(SiteDocuments.SHEET_FULL))) {
                for (Map<String, Object> slot : (List<Map<String, Object>>) result.get("slots")) {
                    ids.add((String) slot.get("id"));
                }
            }
        }
        Map<String, Long> live = ids.isEmpty() ? Map.of() : livePlaces.of(ids);
        for (Map<String, Object> result : results) {
            if (Boolean.TRUE.equals(result.remove(SiteDocuments.SHEET_FULL))) {
                continue; // marked full by its company: no place whatever the counts
            }
            long total = 0;
            for (Map<String, Object> slot : (List<Map<String, Object>>) result.get("slots")) {
                Long places = live.get((String) slot.get("id"));
                if (places != null) {
                    slot.put("placesLeft", places);
                }
                total += ((Number) slot.get("placesLeft")).longValue();
            }
            result.put("placesLeft", total);
        }
    }

    private Map<String, Object> result(Document document, Map<String, Object> result, SiteQuery query) {
        String slug = (String) result.get("slug");
        result.put("url", (query.lang() == Lang.EN ? "/en/usines/" : "/usines/") + slug);
        result.put("nextSlots", nextSlots(result.remove("slots")));
        if (query.point() != null && document.getField(SiteFields.LATITUDE) != null) {
            double meters = SloppyMath.haversinMeters(query.point().latitude(), query.point().longitude(),
                    document.getField(SiteFields.LATITUDE).numericValue().doubleValue(),
                    document.getField(SiteFields.LONGITUDE).numericValue().doubleValue());
            result.put("distanceKm", Math.round(meters / 100) / 10.0);
        }
        return result;
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> nextSlots(Object slots) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<Map<String, Object>> next = new ArrayList<>();
        for (Map<String, Object> slot : (List<Map<String, Object>>) slots) {
            if (OffsetDateTime.parse((String) slot.get("start")).isAfter(now) && next.size() < NEXT_SLOTS) {
                next.add(slot);
            }
        }
        return next;
    }

    private static Map<String, Map<String, Long>> facets(Facets facets) throws IOException {
        Map<String, Map<String, Long>> counts = new LinkedHashMap<>();
        for (String dimension : SiteFields.FACETS) {
            Map<String, Long> values = new LinkedHashMap<>();
            FacetResult result = facets == null ? null : topChildren(facets, dimension);
            if (result != null) {
                for (LabelAndValue value : result.labelValues) {
                    values.put(value.label, value.value.longValue());
                }
            }
            counts.put(dimension, values);
        }
        return counts;
    }

    private static FacetResult topChildren(Facets facets, String dimension) throws IOException {
        try {
            return facets.getTopChildren(FACET_VALUES, dimension);
        } catch (IllegalArgumentException notIndexed) {
            return null; // no document has a value for this dimension yet
        }
    }
}
