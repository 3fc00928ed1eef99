package fr.usinesouvertes.platform.admin;

import fr.usinesouvertes.platform.module.AdminApp;
import freemarker.cache.ClassTemplateLoader;
import freemarker.cache.MultiTemplateLoader;
import freemarker.cache.TemplateLoader;
import freemarker.core.HTMLOutputFormat;
import freemarker.core.TemplateClassResolver;
import freemarker.template.Configuration;
import freemarker.template.DefaultObjectWrapperBuilder;
import freemarker.template.TemplateExceptionHandler;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The back office of one platform: its registered apps and the FreeMarker configuration that renders
 * class-path templates under {@code admin-templates/} (square-bracket syntax, HTML auto-escaping).
 */
public final class AdminShell {

    static final String TEMPLATE_ROOT = "admin-templates";

    private final List<AdminApp> apps;
    private final Configuration templates;
    private final AdminPages pages;

    public AdminShell(List<AdminApp> apps) {
        this.apps = List.copyOf(apps);
        this.templates = configuration(apps);
        this.pages = new AdminPages(this);
    }

    public List<AdminApp> apps() {
        return apps;
    }

    Optional<AdminApp> app(String name) {
        return apps.stream().filter(app -> app.name().equals(name)).findFirst();
    }

    Configuration templates() {
        return templates;
    }

    /** What {@link fr.usinesouvertes.platform.module.AdminViews} renders with, put on every request by the filters. */
    AdminPages pages() {
        return pages;
    }

    private static Configuration configuration(List<AdminApp> apps) {
        Configuration configuration = new Configuration(Configuration.VERSION_2_3_34);
        configuration.setTagSyntax(Configuration.SQUARE_BRACKET_TAG_SYNTAX);
        configuration.setInterpolationSyntax(Configuration.DOLLAR_INTERPOLATION_SYNTAX);
        configuration.setOutputFormat(HTMLOutputFormat.INSTANCE);
        configuration.setRecognizeStandardFileExtensions(true);
        configuration.setDefaultEncoding("UTF-8");
        configuration.setOutputEncoding("UTF-8");
        configuration.setLocale(Locale.FRANCE);
        configuration.setLocalizedLookup(false);
        configuration.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        configuration.setLogTemplateExceptions(false);
        configuration.setWrapUncheckedExceptions(true);
        configuration.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
        configuration.setAPIBuiltinEnabled(false);
        configuration.setObjectWrapper(new DefaultObjectWrapperBuilder(Configuration.VERSION_2_3_34).build());
        // Apps may come from other class loaders (modules discovered in their own jars).
        Set<ClassLoader> loaders = new LinkedHashSet<>();
        loaders.add(AdminShell.class.getClassLoader());
        apps.forEach(app -> loaders.add(app.servlet().getClass().getClassLoader()));
        List<TemplateLoader> templateLoaders = new ArrayList<>();
        loaders.forEach(loader -> templateLoaders.add(new ClassTemplateLoader(loader, TEMPLATE_ROOT)));
        configuration.setTemplateLoader(new MultiTemplateLoader(templateLoaders.toArray(TemplateLoader[]::new)));
        return configuration;
    }
}
