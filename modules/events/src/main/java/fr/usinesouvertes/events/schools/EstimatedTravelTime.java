package fr.usinesouvertes.events.schools;

import fr.usinesouvertes.events.search.Commune;
import fr.usinesouvertes.events.search.CommunesTable;

/**
 * The default travel time, an estimate without a routing server: the straight-line distance times a detour factor
 * (roads are longer than the crow flies), driven by coach at the average speed of the kind of place the school is in
 * for its first kilometres (leaving the city), then at a road speed, plus a fixed time to board and to walk to the gate.
 *
 * <p>The kind of place comes from the school's commune in the communes table: its legal population stands for its
 * density, as the table has no areas — a dense city (100,000 inhabitants or more, and the arrondissements of Paris,
 * Lyon and Marseille), a town (10,000 or more) or the countryside. The defaults: detour factor 1.3 (the usual ratio of
 * road to straight-line distance in France), the first 10 km at 25 km/h in a dense city, 40 km/h from a town and
 * 60 km/h from the countryside, then 70 km/h, and 10 minutes to board and reach the gate. 45 minutes then reach about
 * 17 km as the crow flies from a dense city, 25 km from a town and 30 km from the countryside. They are chosen, not
 * measured against actual journeys: {@link Parameters} changes them when an edition's feedback says otherwise.
 */
public final class EstimatedTravelTime implements TravelTime {

    /** The estimate's parameters (see the class comment for their defaults). */
    public record Parameters(double detourFactor, double denseKmh, double urbanKmh, double ruralKmh, double localKm,
                             double roadKmh, int fixedMinutes) {

        public static final Parameters DEFAULT = new Parameters(1.3, 25, 40, 60, 10, 70, 10);

        public Parameters {
            if (detourFactor < 1 || denseKmh <= 0 || urbanKmh <= 0 || ruralKmh <= 0 || localKm < 0 || roadKmh <= 0
                    || fixedMinutes < 0) {
                throw new IllegalArgumentException("travel-time parameters must be positive, the detour factor at least 1");
            }
        }
    }

    /** The kinds of place, by the population of the school's commune. */
    public enum Area { DENSE, URBAN, RURAL }

    private final CommunesTable communes;
    private final Parameters parameters;

    public EstimatedTravelTime(CommunesTable communes, Parameters parameters) {
        this.communes = communes;
        this.parameters = parameters;
    }

    @Override
    public Estimate between(School school, double siteLatitude, double siteLongitude) {
        double km = TravelTime.straightKm(school.latitude(), school.longitude(), siteLatitude, siteLongitude)
                * parameters.detourFactor();
        double kmh = switch (area(school)) {
            case DENSE -> parameters.denseKmh();
            case URBAN -> parameters.urbanKmh();
            case RURAL -> parameters.ruralKmh();
        };
        double local = Math.min(km, parameters.localKm());
        double minutes = local / kmh * 60 + (km - local) / parameters.roadKmh() * 60;
        return new Estimate(Math.round(km * 10) / 10.0, parameters.fixedMinutes() + (int) Math.round(minutes));
    }

    /** The kind of place of the school's commune; a commune the table does not know counts as a town. */
    public Area area(School school) {
        return communes.byInseeCode(school.communeCode()).map(EstimatedTravelTime::area).orElse(Area.URBAN);
    }

    private static Area area(Commune commune) {
        if (commune.district() || commune.population() >= 100_000) {
            return Area.DENSE;
        }
        return commune.population() >= 10_000 ? Area.URBAN : Area.RURAL;
    }
}
