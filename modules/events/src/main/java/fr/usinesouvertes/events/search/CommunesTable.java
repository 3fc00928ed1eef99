package fr.usinesouvertes.events.search;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * The communes of France with their centre, read from a CSV file with the columns {@code REF_INSEE},
 * {@code NAME}, {@code DEPARTMENT}, {@code IS_DISTRICT}, {@code ZIP_CODES} (several separated by
 * {@code |} or {@code -}), {@code LATITUDE}, {@code LONGITUDE}; resolves what a visitor types in
 * {@code near}: a postal code, a name, or a name with its department ("Saint-Martin (64)").
 */
public final class CommunesTable {

    private static final Pattern POSTAL_CODE = Pattern.compile("\\d{5}");
    private static final Pattern NAME_WITH_DEPARTMENT = Pattern.compile("(.+?)\\s*\\(\\s*(\\d[\\dAB]|97\\d)\\s*\\)");
    private static final int MAX_CANDIDATES = 10;

    private final Map<String, List<Commune>> byName = new HashMap<>();
    private final Map<String, List<Commune>> byPostalCode = new HashMap<>();
    private final int size;

    private CommunesTable(List<Commune> communes) {
        for (Commune commune : communes) {
            byName.computeIfAbsent(normalize(commune.name()), k -> new ArrayList<>()).add(commune);
            for (String code : commune.postalCodes()) {
                byPostalCode.computeIfAbsent(code, k -> new ArrayList<>()).add(commune);
            }
        }
        this.size = communes.size();
    }

    /** Reads the table; a missing column or a malformed number names the line. */
    public static CommunesTable read(Path csv) {
        try (Reader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            List<Commune> communes = new ArrayList<>();
            CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
            for (CSVRecord record : format.parse(reader)) {
                communes.add(commune(record));
            }
            return new CommunesTable(communes);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the communes table " + csv, e);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new IllegalArgumentException("Communes table " + csv + ": " + e.getMessage(), e);
        }
    }

    private static Commune commune(CSVRecord record) {
        try {
            List<String> postalCodes = Arrays.stream(record.get("ZIP_CODES").split("[|\\-,; ]+"))
                    .map(String::strip).filter(code -> !code.isEmpty()).toList();
            return new Commune(record.get("REF_INSEE"), record.get("NAME"), record.get("DEPARTMENT"), postalCodes,
                    Double.parseDouble(record.get("LATITUDE")), Double.parseDouble(record.get("LONGITUDE")),
                    "1".equals(record.get("IS_DISTRICT")));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("line " + record.getRecordNumber() + ": bad coordinates", e);
        }
    }

    public int size() {
        return size;
    }

    /**
     * The commune meant by {@code near}. A postal code shared by several communes gives the first
     * non-district one (they are neighbours); a name shared by several communes is ambiguous unless
     * the department follows in brackets, and then throws with the candidates.
     */
    public Commune resolve(String near) {
        String text = near.strip();
        String postalCode = text;
        if (POSTAL_CODE.matcher(postalCode).matches()) {
            List<Commune> found = byPostalCode.getOrDefault(postalCode, List.of());
            return preferCommunes(found).stream().findFirst().orElseThrow(() -> new CommuneNotFoundException(
                    "No commune has the postal code " + postalCode, List.of()));
        }
        String department = null;
        Matcher withDepartment = NAME_WITH_DEPARTMENT.matcher(text);
        if (withDepartment.matches()) {
            text = withDepartment.group(1);
            department = withDepartment.group(2).toUpperCase(Locale.ROOT);
        }
        List<Commune> found = preferCommunes(byName.getOrDefault(normalize(text), List.of()));
        if (department != null) {
            String wanted = department;
            found = found.stream().filter(c -> c.department().equalsIgnoreCase(wanted)).toList();
        }
        if (found.isEmpty()) {
            throw new CommuneNotFoundException("No commune is called '" + near.strip() + "'", List.of());
        }
        if (found.size() > 1) {
            throw new CommuneNotFoundException("Several communes are called '" + near.strip()
                    + "': add the department in brackets, e.g. '" + found.get(0).name() + " ("
                    + found.get(0).department() + ")', or give a postal code",
                    found.stream().sorted(Comparator.comparing(Commune::department)).limit(MAX_CANDIDATES).toList());
        }
        return found.get(0);
    }

    /** Communes proper when there are some: "Paris" rather than its arrondissements. */
    private static List<Commune> preferCommunes(List<Commune> found) {
        List<Commune> communes = found.stream().filter(c -> !c.district()).toList();
        return communes.isEmpty() ? found : communes;
    }

    /** Lowercase, without accents, with hyphens, apostrophes and "St" spelled out: "st-etienne" = "Saint-Étienne". */
    static String normalize(String name) {
        String folded = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", " ").strip();
        return folded.replaceAll("^st ", "saint ").replaceAll("^ste ", "sainte ")
                .replaceAll(" st ", " saint ").replaceAll(" ste ", " sainte ");
    }
}
