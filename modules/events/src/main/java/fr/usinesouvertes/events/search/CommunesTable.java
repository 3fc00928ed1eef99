package fr.usinesouvertes.events.search;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.regex.Matcher;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * The communes of France with their centre, and what a person types to name one: a postal code, a name, a name with
 * its department ("Saint-Martin (64)") or with a postal code ("Longueau (80330)", "80330 Longueau").
 *
 * <p>The table embedded in the module ({@link #embedded()}, {@value #EMBEDDED}) lists every commune and municipal
 * arrondissement with all their postal codes (see {@code tools/communes/README.md}); {@link #read(Path)} loads a CSV
 * (optionally gzipped) with the header columns {@code REF_INSEE}, {@code NAME}, {@code DEPARTMENT}, {@code ZIP_CODES}
 * (several separated by {@code |}, {@code -}, {@code ,}, {@code ;} or spaces), {@code LATITUDE}, {@code LONGITUDE}
 * and optionally {@code IS_DISTRICT} (1 for an arrondissement), {@code REGION} (a name, or an INSEE region code) and
 * {@code POPULATION}; other columns are ignored.
 *
 * <p>Choices: a postal code shared by several communes gives the most populous (80330 is Longueau rather than Cagny),
 * except that an arrondissement's own postal code gives that arrondissement (69007 is Lyon 7e Arrondissement, whose
 * centre is nearer than Lyon's); a name shared by several communes is ambiguous unless a department or postal code
 * narrows it; a name gives a commune rather than its arrondissements ("Lyon").
 */
public final class CommunesTable {

    /** The class-path resource of the embedded table. */
    public static final String EMBEDDED = "/fr/usinesouvertes/events/search/communes-fr.csv.gz";

    private static final Pattern POSTAL_CODE = Pattern.compile("\\d{5}");
    private static final Pattern NAME_WITH_DEPARTMENT = Pattern.compile("(.+?)\\s*\\(\\s*(\\d[\\dAaBb]|97\\d)\\s*\\)");
    private static final Pattern NAME_WITH_POSTAL_CODE = Pattern.compile("(.+?)\\s*[(,]?\\s*(\\d{5})\\s*\\)?");
    private static final Pattern POSTAL_CODE_WITH_NAME = Pattern.compile("(\\d{5})\\s*[-,]?\\s*(.+)");
    private static final Pattern POSTAL_CODE_SEPARATORS = Pattern.compile("[|\\-,; ]+");
    private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{M}");
    private static final int MAX_CANDIDATES = 10;
    /** INSEE codes of the regions, for tables whose REGION column holds codes. */
    private static final Map<String, String> REGION_NAMES = Map.ofEntries(
            Map.entry("01", "Guadeloupe"), Map.entry("02", "Martinique"), Map.entry("03", "Guyane"),
            Map.entry("04", "La Réunion"), Map.entry("06", "Mayotte"), Map.entry("11", "Île-de-France"),
            Map.entry("24", "Centre-Val de Loire"), Map.entry("27", "Bourgogne-Franche-Comté"),
            Map.entry("28", "Normandie"), Map.entry("32", "Hauts-de-France"), Map.entry("44", "Grand Est"),
            Map.entry("52", "Pays de la Loire"), Map.entry("53", "Bretagne"), Map.entry("75", "Nouvelle-Aquitaine"),
            Map.entry("76", "Occitanie"), Map.entry("84", "Auvergne-Rhône-Alpes"),
            Map.entry("93", "Provence-Alpes-Côte d'Azur"), Map.entry("94", "Corse"));
    /** Most populous first, then by name and INSEE code: the order of choices and suggestions. */
    private static final Comparator<Commune> BY_SIZE = Comparator.comparingLong(Commune::population).reversed()
            .thenComparing(Commune::name).thenComparing(Commune::inseeCode);

    /** Builds the table's lookups: the embedded table's is read at its first lookup or {@link #warmUp()}. */
    private final Supplier<Lookup> loader;
    /** The lookups, once their building began; guarded by {@code this}. */
    private CompletableFuture<Lookup> lookup;

    private CommunesTable(Supplier<Lookup> loader) {
        this.loader = loader;
    }

    /** The communes by name, postal code and INSEE code. */
    private static final class Lookup {
        private final Map<String, List<Commune>> byName = new HashMap<>();
        private final Map<String, List<Commune>> byPostalCode = new HashMap<>();
        private final Map<String, Commune> byInseeCode = new HashMap<>();
        /** Normalized names in order, with their commune at the same index, for prefix searches. */
        private final String[] sortedNames;
        private final Commune[] sortedCommunes;
        private final String[] sortedPostalCodes;

        private Lookup(List<Commune> communes) {
            List<Map.Entry<String, Commune>> names = new ArrayList<>();
            for (Commune commune : communes) {
                String name = normalize(commune.name());
                byName.computeIfAbsent(name, k -> new ArrayList<>()).add(commune);
                byInseeCode.put(commune.inseeCode(), commune);
                names.add(Map.entry(name, commune));
                for (String code : commune.postalCodes()) {
                    byPostalCode.computeIfAbsent(code, k -> new ArrayList<>()).add(commune);
                }
            }
            byPostalCode.values().forEach(list -> list.sort(BY_SIZE));
            names.sort(Map.Entry.comparingByKey());
            sortedNames = names.stream().map(Map.Entry::getKey).toArray(String[]::new);
            sortedCommunes = names.stream().map(Map.Entry::getValue).toArray(Commune[]::new);
            sortedPostalCodes = byPostalCode.keySet().stream().sorted().toArray(String[]::new);
        }
    }

    private Lookup lookup() {
        CompletableFuture<Lookup> loading;
        boolean here;
        synchronized (this) {
            here = lookup == null;
            if (here) {
                lookup = new CompletableFuture<>();
            }
            loading = lookup;
        }
        if (here) {
            load(loading);
        }
        try {
            return loading.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    private void load(CompletableFuture<Lookup> loading) {
        try {
            loading.complete(loader.get());
        } catch (RuntimeException | Error e) {
            loading.completeExceptionally(e);
        }
    }

    /**
     * Reads the table now on a thread of its own unless a lookup already did (parsing the embedded table's 35,000
     * lines takes about a second of a cold JVM's CPU time): called once the platform serves, so that neither the
     * start nor the first search pays for it.
     */
    public void warmUp() {
        CompletableFuture<Lookup> loading;
        synchronized (this) {
            if (lookup != null) {
                return;
            }
            lookup = loading = new CompletableFuture<>();
        }
        Thread thread = new Thread(() -> load(loading), "communes-table");
        thread.setDaemon(true);
        thread.start();
    }

    /** The table shipped with the module, read once, at its first lookup or {@link #warmUp()}. */
    public static CommunesTable embedded() {
        return Embedded.TABLE;
    }

    private static final class Embedded {
        static final CommunesTable TABLE = new CommunesTable(Embedded::load);

        private static Lookup load() {
            InputStream in = CommunesTable.class.getResourceAsStream(EMBEDDED);
            if (in == null) {
                throw new IllegalStateException("The embedded communes table " + EMBEDDED + " is missing");
            }
            try (Reader reader = reader(in)) {
                return parse(reader, EMBEDDED);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the embedded communes table", e);
            }
        }
    }

    /** Reads a table file (gzipped or not); a missing column or a malformed number names the line. */
    public static CommunesTable read(Path csv) {
        try (Reader reader = reader(Files.newInputStream(csv))) {
            Lookup lookup = parse(reader, csv.toString());
            return new CommunesTable(() -> lookup);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the communes table " + csv, e);
        }
    }

    private static Reader reader(InputStream raw) throws IOException {
        BufferedInputStream in = new BufferedInputStream(raw);
        in.mark(2);
        boolean gzip = in.read() == 0x1f && in.read() == 0x8b;
        in.reset();
        return new InputStreamReader(gzip ? new GZIPInputStream(in, 65_536) : in, StandardCharsets.UTF_8);
    }

    private static Lookup parse(Reader reader, String source) throws IOException {
        try {
            List<Commune> communes = new ArrayList<>();
            CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
            for (CSVRecord record : format.parse(reader)) {
                communes.add(commune(record));
            }
            return new Lookup(communes);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new IllegalArgumentException("Communes table " + source + ": " + e.getMessage(), e);
        }
    }

    private static Commune commune(CSVRecord record) {
        try {
            List<String> postalCodes = POSTAL_CODE_SEPARATORS.splitAsStream(record.get("ZIP_CODES"))
                    .map(String::strip).filter(code -> !code.isEmpty()).toList();
            String region = optional(record, "REGION");
            region = REGION_NAMES.getOrDefault(region, region);
            String population = optional(record, "POPULATION");
            return new Commune(record.get("REF_INSEE"), record.get("NAME"), record.get("DEPARTMENT"), region,
                    postalCodes, Double.parseDouble(record.get("LATITUDE")), Double.parseDouble(record.get("LONGITUDE")),
                    "1".equals(optional(record, "IS_DISTRICT")), population.isEmpty() ? 0 : Long.parseLong(population));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("line " + record.getRecordNumber() + ": bad coordinates or population", e);
        }
    }

    private static String optional(CSVRecord record, String column) {
        return record.isMapped(column) && record.isSet(column) ? record.get(column).strip() : "";
    }

    public int size() {
        return lookup().byInseeCode.size();
    }

    public Optional<Commune> byInseeCode(String inseeCode) {
        return Optional.ofNullable(inseeCode == null ? null : lookup().byInseeCode.get(inseeCode.strip().toUpperCase(Locale.ROOT)));
    }

    /** The communes that have this postal code: an arrondissement first (the most precise), then most populous first. */
    public List<Commune> byPostalCode(String postalCode) {
        List<Commune> found = lookup().byPostalCode.getOrDefault(postalCode == null ? "" : postalCode.strip(), List.of());
        return java.util.stream.Stream.concat(found.stream().filter(Commune::district),
                found.stream().filter(c -> !c.district())).toList();
    }

    /**
     * The commune meant by {@code place} (see the class comment for the forms and choices); throws with the
     * candidates when a name is shared by several communes and nothing narrows it, without them when nothing matches.
     */
    public Commune resolve(String place) {
        String text = place.strip();
        if (POSTAL_CODE.matcher(text).matches()) {
            return byPostalCode(text).stream().findFirst().orElseThrow(() -> new CommuneNotFoundException(
                    "No commune has the postal code " + text, List.of()));
        }
        Matcher withDepartment = NAME_WITH_DEPARTMENT.matcher(text);
        if (withDepartment.matches()) {
            String department = withDepartment.group(2).toUpperCase(Locale.ROOT);
            return only(place, named(withDepartment.group(1)).stream()
                    .filter(c -> c.department().equalsIgnoreCase(department)).toList());
        }
        Matcher withPostalCode = NAME_WITH_POSTAL_CODE.matcher(text);
        Matcher postalCodeFirst = POSTAL_CODE_WITH_NAME.matcher(text);
        if (withPostalCode.matches() || postalCodeFirst.matches()) {
            String name = withPostalCode.matches() ? withPostalCode.group(1) : postalCodeFirst.group(2);
            String code = withPostalCode.matches() ? withPostalCode.group(2) : postalCodeFirst.group(1);
            String wanted = normalize(name);
            List<Commune> found = byPostalCode(code).stream().filter(c -> normalize(c.name()).equals(wanted)).toList();
            return only(place, found.isEmpty() ? named(name).stream()
                    .filter(c -> c.postalCodes().contains(code)).toList() : found);
        }
        return only(place, named(text));
    }

    private List<Commune> named(String name) {
        return lookup().byName.getOrDefault(normalize(name), List.of());
    }

    private static Commune only(String place, List<Commune> found) {
        if (found.isEmpty()) {
            throw new CommuneNotFoundException("No commune is called '" + place.strip() + "'", List.of());
        }
        List<Commune> communes = preferCommunes(found);
        if (communes.size() > 1) {
            List<Commune> candidates = communes.stream().sorted(Comparator.comparing(Commune::department)
                    .thenComparing(Commune::inseeCode)).limit(MAX_CANDIDATES).toList();
            throw new CommuneNotFoundException("Several communes are called '" + place.strip()
                    + "': add the department in brackets, e.g. '" + candidates.get(0).label()
                    + "', or give a postal code", candidates);
        }
        return communes.get(0);
    }

    /**
     * Suggestions for what a person is typing, most populous first, at most {@code limit}: communes whose name starts
     * with {@code text} (accents, case, hyphens and "St" do not matter), or whose postal code starts with it when it
     * is made of digits. Arrondissements are suggested only once the text has a digit ("Lyon 7").
     */
    public List<Commune> suggest(String text, int limit) {
        String query = text == null ? "" : text.strip();
        if (query.isEmpty() || limit <= 0) {
            return List.of();
        }
        Lookup table = lookup();
        String[] sortedPostalCodes = table.sortedPostalCodes;
        String[] sortedNames = table.sortedNames;
        Map<String, Commune> found = new LinkedHashMap<>();
        if (query.chars().allMatch(Character::isDigit)) {
            if (query.length() > 5) {
                return List.of();
            }
            int from = lowerBound(sortedPostalCodes, query);
            List<Commune> matches = new ArrayList<>();
            for (int i = from; i < sortedPostalCodes.length && sortedPostalCodes[i].startsWith(query); i++) {
                table.byPostalCode.get(sortedPostalCodes[i]).stream().filter(c -> !c.district()).forEach(matches::add);
            }
            matches.stream().sorted(BY_SIZE).forEach(c -> found.putIfAbsent(c.inseeCode(), c));
        } else {
            String prefix = normalize(query);
            if (prefix.isEmpty()) {
                return List.of();
            }
            boolean districts = query.chars().anyMatch(Character::isDigit);
            List<Commune> exact = new ArrayList<>();
            List<Commune> matches = new ArrayList<>();
            for (int i = lowerBound(sortedNames, prefix); i < sortedNames.length && sortedNames[i].startsWith(prefix); i++) {
                Commune commune = table.sortedCommunes[i];
                if (commune.district() && !districts) {
                    continue;
                }
                (sortedNames[i].equals(prefix) ? exact : matches).add(commune);
            }
            exact.stream().sorted(BY_SIZE).forEach(c -> found.put(c.inseeCode(), c));
            matches.stream().sorted(BY_SIZE).forEach(c -> found.putIfAbsent(c.inseeCode(), c));
        }
        return found.values().stream().limit(limit).toList();
    }

    private static int lowerBound(String[] sorted, String key) {
        int index = Arrays.binarySearch(sorted, key);
        if (index < 0) {
            return -index - 1;
        }
        while (index > 0 && sorted[index - 1].equals(key)) {
            index--;
        }
        return index;
    }

    /** Communes proper when there are some: "Paris" rather than its arrondissements. */
    private static List<Commune> preferCommunes(List<Commune> found) {
        List<Commune> communes = found.stream().filter(c -> !c.district()).toList();
        return communes.isEmpty() ? found : communes;
    }

    /**
     * Lowercase, without accents, with hyphens, apostrophes and "St" spelled out: "st-etienne" = "Saint-Étienne".
     * Written as one pass over the characters rather than a chain of regular expressions: it runs for each of the
     * ~39,000 names of the embedded table at every start, where the regular expressions cost over a second.
     */
    static String normalize(String name) {
        String text = name;
        if (!text.chars().allMatch(c -> c < 0x80)) {
            text = COMBINING_MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("");
        }
        text = text.toLowerCase(Locale.ROOT).replace("œ", "oe").replace("æ", "ae");
        StringBuilder folded = new StringBuilder(text.length());
        int wordStart = 0;
        boolean separator = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                if (separator && folded.length() > 0) {
                    spellOutSaint(folded, wordStart);
                    folded.append(' ');
                    wordStart = folded.length();
                }
                separator = false;
                folded.append(c);
            } else {
                separator = true;
            }
        }
        return folded.toString();
    }

    /** "st" and "ste" followed by another word are "saint" and "sainte". */
    private static void spellOutSaint(StringBuilder folded, int wordStart) {
        int length = folded.length() - wordStart;
        if ((length == 2 || length == 3) && folded.charAt(wordStart) == 's' && folded.charAt(wordStart + 1) == 't'
                && (length == 2 || folded.charAt(wordStart + 2) == 'e')) {
            folded.replace(wordStart, wordStart + 2, "saint");
        }
    }
}
