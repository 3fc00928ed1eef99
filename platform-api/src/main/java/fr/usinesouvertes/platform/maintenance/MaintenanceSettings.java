package fr.usinesouvertes.platform.maintenance;

import fr.usinesouvertes.platform.config.SettingDefinition;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/** When the platform collects the repository's old revisions. */
public final class MaintenanceSettings {

    public static final SettingDefinition<Optional<LocalTime>> REVISION_GC_AT = new SettingDefinition<>("revision-gc-at",
            "Time of day (site's time zone) the nightly revision garbage collection of the repository starts, on one "
                    + "node; a node down or busy then runs it within the next 3 hours, else the next night; none turns "
                    + "it off (the back office and 'repository gc' still run it)",
            "03:00", MaintenanceSettings::timeOrNone);

    public static final SettingDefinition<Integer> REVISION_GC_RECLAIM_AFTER = SettingDefinition.integer(
            "revision-gc-reclaim-after",
            "Seconds after a revision garbage collection at which the copy it kept of the repository's previous state, for "
                    + "readers still on it, is reclaimed; longer than any request or export takes",
            "600", 1, 86_400);

    private MaintenanceSettings() {
    }

    public static List<SettingDefinition<?>> all() {
        return List.of(REVISION_GC_AT, REVISION_GC_RECLAIM_AFTER);
    }

    static Optional<LocalTime> timeOrNone(String value) {
        if (value.trim().equals("none")) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalTime.parse(value.trim()));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + value + "' is not a time like 03:00, nor none");
        }
    }
}
