package fr.usinesouvertes.events.i18n;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class MessagesTest {

    private static final List<String> BUNDLES = List.of(Messages.EVENTS, Messages.COMPANY, Messages.CHECKIN);
    /** A string literal shaped like a message key: dotted words, e.g. {@code "registration.change.cancelled"}. */
    private static final Pattern KEY_LITERAL = Pattern.compile("\"([a-z][A-Za-z0-9]*(?:\\.[A-Za-z0-9]+)+)\"");
    /** Key-shaped literals that are not keys: file names, and form fields of numbered rows ({@code slot.0.start}). */
    private static final Pattern NOT_A_KEY = Pattern.compile(".*\\.(css|js|csv|ics|png|ftl|yaml|properties)|.*\\.[0-9]+(\\..*)?");

    @Test
    void everyBundleHasTheSameKeysInFrenchAndEnglish() {
        for (String bundle : BUNDLES) {
            Set<String> french = keys(bundle, Lang.FR);
            Set<String> english = keys(bundle, Lang.EN);
            assertThat(new TreeSet<>(english)).as("keys of %s_en", bundle).isEqualTo(new TreeSet<>(french));
        }
    }

    @Test
    void noBundleFileWritesAKeyTwice() {
        for (String bundle : BUNDLES) {
            for (Lang lang : Lang.values()) {
                Set<String> seen = new HashSet<>();
                List<String> twice = new ArrayList<>();
                for (String key : keyLines(bundle, lang)) {
                    if (!seen.add(key)) {
                        twice.add(key);
                    }
                }
                assertThat(twice).as("keys written twice in %s_%s", bundle, lang.code()).isEmpty();
            }
        }
    }

    /**
     * Every key-shaped literal of the module's code whose first word is a group of some bundle (so {@code
     * "registration.change.cancelled"}, not a file name), is a key of a bundle, in both languages.
     */
    @Test
    void everyKeyTheCodeUsesExists() throws IOException {
        Set<String> known = new HashSet<>();
        for (String bundle : BUNDLES) {
            known.addAll(keys(bundle, Lang.FR));
        }
        Set<String> groups = new HashSet<>();
        known.forEach(key -> groups.add(group(key)));
        Set<String> missing = new TreeSet<>();
        int used = 0;
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                if (file.getParent().endsWith("metrics")) {
                    continue; // meter names, such as events.mail.sent
                }
                Matcher literal = KEY_LITERAL.matcher(Files.readString(file, StandardCharsets.UTF_8));
                while (literal.find()) {
                    String key = literal.group(1);
                    if (groups.contains(group(key)) && !NOT_A_KEY.matcher(key).matches()) {
                        used++;
                        if (!known.contains(key)) {
                            missing.add(key + " (" + file.getFileName() + ")");
                        }
                    }
                }
            }
        }
        assertThat(used).as("keys found in the code").isGreaterThan(10);
        assertThat(missing).as("keys used in the code but in no bundle").isEmpty();
    }

    @Test
    void everyPatternParses() {
        for (String bundle : BUNDLES) {
            for (Lang lang : Lang.values()) {
                Messages.of(bundle, lang).all().forEach((key, text) -> {
                    if (text.matches("(?s).*\\{\\d.*")) {
                        new MessageFormat(text, lang.locale()); // throws on a broken pattern, naming it
                    }
                });
            }
        }
    }

    @Test
    void aMissingKeyFailsLoudly() {
        assertThatThrownBy(() -> Messages.of(Messages.EVENTS, Lang.FR).text("no.such.key"))
                .isInstanceOf(MissingResourceException.class).hasMessageContaining("no.such.key");
        assertThatThrownBy(() -> Message.of(Messages.COMPANY, "no.such.key", 1).en())
                .isInstanceOf(MissingResourceException.class);
    }

    @Test
    void patternsWritePlainNumbersApostrophesAndTextsInTheReadersLanguage() {
        Messages french = Messages.of(Messages.EVENTS, Lang.FR);
        assertThat(french.format("fieldError.outOfRange", 1, 5000)).isEqualTo("Indiquez un nombre entre 1 et 5000.");
        assertThat(french.format("api.tooLarge", 16)).isEqualTo("L'inscription dépasse 16 Ko.");
        assertThat(french.text("api.invalidLink")).isEqualTo("Lien d'inscription invalide ou expiré.");
        Message refusal = Message.of(Messages.EVENTS, "registration.change.slotNotAvailable",
                fr.usinesouvertes.events.edition.Audience.SCHOOL.label());
        assertThat(refusal.fr()).isEqualTo("Ce créneau ne prend pas d'inscriptions des groupes scolaires en ce moment.");
        assertThat(refusal.en()).isEqualTo("This slot does not take registrations from school groups now.");
    }

    @Test
    void aBundleIsReadOnce() {
        assertThat(Messages.of(Messages.CHECKIN, Lang.EN)).isSameAs(Messages.of(Messages.CHECKIN, Lang.EN));
    }

    private static String group(String key) {
        int dot = key.indexOf('.');
        return dot < 0 ? key : key.substring(0, dot);
    }

    private static Set<String> keys(String bundle, Lang lang) {
        Map<String, String> texts = Bundles.of(bundle, lang);
        assertThat(texts).as("%s_%s", bundle, lang.code()).isNotEmpty();
        return texts.keySet();
    }

    /** The keys as the file writes them, in order, duplicates included (a ResourceBundle keeps the last one). */
    private static List<String> keyLines(String bundle, Lang lang) {
        String resource = bundle + "_" + lang.code() + ".properties";
        try (var in = MessagesTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            List<String> keys = new ArrayList<>();
            boolean continued = false;
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String text = line.strip();
                boolean header = !continued && !text.isEmpty() && !text.startsWith("#") && !text.startsWith("!");
                if (header) {
                    int end = text.indexOf('=');
                    keys.add((end < 0 ? text : text.substring(0, end)).strip());
                }
                continued = text.endsWith("\\") && !text.endsWith("\\\\");
            }
            return keys;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
