package fr.usinesouvertes.events.directory;

import fr.usinesouvertes.events.i18n.FrenchDates;
import fr.usinesouvertes.events.i18n.Lang;
import fr.usinesouvertes.events.i18n.Messages;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a search answer ({@code total}, {@code results}, {@code facets}) into the {@link DirectoryPage} the
 * directory templates show: results with labels, facet groups whose values know whether they are selected and
 * the query string that toggles them, removable chips, pages, the map's regions with counts.
 */
final class DirectoryView {

    private static final int MAX_FACET_VALUES = 30;
    private static final int PAGE_WINDOW = 2;
    /** A filter value's label: the key of its text in the events bundle. */
    private static final Map<String, String> VALUE_LABELS = Map.of(
            "school", "directory.filter.school",
            "franceTravail", "directory.filter.franceTravail",
            "public", "directory.filter.public",
            "any", "directory.filter.any",
            "none", "directory.filter.none");

    private final DirectoryQuery query;
    private final Lang lang;
    private final FranceMap map;
    private final java.time.ZoneId zone;

    /** @param zone the site's time zone, in which slots' days and times are shown */
    DirectoryView(DirectoryQuery query, Lang lang, FranceMap map, java.time.ZoneId zone) {
        this.query = query;
        this.lang = lang;
        this.map = map;
        this.zone = zone;
    }

    /** The view of an answer of {@link fr.usinesouvertes.events.search.SiteSearch}; {@code error} may be null. */
    DirectoryPage of(Map<String, Object> answer, DirectoryPage.Refusal error) {
        long total = ((Number) answer.get("total")).longValue();
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Long>> facets = (Map<String, Map<String, Long>>) answer.get("facets");
        return new DirectoryPage(query.text(), query.near(), query.km(), total, results(answer), facets(facets),
                chips(error == null ? null : error.field()),
                !query.filters().isEmpty() || !query.text().isEmpty() || !query.near().isEmpty(), pages(total),
                map(facets.getOrDefault("region", Map.of())), error);
    }

    @SuppressWarnings("unchecked")
    private List<DirectoryPage.Result> results(Map<String, Object> answer) {
        List<DirectoryPage.Result> results = new ArrayList<>();
        for (Map<String, Object> found : (List<Map<String, Object>>) answer.get("results")) {
            List<DirectoryPage.NextSlot> slots = new ArrayList<>();
            Set<String> days = new LinkedHashSet<>();
            for (Map<String, Object> slot : (List<Map<String, Object>>) found.get("nextSlots")) {
                java.time.ZonedDateTime start = OffsetDateTime.parse(String.valueOf(slot.get("start"))).atZoneSameInstant(zone);
                String day = capitalize(FrenchDates.dayWithWeekday(start.toLocalDate(), lang));
                days.add(day);
                long left = ((Number) slot.get("placesLeft")).longValue();
                slots.add(new DirectoryPage.NextSlot((String) slot.get("id"), day,
                        FrenchDates.time(start.toLocalTime(), lang), left, left <= 0,
                        (List<String>) slot.get("audiences")));
            }
            results.add(new DirectoryPage.Result((String) found.get("slug"), (String) found.get("name"),
                    (String) found.get("company"), (String) found.get("commune"), (String) found.get("department"),
                    (String) found.get("region"), (String) found.get("sector"),
                    ((Number) found.get("placesLeft")).longValue(), (String) found.get("url"), slots,
                    (Double) found.get("distanceKm"), List.copyOf(days)));
        }
        return results;
    }

    private List<DirectoryPage.FacetGroup> facets(Map<String, Map<String, Long>> counts) {
        List<DirectoryPage.FacetGroup> groups = new ArrayList<>();
        for (String dimension : DirectoryQuery.FILTERS) {
            Map<String, Long> values = new LinkedHashMap<>(counts.getOrDefault(dimension, Map.of()));
            for (String selected : query.filters().getOrDefault(dimension, List.of())) {
                values.putIfAbsent(selected, 0L); // a selected value stays visible (and removable) at zero
            }
            List<Map.Entry<String, Long>> entries = new ArrayList<>(values.entrySet());
            if (dimension.equals("day")) {
                entries.sort(Map.Entry.comparingByKey());
            } else if (!dimension.equals("audience") && !dimension.equals("placesLeft")) {
                entries.sort(Map.Entry.<String, Long>comparingByValue().reversed()
                        .thenComparing(Map.Entry.comparingByKey()));
            }
            List<DirectoryPage.FacetValue> items = new ArrayList<>();
            for (Map.Entry<String, Long> entry : entries) {
                boolean selected = query.isSelected(dimension, entry.getKey());
                if (items.size() >= MAX_FACET_VALUES && !selected) {
                    continue;
                }
                items.add(new DirectoryPage.FacetValue(entry.getKey(), label(dimension, entry.getKey()),
                        entry.getValue(), selected, selected ? query.removing(dimension, entry.getKey())
                        : query.adding(dimension, entry.getKey())));
            }
            if (!items.isEmpty()) {
                groups.add(new DirectoryPage.FacetGroup(dimension, items));
            }
        }
        return groups;
    }

    /**
     * The filters in force, as chips. A refused field ({@code refused}, may be null) is not in force — the list was
     * answered without it — so it gets no chip: a place that matched no commune (or a radius refused with it) must not
     * look applied.
     */
    private List<DirectoryPage.Chip> chips(String refused) {
        List<DirectoryPage.Chip> chips = new ArrayList<>();
        if (!query.text().isEmpty() && !"q".equals(refused)) {
            chips.add(new DirectoryPage.Chip("q", "« " + query.text() + " »", query.removingText()));
        }
        if (!query.near().isEmpty() && !"near".equals(refused) && !"km".equals(refused)) {
            String label = query.near() + (query.km().isEmpty() ? "" : " (" + query.km() + " km)");
            chips.add(new DirectoryPage.Chip("near", label, query.removingNear()));
        }
        query.filters().forEach((dimension, values) -> {
            if (!dimension.equals(refused)) {
                values.forEach(value -> chips.add(new DirectoryPage.Chip(dimension, label(dimension, value),
                        query.removing(dimension, value))));
            }
        });
        return chips;
    }

    private DirectoryPage.Pages pages(long total) {
        int count = (int) Math.min(DirectoryQuery.MAX_PAGE, (total + DirectoryQuery.PAGE_SIZE - 1) / DirectoryQuery.PAGE_SIZE);
        int current = query.page();
        List<DirectoryPage.PageItem> items = new ArrayList<>();
        for (int number = 1; number <= count; number++) {
            boolean shown = number == 1 || number == count || Math.abs(number - current) <= PAGE_WINDOW;
            if (shown) {
                items.add(DirectoryPage.PageItem.page(number, query.atPage(number), number == current));
            } else if (!items.isEmpty() && items.get(items.size() - 1) != DirectoryPage.PageItem.GAP) {
                items.add(DirectoryPage.PageItem.GAP);
            }
        }
        return new DirectoryPage.Pages(count, current, items,
                current > 1 && current <= count ? query.atPage(current - 1) : null,
                current < count ? query.atPage(current + 1) : null);
    }

    private DirectoryPage.MapView map(Map<String, Long> regionCounts) {
        long most = Math.max(1, regionCounts.values().stream().mapToLong(Long::longValue).max().orElse(1));
        List<DirectoryPage.RegionCount> regions = new ArrayList<>();
        for (FranceMap.RegionShape shape : map.regions()) {
            long count = regionCounts.getOrDefault(shape.name(), 0L);
            int level = count == 0 ? 0 : 1 + (int) Math.min(3, count * 4 / (most + 1)); // fill shade 0-4
            regions.add(region(shape.name(), shape.path(), count, level));
        }
        List<DirectoryPage.RegionCount> overseas = new ArrayList<>();
        for (String name : FranceMap.OVERSEAS) {
            overseas.add(region(name, null, regionCounts.getOrDefault(name, 0L), null));
        }
        List<DirectoryPage.RegionCount> all = new ArrayList<>(regions);
        all.addAll(overseas);
        all.sort(Comparator.comparing(DirectoryPage.RegionCount::name));
        return new DirectoryPage.MapView(map.viewBox(), regions, overseas, all);
    }

    private DirectoryPage.RegionCount region(String name, String path, long count, Integer level) {
        boolean selected = query.isSelected("region", name);
        return new DirectoryPage.RegionCount(name, path, count, level, selected,
                selected ? query.removing("region", name) : query.adding("region", name));
    }

    private String label(String dimension, String value) {
        if (dimension.equals("day")) {
            try {
                return capitalize(FrenchDates.dayWithWeekday(LocalDate.parse(value), lang));
            } catch (DateTimeParseException e) {
                return value;
            }
        }
        String label = VALUE_LABELS.get(value);
        return label != null && (dimension.equals("audience") || dimension.equals("placesLeft"))
                ? Messages.of(Messages.EVENTS, lang).text(label) : value;
    }

    private static String capitalize(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
