package fr.usinesouvertes.events.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DirectoryQueryTest {

    private static DirectoryQuery query(String... pairs) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            values.computeIfAbsent(pairs[i], k -> new java.util.ArrayList<>()).add(pairs[i + 1]);
        }
        Map<String, String[]> parameters = new LinkedHashMap<>();
        values.forEach((name, list) -> parameters.put(name, list.toArray(String[]::new)));
        return DirectoryQuery.of(parameters);
    }

    @Test
    void canonicalQueryStringHasAFixedOrderWithoutDuplicatesOrForeignParameters() {
        DirectoryQuery query = query("audience", "school", "utm_source", "mail", "region", "Île-de-France",
                "q", " robots ", "audience", "school", "page", "3");
        assertThat(query.queryString()).isEqualTo("?q=robots&region=%C3%8Ele-de-France&audience=school&page=3");
        assertThat(query("region", "", "q", "").queryString()).isEmpty();
    }

    @Test
    void addingOrRemovingAFilterGoesBackToPageOne() {
        DirectoryQuery query = query("region", "Bretagne", "page", "4");
        assertThat(query.adding("audience", "school")).isEqualTo("?region=Bretagne&audience=school");
        assertThat(query.adding("region", "Normandie")).isEqualTo("?region=Bretagne&region=Normandie");
        assertThat(query.removing("region", "Bretagne")).isEmpty();
        assertThat(query.atPage(5)).isEqualTo("?region=Bretagne&page=5");
        assertThat(query.atPage(1)).isEqualTo("?region=Bretagne");
    }

    @Test
    void placesLeftIsEitherAnyOrNoneAndAddingReplacesIt() {
        DirectoryQuery query = query("placesLeft", "any", "placesLeft", "none");
        assertThat(query.filters()).containsEntry("placesLeft", List.of("any"));
        assertThat(query.adding("placesLeft", "none")).isEqualTo("?placesLeft=none");
    }

    @Test
    void radiusIsKeptOnlyWithAPlaceAndTheSearchApiGetsItsOwnParameters() {
        assertThat(query("km", "30").queryString()).isEmpty();
        DirectoryQuery near = query("near", "59000", "km", "12,5", "page", "2");
        assertThat(near.queryString()).isEqualTo("?near=59000&km=12%2C5&page=2");
        assertThat(near.removingNear()).isEmpty();
        assertThat(near.searchParameters("en")).containsEntry("near", List.of("59000"))
                .containsEntry("km", List.of("12.5")).containsEntry("offset", List.of("20"))
                .containsEntry("limit", List.of("20")).containsEntry("lang", List.of("en"));
    }

    @Test
    void unreadableOrOutOfRangePagesAreClamped() {
        assertThat(query("page", "abc").page()).isEqualTo(1);
        assertThat(query("page", "-4").page()).isEqualTo(1);
        assertThat(query("page", "999999").page()).isEqualTo(DirectoryQuery.MAX_PAGE);
    }
}
