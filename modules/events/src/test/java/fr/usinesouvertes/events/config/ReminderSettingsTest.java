package fr.usinesouvertes.events.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The {@code reminder-days} setting: days before a visit, largest first, each checked, or none. */
class ReminderSettingsTest {

    @Test
    void readsDaysLargestFirst() {
        assertThat(EventsSettings.REMINDER_DAYS.parser().apply(EventsSettings.REMINDER_DAYS.defaultValue()))
                .isEqualTo(List.of(7, 1));
        assertThat(EventsSettings.reminderDays(" 1, 14 ,3")).isEqualTo(List.of(14, 3, 1));
        assertThat(EventsSettings.reminderDays("none")).isEmpty();
    }

    @Test
    void refusesWhatIsNotAFewDistinctDaysFromOneToSixty() {
        assertThatThrownBy(() -> EventsSettings.reminderDays("7,un")).hasMessageContaining("'un' is not a number of days");
        assertThatThrownBy(() -> EventsSettings.reminderDays("0")).hasMessageContaining("from 1 to 60");
        assertThatThrownBy(() -> EventsSettings.reminderDays("61")).hasMessageContaining("from 1 to 60");
        assertThatThrownBy(() -> EventsSettings.reminderDays("7,7")).hasMessageContaining("given twice");
        assertThatThrownBy(() -> EventsSettings.reminderDays("1,2,3,4,5,6")).hasMessageContaining("at most 5");
    }
}
