package fr.usinesouvertes.platform.rendering;

import fr.usinesouvertes.platform.definition.DefinitionRegistry;
import fr.usinesouvertes.platform.definition.SiteDefinition;
import fr.usinesouvertes.platform.definition.DefinitionType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code sitefn}: the site and its theme. The site is the request's (see {@link RenderContext#site()}); without
 * one it is {@code default}, in French then English, with no theme. A theme is the {@code themes/}
 * definition of the site's {@code theme.name}: its {@code cssFiles} and {@code jsFiles}, each an entry
 * with a {@code link} (given as a list or as a map of named entries).
 */
public final class SiteFunctions {

    private final DefinitionRegistry registry;
    private final Optional<SiteDefinition> site;

    SiteFunctions(DefinitionRegistry registry, Optional<SiteDefinition> site) {
        this.registry = registry;
        this.site = site;
    }

    public Site site() {
        return site(null);
    }

    /** The request's site (the content argument exists for Magnolia compatibility: a request has one site). */
    public Site site(Object content) {
        return site.map(definition -> new Site(definition.name(), definition.raw()))
                .orElseGet(() -> new Site("default", Map.of()));
    }

    public Theme theme() {
        return theme(site());
    }

    public Theme theme(Site site) {
        String name = site == null ? null : site.getThemeName();
        if (name == null) {
            return new Theme(null, Map.of());
        }
        return registry.definitions().values().stream()
                .filter(d -> d.type() == DefinitionType.THEME)
                .filter(d -> d.path().equals(name) || name.equals(d.properties().get("name")))
                .findFirst()
                .map(d -> new Theme(name, d.properties()))
                .orElse(new Theme(name, Map.of()));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> cast(Map<?, ?> map) {
        return (Map<String, Object>) map;
    }

    /** A site as {@code sitefn.site()} returns it. */
    public static final class Site {
        private final String name;
        private final Map<String, Object> properties;

        Site(String name, Map<String, Object> properties) {
            this.name = name;
            this.properties = properties;
        }

        public String getName() {
            return name;
        }

        public Map<String, Object> getParameters() {
            return properties.get("parameters") instanceof Map<?, ?> map ? cast(map) : Map.of();
        }

        public Map<String, Object> getTheme() {
            return properties.get("theme") instanceof Map<?, ?> map ? cast(map) : Map.of();
        }

        String getThemeName() {
            Object theme = properties.get("theme");
            if (theme instanceof Map<?, ?> map) {
                return map.get("name") == null ? null : map.get("name").toString();
            }
            return theme == null ? null : theme.toString();
        }

        public I18n getI18n() {
            return new I18n(properties.get("i18n") instanceof Map<?, ?> map ? cast(map) : Map.of());
        }
    }

    /** The languages of a site; French and English when not configured. */
    public static final class I18n {
        private final Map<String, Object> properties;

        I18n(Map<String, Object> properties) {
            this.properties = properties;
        }

        public boolean isEnabled() {
            return !Boolean.FALSE.equals(properties.get("enabled"));
        }

        public List<Locale> getLocales() {
            Object configured = properties.get("locales");
            List<Locale> locales = new ArrayList<>();
            if (configured instanceof Map<?, ?> map) {
                for (Map.Entry<?, ?> entry : map.entrySet()) {
                    Map<String, Object> locale = entry.getValue() instanceof Map<?, ?> m ? cast(m) : Map.of();
                    if (!Boolean.FALSE.equals(locale.get("enabled"))) {
                        Object language = locale.getOrDefault("language", entry.getKey());
                        Object country = locale.getOrDefault("country", "");
                        locales.add(new Locale(language.toString(), country == null ? "" : country.toString()));
                    }
                }
            }
            return locales.isEmpty() ? List.of(Locale.FRENCH, Locale.ENGLISH) : locales;
        }

        public Locale getDefaultLocale() {
            Object configured = properties.get("defaultLocale");
            return configured != null ? Locale.forLanguageTag(configured.toString().replace('_', '-')) : getLocales().get(0);
        }

        public Locale getFallbackLocale() {
            Object configured = properties.get("fallbackLocale");
            return configured != null ? Locale.forLanguageTag(configured.toString().replace('_', '-')) : getDefaultLocale();
        }
    }

    /** A theme as {@code sitefn.theme(site)} returns it: {@code cssFiles} and {@code jsFiles}, each with a {@code link}. */
    public static final class Theme {
        private final String name;
        private final Map<String, Object> properties;

        Theme(String name, Map<String, Object> properties) {
            this.name = name;
            this.properties = properties;
        }

        public String getName() {
            return name;
        }

        public List<Map<String, Object>> getCssFiles() {
            return files("cssFiles");
        }

        /**
         * The width of the theme's image variation {@code name} ({@code imaging.variations.<name>.width}, Magnolia's
         * {@code SimpleResizeVariation}), or null when the theme has no such variation or it gives no width.
         */
        public Integer variationWidth(String name) {
            Object imaging = properties.get("imaging");
            Object variations = imaging instanceof Map<?, ?> map ? map.get("variations") : null;
            Object variation = variations instanceof Map<?, ?> map ? map.get(name) : null;
            Object width = variation instanceof Map<?, ?> map ? map.get("width") : null;
            try {
                return width == null ? null : Integer.valueOf(width.toString().trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }

        public List<Map<String, Object>> getJsFiles() {
            return files("jsFiles");
        }

        private List<Map<String, Object>> files(String key) {
            Object files = properties.get(key);
            Collection<?> entries = files instanceof Map<?, ?> map ? map.values()
                    : files instanceof Collection<?> list ? list : List.of();
            List<Map<String, Object>> result = new ArrayList<>();
            for (Object entry : entries) {
                if (entry instanceof Map<?, ?> map) {
                    result.add(new LinkedHashMap<>(cast(map)));
                } else if (entry != null) {
                    result.add(Map.of("link", entry.toString()));
                }
            }
            return result;
        }
    }
}
