package fr.usinesouvertes.events.directory;

import java.util.List;

/**
 * What the directory templates show of a search ({@code directoryfn.search}, {@code region}, {@code schools}).
 * Links ({@code href}) are query strings ({@code ?region=...}): the template puts the page's own path in front.
 *
 * @param text       the text searched, as typed
 * @param near       the place searched around, as typed
 * @param km         the radius, as typed
 * @param hasFilters any text, place or facet value in force
 * @param error      the field refused and why, or null
 */
public record DirectoryPage(String text, String near, String km, long total, List<Result> results,
                            List<FacetGroup> facets, List<Chip> chips, boolean hasFilters, Pages pages,
                            MapView map, Refusal error) {

    /**
     * A site found, as its card shows it.
     *
     * @param url        the site page's path
     * @param placesLeft on all its slots, now
     * @param distanceKm from the place searched around, or null
     * @param days       the labelled days of {@code nextSlots}, each once
     */
    public record Result(String slug, String name, String company, String commune, String department, String region,
                         String sector, long placesLeft, String url, List<NextSlot> nextSlots, Double distanceKm,
                         List<String> days) {
    }

    /** One of a result's next slots, with its day and time labelled. */
    public record NextSlot(String id, String day, String time, long placesLeft, boolean isFull,
                           List<String> audiences) {
    }

    /** A facet's values, for one dimension that has any. */
    public record FacetGroup(String dimension, List<FacetValue> values) {
    }

    /** @param href the query string that selects this value, or removes it when selected */
    public record FacetValue(String value, String label, long count, boolean selected, String href) {
    }

    /** A filter in force; {@code href} removes it. */
    public record Chip(String dimension, String label, String href) {
    }

    /**
     * The pagination.
     *
     * @param previous the previous page's query string, or null on the first
     * @param next     the next page's query string, or null on the last
     */
    public record Pages(int count, int current, List<PageItem> items, String previous, String next) {
    }

    /** A page link, or a gap ({@code gap} true, nothing else set) between distant page numbers. */
    public record PageItem(Integer number, String href, Boolean current, Boolean gap) {

        static final PageItem GAP = new PageItem(null, null, null, true);

        static PageItem page(int number, String href, boolean current) {
            return new PageItem(number, href, current, null);
        }
    }

    /** The map of France: mainland regions with their outline, overseas regions, and all by name. */
    public record MapView(String viewBox, List<RegionCount> regions, List<RegionCount> overseas,
                          List<RegionCount> all) {
    }

    /**
     * A region's sites found.
     *
     * @param path  the region's SVG outline, or null overseas
     * @param level the fill shade (0-4) of a mainland region, or null overseas
     */
    public record RegionCount(String name, String path, long count, Integer level, boolean selected, String href) {
    }

    /** A refused field, its error code, and for an ambiguous commune the communes it may be. */
    public record Refusal(String field, String code, List<Candidate> candidates) {
    }

    /** A commune a place may be; {@code href} searches near it. */
    public record Candidate(String label, String href) {
    }
}
