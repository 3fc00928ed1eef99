package fr.usinesouvertes.events.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommunesTableTest {

    /** The small file of the older shape (one postal code per big city, region codes) that the setting can load. */
    private static final CommunesTable FILE = CommunesTable.read(Path.of("src/test/resources/search/communes.csv"));
    private static final CommunesTable EMBEDDED = CommunesTable.embedded();

    @Test
    void aTableWarmedUpOnItsOwnThreadAnswersAsOneReadAtItsFirstLookup() {
        EMBEDDED.warmUp();
        EMBEDDED.warmUp(); // a second call neither reads it again nor waits
        assertThat(EMBEDDED.resolve("80330").name()).isEqualTo("Longueau");
        assertThat(FILE.size()).isPositive();
    }

    @Test
    void theEmbeddedTableKnowsEveryPostalCodeOfTheBigCities() {
        assertThat(EMBEDDED.size()).isGreaterThan(34_900);
        assertThat(EMBEDDED.resolve("80000").name()).isEqualTo("Amiens");
        assertThat(EMBEDDED.resolve("80080").name()).isEqualTo("Amiens");
        assertThat(EMBEDDED.resolve("31000").name()).isEqualTo("Toulouse");
        assertThat(EMBEDDED.resolve("67000").name()).isEqualTo("Strasbourg");
        assertThat(EMBEDDED.resolve("06000").name()).isEqualTo("Nice");
        Commune amiens = EMBEDDED.resolve("80000");
        assertThat(amiens.inseeCode()).isEqualTo("80021");
        assertThat(amiens.department()).isEqualTo("80");
        assertThat(amiens.region()).isEqualTo("Hauts-de-France");
        assertThat(amiens.latitude()).isBetween(49.85, 49.95);
        assertThat(amiens.longitude()).isBetween(2.25, 2.35);
    }

    @Test
    void aSharedPostalCodeGivesTheMostPopulousCommuneAndANameNarrowsIt() {
        assertThat(EMBEDDED.resolve("80330").name()).isEqualTo("Longueau"); // shared with Cagny
        assertThat(EMBEDDED.resolve("Cagny (80330)").inseeCode()).isEqualTo("80160");
        assertThat(EMBEDDED.resolve("80330 Cagny").inseeCode()).isEqualTo("80160");
        assertThat(EMBEDDED.resolve("Longueau").inseeCode()).isEqualTo("80489");
        assertThat(EMBEDDED.resolve("longueau (80)").inseeCode()).isEqualTo("80489");
    }

    @Test
    void everyCommuneHasAPositionInFranceAndEveryPostalCodeLeadsBackToIt() {
        for (String code : new String[] {"80021", "2A004", "97411", "97611", "75056", "13055"}) {
            Commune commune = EMBEDDED.byInseeCode(code).orElseThrow();
            assertThat(commune.postalCodes()).isNotEmpty();
            for (String postalCode : commune.postalCodes()) {
                assertThat(EMBEDDED.byPostalCode(postalCode)).contains(commune);
            }
        }
        assertThat(EMBEDDED.byInseeCode("2a004")).map(Commune::name).contains("Ajaccio");
    }

    @Test
    void arrondissementsOfParisLyonAndMarseilleResolveToThemselvesOrToTheirCity() {
        assertThat(EMBEDDED.resolve("Paris").inseeCode()).isEqualTo("75056");
        assertThat(EMBEDDED.resolve("75015").inseeCode()).isEqualTo("75115");
        assertThat(EMBEDDED.resolve("75116").inseeCode()).isEqualTo("75116");
        assertThat(EMBEDDED.resolve("75015").department()).isEqualTo("75");
        assertThat(EMBEDDED.resolve("Lyon").inseeCode()).isEqualTo("69123");
        Commune lyon7 = EMBEDDED.resolve("69007");
        assertThat(lyon7.inseeCode()).isEqualTo("69387");
        assertThat(lyon7.district()).isTrue();
        assertThat(lyon7.latitude()).isBetween(45.70, 45.76); // its own centre, south of Lyon's
        assertThat(EMBEDDED.resolve("Marseille").inseeCode()).isEqualTo("13055");
        assertThat(EMBEDDED.resolve("13008").inseeCode()).isEqualTo("13208");
    }

    @Test
    void homonymsAreAmbiguousUntilTheDepartmentOrPostalCodeIsGiven() {
        assertThatThrownBy(() -> EMBEDDED.resolve("Saint-Martin"))
                .isInstanceOfSatisfying(CommuneNotFoundException.class, e -> {
                    assertThat(e.isAmbiguous()).isTrue();
                    assertThat(e.candidates()).hasSizeGreaterThan(1).hasSizeLessThanOrEqualTo(10);
                });
        assertThat(EMBEDDED.resolve("Saint-Martin (32)").department()).isEqualTo("32");
        assertThat(EMBEDDED.resolve("Valence (26)").inseeCode()).isEqualTo("26362");
        assertThat(EMBEDDED.resolve("st etienne (42)").inseeCode()).isEqualTo("42218");
        assertThatThrownBy(() -> EMBEDDED.resolve("99999")).isInstanceOfSatisfying(CommuneNotFoundException.class,
                e -> assertThat(e.isAmbiguous()).isFalse()).hasMessageContaining("postal code");
        assertThatThrownBy(() -> EMBEDDED.resolve("Atlantis")).isInstanceOf(CommuneNotFoundException.class);
    }

    @Test
    void namesCompareWithoutAccentsCaseOrPunctuationAndWithSaintSpelledOut() {
        assertThat(CommunesTable.normalize("St-Étienne")).isEqualTo("saint etienne");
        assertThat(CommunesTable.normalize("  STE FOY-lès-Lyon ")).isEqualTo("sainte foy les lyon");
        assertThat(CommunesTable.normalize("L'Haÿ-les-Roses")).isEqualTo("l hay les roses");
        assertThat(CommunesTable.normalize("Œuilly")).isEqualTo("oeuilly");
        assertThat(CommunesTable.normalize("Pont-St-Esprit")).isEqualTo("pont saint esprit");
        assertThat(CommunesTable.normalize("Ouest st")).isEqualTo("ouest st"); // a last word is not "saint"
        assertThat(CommunesTable.normalize("Stenay")).isEqualTo("stenay");
    }

    @Test
    void suggestionsStartWithWhatIsTypedMostPopulousFirst() {
        assertThat(EMBEDDED.suggest("Longu", 8)).extracting(Commune::name).contains("Longueau");
        assertThat(EMBEDDED.suggest("amie", 5)).first().extracting(Commune::name).isEqualTo("Amiens");
        assertThat(EMBEDDED.suggest("Saint-Ét", 3)).first().extracting(Commune::inseeCode).isEqualTo("42218");
        assertThat(EMBEDDED.suggest("8033", 10)).extracting(Commune::name).contains("Longueau", "Cagny");
        assertThat(EMBEDDED.suggest("Paris", 5)).extracting(Commune::district).containsOnly(false);
        assertThat(EMBEDDED.suggest("Lyon 7", 5)).extracting(Commune::inseeCode).containsExactly("69387");
        assertThat(EMBEDDED.suggest("Sain", 7)).hasSize(7);
        assertThat(EMBEDDED.suggest("", 7)).isEmpty();
        assertThat(EMBEDDED.suggest("--", 7)).isEmpty();
    }

    @Test
    void aFileOfTheOlderShapeStillLoads() {
        assertThat(FILE.size()).isEqualTo(9);
        assertThat(FILE.resolve("saint etienne").inseeCode()).isEqualTo("42218");
        assertThat(FILE.resolve("St-Étienne").inseeCode()).isEqualTo("42218");
        assertThat(FILE.resolve("  LE COUDRAY ").inseeCode()).isEqualTo("28218");
        assertThat(FILE.resolve("59800").name()).isEqualTo("Lille");
        assertThat(FILE.resolve("Lille").region()).isEqualTo("Hauts-de-France"); // region code 32 of the file
        assertThat(FILE.resolve("Paris").inseeCode()).isEqualTo("75056");
        assertThat(FILE.resolve("75116").name()).isEqualTo("Paris");
        assertThatThrownBy(() -> FILE.resolve("Saint-Martin"))
                .isInstanceOfSatisfying(CommuneNotFoundException.class, e -> assertThat(e.candidates())
                        .extracting(Commune::department).containsExactly("64", "83"));
        assertThat(FILE.resolve("Saint-Martin (83)").inseeCode()).isEqualTo("83116");
    }

    @Test
    void aGzippedFileOfTheNewShapeLoads(@TempDir Path folder) throws Exception {
        Path csv = folder.resolve("communes.csv.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(csv))) {
            out.write(("REF_INSEE,NAME,DEPARTMENT,DEPARTMENT_NAME,REGION,IS_DISTRICT,PARENT_INSEE,ZIP_CODES,POPULATION,"
                    + "LATITUDE,LONGITUDE,POSITION\n"
                    + "80489,Longueau,80,Somme,Hauts-de-France,0,,80330,5680,49.87226,2.35880,geonames\n"
                    + "80160,Cagny,80,Somme,Hauts-de-France,0,,80330,1191,49.85,2.34,postal-area\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
        CommunesTable table = CommunesTable.read(csv);
        assertThat(table.size()).isEqualTo(2);
        assertThat(table.resolve("80330").name()).isEqualTo("Longueau");
        assertThat(table.resolve("Cagny").population()).isEqualTo(1191);
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
