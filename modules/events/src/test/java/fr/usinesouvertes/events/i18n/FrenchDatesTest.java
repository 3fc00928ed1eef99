package fr.usinesouvertes.events.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;

class FrenchDatesTest {

    @Test
    void timesFollowEachLanguagesTypography() {
        assertThat(FrenchDates.time(LocalTime.of(9, 5), Lang.FR)).isEqualTo("9 h 05");
        assertThat(FrenchDates.time(LocalTime.of(14, 30), Lang.FR)).isEqualTo("14 h 30");
        assertThat(FrenchDates.time(LocalTime.of(0, 0), Lang.FR)).isEqualTo("0 h 00");
        assertThat(FrenchDates.time(LocalTime.of(9, 5), Lang.EN)).isEqualTo("09:05");
    }

    @Test
    void theFirstOfTheMonthIsAnOrdinalInFrench() {
        assertThat(FrenchDates.dayWithWeekday(LocalDate.of(2025, 12, 1), Lang.FR)).isEqualTo("lundi 1er décembre 2025");
        assertThat(FrenchDates.dayWithWeekday(LocalDate.of(2026, 3, 20), Lang.FR)).isEqualTo("vendredi 20 mars 2026");
        assertThat(FrenchDates.dayWithWeekday(LocalDate.of(2026, 3, 20), Lang.EN)).isEqualTo("Friday 20 March 2026");
    }
}
