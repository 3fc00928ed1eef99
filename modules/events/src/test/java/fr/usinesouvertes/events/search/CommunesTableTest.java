package fr.usinesouvertes.events.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommunesTableTest {

    private static final CommunesTable TABLE = CommunesTable.read(Path.of("src/test/resources/search/communes.csv"));

    @Test
    void resolvesNamesWhateverTheSpelling() {
        assertThat(TABLE.size()).isEqualTo(9);
        assertThat(TABLE.resolve("saint etienne").inseeCode()).isEqualTo("42218");
        assertThat(TABLE.resolve("St-Étienne").inseeCode()).isEqualTo("42218");
        assertThat(TABLE.resolve("  LE COUDRAY ").inseeCode()).isEqualTo("28218");
    }

    @Test
    void resolvesPostalCodesPreferringCommunesToDistricts() {
        assertThat(TABLE.resolve("59800").name()).isEqualTo("Lille");
        assertThat(TABLE.resolve("75001").name()).isEqualTo("Paris");
        assertThat(TABLE.resolve("Paris").inseeCode()).isEqualTo("75056");
        assertThat(TABLE.resolve("75116").name()).isEqualTo("Paris");
    }

    @Test
    void ambiguousNamesListTheirCandidatesUnlessTheDepartmentIsGiven() {
        assertThatThrownBy(() -> TABLE.resolve("Saint-Martin"))
                .isInstanceOfSatisfying(CommuneNotFoundException.class, e -> assertThat(e.candidates())
                        .extracting(Commune::department).containsExactly("64", "83"));
        assertThat(TABLE.resolve("Saint-Martin (83)").inseeCode()).isEqualTo("83116");
        assertThatThrownBy(() -> TABLE.resolve("99999")).isInstanceOf(CommuneNotFoundException.class)
                .hasMessageContaining("postal code");
    }

    @Test
    void aMalformedFileNamesTheLine(@TempDir Path folder) throws Exception {
        Path csv = folder.resolve("bad.csv");
        Files.writeString(csv, "REF_INSEE,NAME,DEPARTMENT,IS_DISTRICT,ZIP_CODES,LATITUDE,LONGITUDE\n"
                + "59350,Lille,59,0,59000,north,3.0\n");
        assertThatThrownBy(() -> CommunesTable.read(csv)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("line 1");
    }
}
