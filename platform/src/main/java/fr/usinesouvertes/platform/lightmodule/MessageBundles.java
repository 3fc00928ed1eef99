package fr.usinesouvertes.platform.lightmodule;

import fr.usinesouvertes.platform.definition.MessageCatalog;
import fr.usinesouvertes.platform.definition.Problem;
import java.io.IOException;
import java.io.StringReader;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Collects the i18n bundles of light modules ({@code i18n/*.properties}, read as UTF-8) into one
 * {@link MessageCatalog}: {@code <module>-messages_<lang>.properties} and {@code <lang>.properties} by
 * language, {@code <module>-messages.properties} as the bundle without language. A later module's key
 * replaces an earlier one's (folder modules load after class-path modules).
 */
final class MessageBundles {

    private static final Pattern SUFFIXED = Pattern.compile("^.+_([a-z]{2,3}(?:_[A-Z]{2})?)$");
    private static final Pattern LANGUAGE_ONLY = Pattern.compile("^([a-z]{2,3}(?:_[A-Z]{2})?)$");

    private final Map<String, Map<String, String>> byLanguage = new HashMap<>();

    void add(ModuleSource module, String relativePath, List<Problem> problems) {
        String fileName = relativePath.substring(relativePath.lastIndexOf('/') + 1);
        String base = fileName.substring(0, fileName.length() - ".properties".length());
        try {
            Optional<String> text = module.read(relativePath);
            if (text.isEmpty()) {
                return;
            }
            Properties properties = new Properties();
            properties.load(new StringReader(text.get()));
            Map<String, String> messages = byLanguage.computeIfAbsent(language(base), l -> new LinkedHashMap<>());
            properties.stringPropertyNames().forEach(key -> messages.put(key, properties.getProperty(key)));
        } catch (IOException | IllegalArgumentException e) {
            problems.add(Problem.error(module.sourceOf(relativePath), 0, null, "cannot read message bundle: " + e.getMessage()));
        }
    }

    static String language(String baseName) {
        Matcher suffixed = SUFFIXED.matcher(baseName);
        if (suffixed.matches()) {
            return suffixed.group(1);
        }
        Matcher languageOnly = LANGUAGE_ONLY.matcher(baseName);
        return languageOnly.matches() ? languageOnly.group(1) : MessageCatalog.BASE;
    }

    MessageCatalog catalog() {
        return new MessageCatalog(byLanguage);
    }
}
