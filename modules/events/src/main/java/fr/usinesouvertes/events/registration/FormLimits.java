package fr.usinesouvertes.events.registration;

import fr.usinesouvertes.events.config.EventsConfig;

/**
 * Bounds a registration form must respect, beyond the slot's own per-registration limit.
 *
 * @param maxGroupSize            most pupils or job seekers one group registration may bring
 * @param maxAccompanyingAdults   most adults accompanying a school group
 * @param maxTextLength           longest free-text field (names, commune, agency), in characters
 */
public record FormLimits(int maxGroupSize, int maxAccompanyingAdults, int maxTextLength) {

    /** What a factory visit can realistically take: two coaches of pupils, a teacher per eight pupils. */
    public static final FormLimits DEFAULT = new FormLimits(120, 20, 150);

    /** The limits set by {@code registration-max-group-size} and {@code registration-max-accompanying-adults}. */
    public static FormLimits from(EventsConfig config) {
        return new FormLimits(config.maxGroupSize(), config.maxAccompanyingAdults(), DEFAULT.maxTextLength());
    }

    public FormLimits {
        if (maxGroupSize < 1 || maxAccompanyingAdults < 0 || maxTextLength < 10) {
            throw new IllegalArgumentException("Form limits must allow at least one person and short names");
        }
    }
}
