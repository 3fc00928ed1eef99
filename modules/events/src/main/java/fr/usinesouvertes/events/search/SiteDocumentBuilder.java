package fr.usinesouvertes.events.search;

import java.util.List;
import java.util.Locale;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LatLonDocValuesField;
import org.apache.lucene.document.LatLonPoint;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.util.BytesRef;
import org.jsoup.Jsoup;

/** Builds one site's Lucene document: text fields, facet values, location and the stored result. */
final class SiteDocumentBuilder {

    private final Document document = new Document();

    SiteDocumentBuilder(String slug) {
        document.add(new StringField(SiteFields.SLUG, slug, Field.Store.YES));
    }

    SiteDocumentBuilder text(String field, String value) {
        if (!value.isBlank()) {
            document.add(new TextField(field, value, Field.Store.NO));
        }
        if (field.equals(SiteFields.NAME)) {
            document.add(new SortedDocValuesField(SiteFields.SORT_NAME,
                    new BytesRef(CommunesTable.normalize(value).toLowerCase(Locale.ROOT))));
        }
        return this;
    }

    /** Rich text: the HTML tags are dropped before analysis. */
    SiteDocumentBuilder richText(String field, String html) {
        return text(field, Jsoup.parse(html).text());
    }

    SiteDocumentBuilder facet(String dimension, String value) {
        if (!value.isBlank()) {
            document.add(new SortedSetDocValuesFacetField(dimension, value.strip()));
        }
        return this;
    }

    SiteDocumentBuilder slots(List<SlotSummary> slots) {
        slots.stream().map(slot -> slot.start().toLocalDate().toString()).distinct()
                .forEach(day -> facet(SiteFields.DAY, day));
        slots.stream().flatMap(slot -> slot.audiences().stream()).distinct()
                .forEach(audience -> facet(SiteFields.AUDIENCE, audience));
        boolean anyLeft = slots.stream().anyMatch(slot -> slot.placesLeft() > 0);
        return facet(SiteFields.PLACES_LEFT, anyLeft ? "any" : "none");
    }

    SiteDocumentBuilder location(double latitude, double longitude) {
        document.add(new LatLonPoint(SiteFields.LOCATION, latitude, longitude));
        document.add(new LatLonDocValuesField(SiteFields.LOCATION, latitude, longitude));
        document.add(new StoredField(SiteFields.LATITUDE, latitude));
        document.add(new StoredField(SiteFields.LONGITUDE, longitude));
        return this;
    }

    SiteDocumentBuilder result(String json) {
        document.add(new StoredField(SiteFields.RESULT, json));
        return this;
    }

    Document build() {
        return document;
    }
}
