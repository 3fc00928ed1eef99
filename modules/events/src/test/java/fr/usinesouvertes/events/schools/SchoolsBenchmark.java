package fr.usinesouvertes.events.schools;

import fr.usinesouvertes.events.EventsModule;
import fr.usinesouvertes.events.search.CommunesTable;
import fr.usinesouvertes.platform.Platform;
import fr.usinesouvertes.platform.PlatformLauncher;
import fr.usinesouvertes.platform.module.PlatformModule;
import java.io.BufferedWriter;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * The schools benchmark ({@code bench/schools-bench.sh}): writes {@code schools} establishments in the official
 * Annuaire de l'éducation format over the real communes of the shared communes file, imports them into a platform on a
 * segment store ({@link SchoolsCsv} then {@link SchoolDirectory#replace}), then matches {@code sites} sites placed on
 * communes too: the full matching (every site's schools within 45 minutes) and one factory's list, timed many times.
 * Prints the figures; the targets are under 30 s for the full matching and under 50 ms for one list.
 */
public final class SchoolsBenchmark {

    private record Commune(String insee, String name, String zip, double latitude, double longitude) {
    }

    private SchoolsBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path communesFile = Path.of(args[0]);
        int schools = Integer.parseInt(args[1]);
        int sites = Integer.parseInt(args[2]);
        if (!Files.isReadable(communesFile)) {
            System.out.println("Communes file " + communesFile.toAbsolutePath() + " not found: benchmark skipped.");
            return;
        }
        List<Commune> communes = communes(communesFile);
        Path folder = Files.createTempDirectory("schools-bench");
        Path csv = folder.resolve("fr-en-annuaire-education.csv");
        Random random = new Random(20);
        write(csv, communes, schools, random);
        System.out.printf(Locale.ROOT, "%,d establishments written (%,d bytes) over %,d communes%n", schools,
                Files.size(csv), communes.size());
        List<PlatformModule> modules = List.of(new EventsModule());
        var settings = PlatformLauncher.settingsLoader(modules).parse(Map.of("data", folder.resolve("data").toString(),
                "port", "0", "host", "127.0.0.1", "communes", communesFile.toAbsolutePath().toString()));
        try (Platform platform = Platform.builder(settings).modules(modules).start()) {
            long start = System.nanoTime();
            SchoolsCsv.Parsed parsed;
            try (InputStream in = Files.newInputStream(csv)) {
                parsed = SchoolsCsv.read(in, false);
            }
            long read = System.nanoTime();
            SchoolDirectory directory = new SchoolDirectory(platform.repository());
            int stored = directory.replace(parsed.schools(), "bench", Clock.systemUTC());
            long imported = System.nanoTime();
            System.out.printf(Locale.ROOT, "import: %,d stored (%d rows left out) in %.1f s (reading %.1f s, writing %.1f s)%n",
                    stored, parsed.problemCount(), seconds(start, imported), seconds(start, read), seconds(read, imported));
            SchoolsNearSites near = new SchoolsNearSites(directory,
                    new EstimatedTravelTime(CommunesTable.read(communesFile), EstimatedTravelTime.Parameters.DEFAULT));
            List<double[]> points = new ArrayList<>();
            for (int i = 0; i < sites; i++) {
                Commune commune = communes.get(random.nextInt(communes.size()));
                points.add(new double[] {commune.latitude(), commune.longitude()});
            }
            EnumSet<School.Level> levels = EnumSet.allOf(School.Level.class);
            long matching = System.nanoTime();
            long pairs = 0;
            java.util.Set<String> covered = new java.util.HashSet<>();
            for (double[] point : points) {
                for (SchoolsNearSites.Match match : near.near(point[0], point[1], levels, SchoolsNearSites.DEFAULT_MINUTES)) {
                    pairs++;
                    covered.add(match.school().uai());
                }
            }
            long matched = System.nanoTime();
            System.out.printf(Locale.ROOT, "full matching: %,d sites x %,d schools in %.2f s (target < 30 s): %,d pairs "
                    + "within 45 min, %,d schools covered, %,d not%n", sites, stored, seconds(matching, matched), pairs,
                    covered.size(), stored - covered.size());
            long[] times = new long[500];
            for (int i = 0; i < times.length; i++) {
                double[] point = points.get(random.nextInt(points.size()));
                long before = System.nanoTime();
                near.near(point[0], point[1], levels, SchoolsNearSites.DEFAULT_MINUTES);
                times[i] = System.nanoTime() - before;
            }
            Arrays.sort(times);
            System.out.printf(Locale.ROOT, "one factory's list (%d sites at random): p50 %.2f ms, p99 %.2f ms, max %.2f ms "
                    + "(target < 50 ms)%n", times.length, times[times.length / 2] / 1e6, times[times.length * 99 / 100] / 1e6,
                    times[times.length - 1] / 1e6);
        } finally {
            try (var paths = Files.walk(folder)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    private static double seconds(long from, long to) {
        return (to - from) / 1e9;
    }

    private static List<Commune> communes(Path file) throws java.io.IOException {
        List<Commune> communes = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (CSVRecord r : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
                String zip = r.get("ZIP_CODES").split("[,; ]")[0].replaceAll("[^0-9]", "");
                if (!r.get("LATITUDE").isBlank() && !r.get("LONGITUDE").isBlank()) {
                    communes.add(new Commune(r.get("REF_INSEE"), r.get("NAME"), zip,
                            Double.parseDouble(r.get("LATITUDE")), Double.parseDouble(r.get("LONGITUDE"))));
                }
            }
        }
        return communes;
    }

    /** The official export's columns (a subset, in another order than the published file's: any order is read). */
    private static void write(Path csv, List<Commune> communes, int count, Random random) throws java.io.IOException {
        try (BufferedWriter out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            out.write("Identifiant_de_l_etablissement;Nom_etablissement;Type_etablissement;Statut_public_prive;Adresse_1;"
                    + "Code_postal;Code_commune;Nom_commune;Mail;Telephone;Voie_generale;Voie_technologique;"
                    + "Voie_professionnelle;latitude;longitude\n");
            for (int i = 0; i < count; i++) {
                Commune commune = communes.get(random.nextInt(communes.size()));
                int kind = random.nextInt(100);
                String type = kind < 55 ? "Collège" : kind < 97 ? "Lycée" : "EREA";
                String uai = String.format(Locale.ROOT, "%07d%c", i, (char) ('A' + i % 26));
                out.write(uai + ";" + type + " n° " + i + ";" + type + ";" + (random.nextInt(5) == 0 ? "Privé" : "Public")
                        + ";" + (1 + random.nextInt(200)) + " rue de l'École;" + commune.zip() + ";" + commune.insee() + ";"
                        + commune.name().replace(";", " ") + ";ce." + uai.toLowerCase(Locale.ROOT) + "@ac-bench.fr;0300000000;"
                        + random.nextInt(2) + ";" + random.nextInt(2) + ";" + random.nextInt(2) + ";"
                        + String.format(Locale.ROOT, "%.5f;%.5f", commune.latitude() + (random.nextDouble() - 0.5) * 0.02,
                        commune.longitude() + (random.nextDouble() - 0.5) * 0.02) + "\n");
            }
        }
    }
}
