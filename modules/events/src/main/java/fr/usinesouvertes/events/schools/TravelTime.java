package fr.usinesouvertes.events.schools;

/**
 * How long a school group takes to reach a site: one small interface, so that a routing server (GraphHopper, OSRM)
 * can replace the default estimate ({@link EstimatedTravelTime}) where an operator runs one. Every figure is an
 * estimate and is shown as one.
 */
public interface TravelTime {

    /** The way from a school to a site: distance along the way and duration, both estimated. */
    record Estimate(double km, int minutes) {
    }

    Estimate between(School school, double siteLatitude, double siteLongitude);

    /** The great-circle distance in kilometres between two points (haversine). */
    static double straightKm(double lat1, double lon1, double lat2, double lon2) {
        double dLat = Math.toRadians(lat2 - lat1);
        double dLon = Math.toRadians(lon2 - lon1);
        double a = Math.sin(dLat / 2) * Math.sin(dLat / 2) + Math.cos(Math.toRadians(lat1))
                * Math.cos(Math.toRadians(lat2)) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
        return 6371.0 * 2 * Math.atan2(Math.sqrt(a), Math.sqrt(1 - a));
    }
}
