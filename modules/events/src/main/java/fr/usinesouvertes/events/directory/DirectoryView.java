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
 * Turns a search answer ({@code total}, {@code results}, {@code facets}) into what the directory
 * templates show, as plain maps: results with labels, facet groups whose values know whether they are
 * selected and the query string that toggles them, removable chips, pages, the map's regions with counts.
 * Links are query strings ({@code ?region=...}): the template puts the page's own path in front.
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

    /** The view of an answer; {@code error} (may be null) says which field was refused and why. */
    Map<String, Object> of(Map<String, Object> answer, Map<String, Object> error) {
        Map<String, Object> view = new LinkedHashMap<>();
        long total = ((Number) answer.get("total")).longValue();
        view.put("text", query.text());
        view.put("near", query.near());
        view.put("km", query.km());
        view.put("total", total);
        view.put("results", results(answer));
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Long>> facets = (Map<String, Map<String, Long>>) answer.get("facets");
        view.put("facets", facets(facets));
        String refused = error == null ? null : (String) error.get("field");
        view.put("chips", chips(refused));
        view.put("hasFilters", !query.filters().isEmpty() || !query.text().isEmpty() || !query.near().isEmpty());
        view.put("pages", pages(total));
        view.put("map", map(facets.getOrDefault("region", Map.of())));
        if (error != null) {
            view.put("error", error);
        }
        return view;
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> results(Map<String, Object> answer) {
        List<Map<String, Object>> results = new ArrayList<>();
        for (Map<String, Object> found : (List<Map<String, Object>>) answer.get("results")) {
            Map<String, Object> result = new LinkedHashMap<>(found);
            List<Map<String, Object>> slots = new ArrayList<>();
            Set<String> days = new LinkedHashSet<>();
            for (Map<String, Object> slot : (List<Map<String, Object>>) found.get("nextSlots")) {
                java.time.ZonedDateTime start = OffsetDateTime.parse(String.valueOf(slot.get("start"))).atZoneSameInstant(zone);
                String day = capitalize(FrenchDates.dayWithWeekday(start.toLocalDate(), lang));
                days.add(day);
                Map<String, Object> next = new LinkedHashMap<>();
                next.put("id", slot.get("id"));
                next.put("day", day);
                next.put("time", FrenchDates.time(start.toLocalTime(), lang));
                long left = ((Number) slot.get("placesLeft")).longValue();
                next.put("placesLeft", left);
                next.put("isFull", left <= 0);
                next.put("audiences", slot.get("audiences"));
                slots.add(next);
            }
            result.put("nextSlots", slots);
            result.put("days", List.copyOf(days));
            results.add(result);
        }
        return results;
    }

    private List<Map<String, Object>> facets(Map<String, Map<String, Long>> counts) {
        List<Map<String, Object>> groups = new ArrayList<>();
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
            List<Map<String, Object>> items = new ArrayList<>();
            for (Map.Entry<String, Long> entry : entries) {
                boolean selected = query.isSelected(dimension, entry.getKey());
                if (items.size() >= MAX_FACET_VALUES && !selected) {
                    continue;
                }
                Map<String, Object> item = new LinkedHashMap<>();
                item.put("value", entry.getKey());
                item.put("label", label(dimension, entry.getKey()));
                item.put("count", entry.getValue());
                item.put("selected", selected);
                item.put("href", selected ? query.removing(dimension, entry.getKey())
                        : query.adding(dimension, entry.getKey()));
                items.add(item);
            }
            if (!items.isEmpty()) {
                groups.add(Map.of("dimension", dimension, "values", items));
            }
        }
        return groups;
    }

    /**
     * The filters in force, as chips. A refused field ({@code refused}, may be null) is not in force — the list was
     * answered without it — so it gets no chip: a place that matched no commune (or a radius refused with it) must not
     * look applied.
     */
    private List<Map<String, Object>> chips(String refused) {
        List<Map<String, Object>> chips = new ArrayList<>();
        if (!query.text().isEmpty() && !"q".equals(refused)) {
            chips.add(Map.of("dimension", "q", "label", "« " + query.text() + " »", "href", query.removingText()));
        }
        if (!query.near().isEmpty() && !"near".equals(refused) && !"km".equals(refused)) {
            String label = query.near() + (query.km().isEmpty() ? "" : " (" + query.km() + " km)");
            chips.add(Map.of("dimension", "near", "label", label, "href", query.removingNear()));
        }
        query.filters().forEach((dimension, values) -> {
            if (!dimension.equals(refused)) {
                values.forEach(value -> chips.add(Map.of("dimension", dimension, "label", label(dimension, value),
                        "href", query.removing(dimension, value))));
            }
        });
        return chips;
    }

    private Map<String, Object> pages(long total) {
        int count = (int) Math.min(DirectoryQuery.MAX_PAGE, (total + DirectoryQuery.PAGE_SIZE - 1) / DirectoryQuery.PAGE_SIZE);
        int current = query.page();
        List<Map<String, Object>> items = new ArrayList<>();
        for (int number = 1; number <= count; number++) {
            boolean shown = number == 1 || number == count || Math.abs(number - current) <= PAGE_WINDOW;
            if (shown) {
                items.add(Map.of("number", number, "href", query.atPage(number), "current", number == current));
            } else if (!items.isEmpty() && !items.get(items.size() - 1).containsKey("gap")) {
                items.add(Map.of("gap", true));
            }
        }
        Map<String, Object> pages = new LinkedHashMap<>();
        pages.put("count", count);
        pages.put("current", current);
        pages.put("items", items);
        if (current > 1 && current <= count) {
            pages.put("previous", query.atPage(current - 1));
        }
        if (current < count) {
            pages.put("next", query.atPage(current + 1));
        }
        return pages;
    }

    private Map<String, Object> map(Map<String, Long> regionCounts) {
        long most = Math.max(1, regionCounts.values().stream().mapToLong(Long::longValue).max().orElse(1));
        List<Map<String, Object>> regions = new ArrayList<>();
        for (FranceMap.RegionShape shape : map.regions()) {
            Map<String, Object> region = region(shape.name(), shape.path(), regionCounts.getOrDefault(shape.name(), 0L));
            long count = (Long) region.get("count");
            region.put("level", count == 0 ? 0 : 1 + (int) Math.min(3, count * 4 / (most + 1))); // fill shade 0-4
            regions.add(region);
        }
        List<Map<String, Object>> overseas = new ArrayList<>();
        for (String name : FranceMap.OVERSEAS) {
            overseas.add(region(name, null, regionCounts.getOrDefault(name, 0L)));
        }
        List<Map<String, Object>> all = new ArrayList<>(regions);
        all.addAll(overseas);
        all.sort(Comparator.comparing(region -> (String) region.get("name")));
        return Map.of("viewBox", map.viewBox(), "regions", regions, "overseas", overseas, "all", all);
    }

    private Map<String, Object> region(String name, String path, long count) {
        Map<String, Object> region = new LinkedHashMap<>();
        region.put("name", name);
        if (path != null) {
            region.put("path", path);
        }
        region.put("count", count);
        region.put("selected", query.isSelected("region", name));
        region.put("href", query.isSelected("region", name) ? query.removing("region", name)
                : query.adding("region", name));
        return region;
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
