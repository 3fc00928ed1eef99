package fr.usinesouvertes.events.schools;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * The schools within reach of a site: estimated travel time at most a limit, of the levels the site's visits accept;
 * looked for in a {@link SchoolGrid} around the site, not among every school.
 */
public final class SchoolsNearSites {

    /** A school within reach, with the estimate. */
    public record Match(School school, TravelTime.Estimate estimate) {
    }

    /** The default reach: the brochure's "45 minutes by transport". */
    public static final int DEFAULT_MINUTES = 45;
    /** No way is shorter than this many kilometres an hour as the crow flies: schools further off are not estimated. */
    private static final double FASTEST_STRAIGHT_KMH = 90;

    private final SchoolDirectory directory;
    private final TravelTime travelTime;
    private volatile SchoolGrid grid = new SchoolGrid(List.of());

    public SchoolsNearSites(SchoolDirectory directory, TravelTime travelTime) {
        this.directory = directory;
        this.travelTime = travelTime;
    }

    /** Every school of the directory. */
    public List<School> schools() {
        return directory.all();
    }

    /** The estimated way from a school to a point. */
    public TravelTime.Estimate estimate(School school, double latitude, double longitude) {
        return travelTime.between(school, latitude, longitude);
    }

    /** The grid of the directory's current schools, made again when an import replaced them. */
    private SchoolGrid grid() {
        List<School> schools = directory.all();
        SchoolGrid current = grid;
        if (!current.holds(schools)) {
            current = new SchoolGrid(schools);
            grid = current;
        }
        return current;
    }

    /** The schools of {@code levels} within {@code maxMinutes} of the point, nearest (in time) first. */
    public List<Match> near(double latitude, double longitude, Set<School.Level> levels, int maxMinutes) {
        double reachKm = FASTEST_STRAIGHT_KMH * maxMinutes / 60.0;
        List<Match> matches = new ArrayList<>();
        for (School school : grid().around(latitude, longitude, reachKm)) {
            if (school.levels().stream().noneMatch(levels::contains)
                    || TravelTime.straightKm(school.latitude(), school.longitude(), latitude, longitude) > reachKm) {
                continue;
            }
            TravelTime.Estimate estimate = travelTime.between(school, latitude, longitude);
            if (estimate.minutes() <= maxMinutes) {
                matches.add(new Match(school, estimate));
            }
        }
        matches.sort(Comparator.comparingInt((Match m) -> m.estimate().minutes()).thenComparing(m -> m.school().uai()));
        return matches;
    }
}
