package fr.usinesouvertes.platform.rendering;

import fr.usinesouvertes.platform.definition.Definitions;
import fr.usinesouvertes.platform.lightmodule.LightModuleOrigins;
import freemarker.core.Environment;
import freemarker.core.HTMLOutputFormat;
import freemarker.core.OutputFormat;
import freemarker.core.ParseException;
import freemarker.core.UndefinedOutputFormat;
import freemarker.core.TemplateClassResolver;
import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateDateModel;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.util.Locale;
import java.util.Map;

/**
 * FreeMarker set up as Magnolia's: square-bracket tags ({@code [#if]}, {@code [@cms.area /]}) with
 * {@code ${}} interpolations, HTML auto-escaping for {@code .ftl} files (but those written for Magnolia's classic
 * escaping, see {@link #template}), templates addressed by their
 * path from the light-modules root, dates formatted in the request's locale. The template cache is
 * emptied whenever definitions reload, and changed files are re-read on their next use.
 */
public final class TemplateEngine {

    private final Configuration configuration;
    /** The same set-up without auto-escaping, for the scripts in {@link #classicScripts}. */
    private final Configuration classic;
    private final java.util.Set<String> classicScripts = java.util.concurrent.ConcurrentHashMap.newKeySet();

    public TemplateEngine(LightModuleOrigins origins, Definitions definitions) {
        this(origins, definitions, java.time.ZoneId.of(
                fr.usinesouvertes.platform.config.CoreSettings.TIME_ZONE.defaultValue()));
    }

    /** {@code zone}: the site's time zone, in which templates show dates (never the server's default). */
    public TemplateEngine(LightModuleOrigins origins, Definitions definitions, java.time.ZoneId zone) {
        LightModuleTemplateLoader loader = new LightModuleTemplateLoader(origins, TemplateEngine.class.getClassLoader());
        configuration = configuration(zone, loader, HTMLOutputFormat.INSTANCE);
        classic = configuration(zone, loader, UndefinedOutputFormat.INSTANCE);
        definitions.onChange(registry -> {
            configuration.clearTemplateCache();
            classic.clearTemplateCache();
            classicScripts.clear();
        });
    }

    private static Configuration configuration(java.time.ZoneId zone, LightModuleTemplateLoader loader,
                                               OutputFormat outputFormat) {
        Configuration configuration = new Configuration(Configuration.VERSION_2_3_34);
        configuration.setTimeZone(java.util.TimeZone.getTimeZone(zone));
        configuration.setSQLDateAndTimeTimeZone(java.util.TimeZone.getTimeZone(zone));
        configuration.setTagSyntax(Configuration.SQUARE_BRACKET_TAG_SYNTAX);
        configuration.setInterpolationSyntax(Configuration.DOLLAR_INTERPOLATION_SYNTAX);
        configuration.setOutputFormat(outputFormat);
        configuration.setRecognizeStandardFileExtensions(true);
        configuration.setDefaultEncoding("UTF-8");
        configuration.setOutputEncoding("UTF-8");
        configuration.setLocale(Locale.FRANCE);
        configuration.setLocalizedLookup(false); // Magnolia templates are not localised by file name
        configuration.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        configuration.setLogTemplateExceptions(false);
        configuration.setWrapUncheckedExceptions(true);
        configuration.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
        configuration.setAPIBuiltinEnabled(false);
        configuration.setTemplateUpdateDelayMilliseconds(0); // edited light modules show at once
        configuration.setTemplateLoader(loader);
        ContentObjectWrapper wrapper = new ContentObjectWrapper();
        wrapper.setDefaultDateType(TemplateDateModel.DATETIME);
        configuration.setObjectWrapper(wrapper);
        return configuration;
    }

    /** Renders the template at {@code script} (path from the light-modules root) with the given variables. */
    public void render(String script, Map<String, Object> model, Locale locale, Writer out)
            throws IOException, TemplateException {
        Template template = template(script);
        Environment environment = template.createProcessingEnvironment(model, out);
        environment.setLocale(locale);
        environment.process();
    }

    /**
     * The parsed script: with HTML auto-escaping, or, for a script written for Magnolia's classic escaping (it escapes
     * itself with {@code ?html} or {@code [#escape]}, which FreeMarker refuses under auto-escaping), without it, as
     * Magnolia runs it. Such a script escapes what it outputs itself; the scripts it includes run its way too.
     */
    private Template template(String script) throws IOException {
        if (classicScripts.contains(script)) {
            return classic.getTemplate(script);
        }
        try {
            return configuration.getTemplate(script);
        } catch (ParseException e) {
            if (e.getMessage() == null || !e.getMessage().contains("legacy escaping")) {
                throw e;
            }
            Template template = classic.getTemplate(script);
            classicScripts.add(script);
            return template;
        }
    }

    /**
     * The text of a light-module file as it is, not run as a template (a front end's built {@code index.html}, whose
     * scripts may hold {@code ${...}}); empty when no module has it.
     */
    public java.util.Optional<String> fileText(String path) throws IOException {
        freemarker.cache.TemplateLoader loader = configuration.getTemplateLoader();
        Object source = loader.findTemplateSource(path);
        if (source == null) {
            return java.util.Optional.empty();
        }
        try (java.io.Reader reader = loader.getReader(source, "UTF-8")) {
            StringWriter text = new StringWriter();
            reader.transferTo(text);
            return java.util.Optional.of(text.toString());
        } finally {
            loader.closeTemplateSource(source);
        }
    }
}
