package fr.usinesouvertes.events.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class OctetFoldingTest {

    @Test
    void longLinesAreFoldedAtSeventyFiveOctetsWithoutSplittingACharacter() {
        String line = "DESCRIPTION:" + "é".repeat(60) + "🏭".repeat(10) + "fin";

        String folded = OctetFolding.fold(line + "\r\n");

        assertThat(Arrays.stream(folded.split("\r\n")).mapToInt(l -> l.getBytes(StandardCharsets.UTF_8).length))
                .allMatch(length -> length <= 75);
        assertThat(folded.replace("\r\n ", "")).isEqualTo(line + "\r\n");
        assertThat(folded).doesNotContain("\uFFFD");
    }

    @Test
    void aLineOfExactlySeventyFiveOctetsStaysWholeAndOneMoreFolds() {
        String exact = "SUMMARY:" + "é".repeat(33) + "a"; // 8 + 66 + 1 = 75 octets
        String over = "SUMMARY:" + "é".repeat(33) + "ab";

        assertThat(OctetFolding.fold(exact + "\r\n")).isEqualTo(exact + "\r\n");
        assertThat(OctetFolding.fold(over + "\r\n")).isEqualTo(exact + "\r\n b\r\n");
    }

    @Test
    void shortLinesAreLeftAlone() {
        assertThat(OctetFolding.fold("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n")).isEqualTo("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n");
    }
}
