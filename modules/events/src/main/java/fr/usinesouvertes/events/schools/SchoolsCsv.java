package fr.usinesouvertes.events.schools;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads the official "Annuaire de l'éducation" export ({@code fr-en-annuaire-education}: CSV separated by {@code ;},
 * UTF-8, its published column labels in any order, extra columns ignored). Collèges, lycées (with their general,
 * technological and vocational tracks), EREA and higher education are kept; primary schools and the directory's other
 * establishments (administrations, guidance centres, medico-social) are skipped by default, as visits are from collège
 * up. A row that cannot be used (no UAI, a malformed one, a UAI twice, no position) is reported with its line and reason
 * and left out; a missing required column refuses the whole file.
 */
public final class SchoolsCsv {

    static final String UAI = "Identifiant_de_l_etablissement";
    static final String NAME = "Nom_etablissement";
    static final String TYPE = "Type_etablissement";
    static final String LATITUDE = "latitude";
    static final String LONGITUDE = "longitude";
    static final String COMMUNE_CODE = "Code_commune";
    static final String COMMUNE = "Nom_commune";
    static final List<String> REQUIRED = List.of(UAI, NAME, TYPE, COMMUNE_CODE, COMMUNE, LATITUDE, LONGITUDE);
    private static final Pattern UAI_FORMAT = Pattern.compile("[0-9]{7}[A-Z]");
    private static final int MAX_PROBLEMS = 200;
    private static final int PROGRESS_EVERY = 2_000;

    private SchoolsCsv() {
    }

    /** A row left out: its line in the file (the header is line 1) and why. */
    public record Problem(long line, String reason) {
    }

    /**
     * What a file holds: the establishments kept, the rows left out (at most {@value #MAX_PROBLEMS} listed, all
     * counted), and how many rows were skipped as out of scope (primary schools, administrations...).
     */
    public record Parsed(List<School> schools, List<Problem> problems, int problemCount, int outOfScope) {
    }

    /** Reads {@code in}; {@link IllegalArgumentException} naming the columns missing, or when it is no such CSV. */
    public static Parsed read(InputStream in, boolean withPrimary) throws IOException {
        return read(in, withPrimary, rows -> { });
    }

    /** Reads {@code in}, telling {@code progress} the rows read so far every {@value #PROGRESS_EVERY} rows. */
    public static Parsed read(InputStream in, boolean withPrimary, java.util.function.LongConsumer progress)
            throws IOException {
        Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
        CSVFormat format = CSVFormat.Builder.create().setDelimiter(';').setQuote('"').setHeader()
                .setSkipHeaderRecord(true).setIgnoreEmptyLines(true).setTrim(true).build();
        try (CSVParser parser = CSVParser.parse(reader, format)) {
            Map<String, Integer> columns = new HashMap<>();
            parser.getHeaderMap().forEach((name, index) -> columns.put(name.replace("\uFEFF", "").trim(), index));
            List<String> missing = REQUIRED.stream().filter(name -> !columns.containsKey(name)).toList();
            if (!missing.isEmpty()) {
                throw new IllegalArgumentException("the file lacks the column(s) " + missing + " of the Annuaire de "
                        + "l'éducation export (CSV separated by ';')");
            }
            List<School> schools = new ArrayList<>();
            List<Problem> problems = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            int problemCount = 0;
            int outOfScope = 0;
            for (CSVRecord record : parser) {
                long line = record.getRecordNumber() + 1;
                if (record.getRecordNumber() % PROGRESS_EVERY == 0) {
                    progress.accept(record.getRecordNumber());
                }
                String type = cell(record, columns, TYPE);
                Set<School.Level> levels = levels(type, record, columns, withPrimary);
                if (levels == null) {
                    outOfScope++;
                    continue;
                }
                String problem = null;
                String uai = cell(record, columns, UAI).toUpperCase(Locale.ROOT);
                Double latitude = number(cell(record, columns, LATITUDE));
                Double longitude = number(cell(record, columns, LONGITUDE));
                if (uai.isEmpty()) {
                    problem = UAI + " is empty";
                } else if (!UAI_FORMAT.matcher(uai).matches()) {
                    problem = UAI + " '" + uai + "' is not a UAI (seven digits and a letter)";
                } else if (!seen.add(uai)) {
                    problem = "UAI " + uai + " appears twice";
                } else if (latitude == null || longitude == null || Math.abs(latitude) > 90 || Math.abs(longitude) > 180) {
                    problem = "UAI " + uai + " has no position (latitude, longitude)";
                } else if (cell(record, columns, NAME).isEmpty()) {
                    problem = "UAI " + uai + " has no name";
                }
                if (problem != null) {
                    problemCount++;
                    if (problems.size() < MAX_PROBLEMS) {
                        problems.add(new Problem(line, problem));
                    }
                    continue;
                }
                schools.add(new School(uai, cell(record, columns, NAME), type, levels,
                        !plain(cell(record, columns, "Statut_public_prive")).startsWith("prive"),
                        cell(record, columns, "Adresse_1"), cell(record, columns, "Code_postal"),
                        cell(record, columns, COMMUNE_CODE), cell(record, columns, COMMUNE),
                        cell(record, columns, "Mail"), cell(record, columns, "Telephone"), latitude, longitude));
            }
            return new Parsed(List.copyOf(schools), List.copyOf(problems), problemCount, outOfScope);
        } catch (IllegalStateException | java.io.UncheckedIOException e) {
            throw new IllegalArgumentException("the file is not a readable CSV: " + e.getMessage(), e);
        }
    }

    /** The levels of an establishment of {@code type}; null when it is out of scope. */
    private static Set<School.Level> levels(String type, CSVRecord record, Map<String, Integer> columns,
                                            boolean withPrimary) {
        String kind = plain(type);
        if (kind.startsWith("college")) {
            return EnumSet.of(School.Level.COLLEGE);
        }
        if (kind.startsWith("lycee")) {
            Set<School.Level> levels = EnumSet.noneOf(School.Level.class);
            if (flag(record, columns, "Voie_generale")) {
                levels.add(School.Level.LYCEE_GENERAL);
            }
            if (flag(record, columns, "Voie_technologique")) {
                levels.add(School.Level.LYCEE_TECHNOLOGIQUE);
            }
            if (flag(record, columns, "Voie_professionnelle") || kind.contains("professionnel")) {
                levels.add(School.Level.LYCEE_PROFESSIONNEL);
            }
            return levels.isEmpty() ? EnumSet.of(School.Level.LYCEE_GENERAL, School.Level.LYCEE_TECHNOLOGIQUE,
                    School.Level.LYCEE_PROFESSIONNEL) : levels;
        }
        if (kind.startsWith("erea")) {
            return EnumSet.of(School.Level.EREA);
        }
        if (kind.contains("superieur") || kind.contains("universit")) {
            return EnumSet.of(School.Level.SUPERIEUR);
        }
        if (withPrimary && kind.startsWith("ecole")) {
            return EnumSet.noneOf(School.Level.class);
        }
        return null;
    }

    private static boolean flag(CSVRecord record, Map<String, Integer> columns, String name) {
        String value = cell(record, columns, name);
        return value.equals("1") || plain(value).equals("oui") || plain(value).equals("true");
    }

    private static String cell(CSVRecord record, Map<String, Integer> columns, String name) {
        Integer index = columns.get(name);
        return index == null || index >= record.size() ? "" : record.get(index).trim();
    }

    private static Double number(String text) {
        try {
            return text.isEmpty() ? null : Double.valueOf(text.replace(',', '.'));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String plain(String text) {
        return Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT).trim();
    }
}
