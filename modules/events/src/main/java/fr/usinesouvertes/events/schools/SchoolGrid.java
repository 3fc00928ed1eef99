package fr.usinesouvertes.events.schools;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The schools of a directory in cells of {@value #CELL_DEGREES}° of latitude and longitude (about 22 km by 15 km in
 * mainland France), so that the schools within some kilometres of a point are looked for in the few cells around it,
 * not among every school of France.
 */
final class SchoolGrid {

    private static final double CELL_DEGREES = 0.2;
    private static final double KM_PER_DEGREE = 111.2;

    private final List<School> schools;
    private final Map<Long, List<School>> cells = new HashMap<>();

    SchoolGrid(List<School> schools) {
        this.schools = schools;
        for (School school : schools) {
            cells.computeIfAbsent(key(cell(school.latitude()), cell(school.longitude())), k -> new ArrayList<>()).add(school);
        }
    }

    /** Whether the grid holds exactly this list (the directory's current one). */
    boolean holds(List<School> current) {
        return schools == current;
    }

    /** The schools of the cells within {@code km} of the point: every school that close, and some a little further. */
    List<School> around(double latitude, double longitude, double km) {
        double dLat = km / KM_PER_DEGREE;
        double cos = Math.max(0.05, Math.cos(Math.toRadians(Math.min(89, Math.abs(latitude) + dLat))));
        double dLon = Math.min(180, km / (KM_PER_DEGREE * cos));
        List<School> found = new ArrayList<>();
        for (long row = cell(latitude - dLat); row <= cell(latitude + dLat); row++) {
            for (long column = cell(longitude - dLon); column <= cell(longitude + dLon); column++) {
                List<School> cell = cells.get(key(row, column));
                if (cell != null) {
                    found.addAll(cell);
                }
            }
        }
        return found;
    }

    private static long cell(double degrees) {
        return (long) Math.floor(degrees / CELL_DEGREES);
    }

    private static long key(long row, long column) {
        return row * 1_000_003L + column;
    }
}
