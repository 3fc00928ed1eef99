package fr.usinesouvertes.platform.lightmodule;

import fr.usinesouvertes.platform.definition.CorsRule;
import fr.usinesouvertes.platform.definition.SiteDefinition;
import fr.usinesouvertes.platform.definition.SiteDefinition.SiteLanguages;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads a site definition ({@code sites/<name>.yaml}) with the properties of Magnolia's Site module: {@code name},
 * {@code mappings.website.handlePrefix} (the root page; default {@code /<name>}), {@code domains.<x>.name},
 * {@code i18n} ({@code enabled}, {@code locales.<x>} with {@code language}/{@code country} or {@code languageTag},
 * {@code defaultLocale}, {@code fallbackLocale}) and {@code cors}. A definition nested under {@code site:}, as in a
 * decoration of the Site module's configuration, is read the same way.
 */
final class SiteReader {

    private static final Pattern PAGE_PATH = Pattern.compile("(/[^/\\[\\]|*:]+)+");

    private SiteReader() {
    }

    static SiteDefinition read(Map<String, Object> yaml, DefinitionContext context) {
        Map<String, Object> raw = yaml.get("site") instanceof Map<?, ?> ? Values.map(yaml, "site") : yaml;
        String fileName = context.id().substring(context.id().lastIndexOf(':') + 1);
        String name = Values.string(raw, "name", fileName.substring(fileName.lastIndexOf('/') + 1));
        return new SiteDefinition(context.id(), name, rootPath(raw, name, context), domains(raw),
                languages(raw, context), cors(raw, context), raw);
    }

    private static String rootPath(Map<String, Object> raw, String name, DefinitionContext context) {
        Map<String, Object> website = Values.map(Values.map(raw, "mappings"), "website");
        String prefix = Values.string(website, "handlePrefix");
        if (prefix != null && !prefix.isBlank() && !prefix.equals("/")) {
            String path = prefix.trim().replaceAll("/+$", "");
            if (!PAGE_PATH.matcher(path).matches()) {
                context.error("mappings", "handlePrefix '" + prefix + "' is not a page path such as /my-site");
                return null;
            }
            return path;
        }
        return name.equals(SiteDefinition.FALLBACK) || !PAGE_PATH.matcher("/" + name).matches() ? null : "/" + name;
    }

    private static List<String> domains(Map<String, Object> raw) {
        List<String> domains = new ArrayList<>();
        Values.named(raw.get("domains")).forEach((key, domain) -> domains.add(Values.string(domain, "name", key)));
        return domains;
    }

    private static SiteLanguages languages(Map<String, Object> raw, DefinitionContext context) {
        Map<String, Object> i18n = Values.map(raw, "i18n");
        if (i18n.isEmpty()) {
            return SiteLanguages.DEFAULT;
        }
        List<String> locales = new ArrayList<>();
        Values.named(i18n.get("locales")).forEach((key, locale) -> {
            if (!Values.bool(locale, "enabled", true)) {
                return;
            }
            String tag = Values.string(locale, "languageTag");
            String language = tag != null ? tag.replace('-', '_') : Values.string(locale, "language", key);
            String country = tag != null ? null : Values.string(locale, "country");
            locales.add(country == null || country.isBlank() ? language : language + "_" + country);
        });
        if (locales.isEmpty()) {
            context.warning("i18n", "i18n names no enabled locale; the site uses French and English");
            return SiteLanguages.DEFAULT;
        }
        String defaultLocale = locale(i18n, "defaultLocale", locales.get(0));
        if (!locales.contains(defaultLocale)) {
            context.warning("i18n", "defaultLocale '" + defaultLocale + "' is not among the enabled locales " + locales);
            defaultLocale = locales.get(0);
        }
        List<String> ordered = new ArrayList<>(locales);
        ordered.remove(defaultLocale);
        ordered.add(0, defaultLocale);
        return new SiteLanguages(Values.bool(i18n, "enabled", false), ordered, defaultLocale,
                locale(i18n, "fallbackLocale", defaultLocale));
    }

    private static String locale(Map<String, Object> i18n, String key, String fallback) {
        String value = Values.string(i18n, key);
        return value == null || value.isBlank() ? fallback : value.trim().replace('-', '_');
    }

    private static List<CorsRule> cors(Map<String, Object> raw, DefinitionContext context) {
        List<CorsRule> rules = new ArrayList<>();
        Values.named(raw.get("cors")).forEach((name, cors) -> {
            List<Pattern> uris = new ArrayList<>();
            Values.named(cors.get("uris")).forEach((uriName, uri) -> {
                String pattern = Values.string(uri, "patternString");
                if (pattern == null) {
                    context.warning("cors", "cors '" + name + "': uri '" + uriName + "' has no patternString; ignored");
                } else {
                    uris.add(CorsRule.uriPattern(pattern.trim()));
                }
            });
            List<String> origins = Values.strings(cors, "allowedOrigins");
            if (origins.isEmpty()) {
                context.warning("cors", "cors '" + name + "' allows no origin (allowedOrigins); it has no effect");
            }
            boolean credentials = Values.bool(cors, "supportsCredentials", false);
            if (credentials && origins.contains("*")) {
                // Any site could then read answers made with the visitor's session: refused, not guessed around.
                context.error("cors", "cors '" + name + "': supportsCredentials is refused with allowedOrigins '*'; "
                        + "name the origins allowed to send credentials");
                credentials = false;
            }
            rules.add(new CorsRule(name, uris, origins, Values.strings(cors, "allowedMethods"),
                    Values.strings(cors, "allowedHeaders"), Values.strings(cors, "exposedHeaders"), credentials,
                    Values.integer(cors, "maxAge", 1800)));
        });
        return rules;
    }
}
