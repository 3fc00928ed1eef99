package fr.usinesouvertes.events.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.StringReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class FranceMapTest {

    @Test
    void bundledMapHasTheThirteenMetropolitanRegionsUnderTheNamesSitesUse() {
        FranceMap map = FranceMap.bundled();
        assertThat(map.viewBox()).matches("0 0 \\d+ \\d+");
        assertThat(map.regions()).extracting(FranceMap.RegionShape::name).containsExactlyInAnyOrder(
                "Île-de-France", "Centre-Val de Loire", "Bourgogne-Franche-Comté", "Normandie", "Hauts-de-France",
                "Grand Est", "Pays de la Loire", "Bretagne", "Nouvelle-Aquitaine", "Occitanie",
                "Auvergne-Rhône-Alpes", "Provence-Alpes-Côte d'Azur", "Corse");
        assertThat(map.regions()).allSatisfy(region -> assertThat(region.path()).matches("(M[-0-9., ]+Z)+"));
        assertThat(FranceMap.OVERSEAS).contains("La Réunion", "Guyane");
    }

    @Test
    void aFileWithoutViewBoxOrRegionIsRefused() {
        Executable empty = () -> FranceMap.read(new BufferedReader(new StringReader("#viewBox\t0 0 10 10\n")));
        assertThatThrownBy(empty::execute).isInstanceOf(IllegalStateException.class).hasMessageContaining("no region");
    }
}
