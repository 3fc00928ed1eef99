package fr.usinesouvertes.platform.lightmodule;

import fr.usinesouvertes.platform.definition.Definition;
import fr.usinesouvertes.platform.definition.DefinitionRegistry;
import fr.usinesouvertes.platform.definition.DefinitionType;
import fr.usinesouvertes.platform.definition.Problem;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads every light module into a {@link DefinitionRegistry}: each file of a definition folder becomes a
 * definition with id {@code <module>:<path in the type folder without .yaml>}; {@code !include} is resolved
 * while reading, then {@code !inherit}, then decorations (after all modules are read), then the typed
 * definitions are built. A broken file becomes a {@link Problem} with its path and line and is skipped;
 * everything else loads. {@code includes/} and non-definition folders are not scanned.
 */
public final class LightModuleLoader {

    private static final Logger LOG = LoggerFactory.getLogger(LightModuleLoader.class);

    private final LightModuleOrigins origins;
    private final ClassLoader classLoader;

    public LightModuleLoader(LightModuleOrigins origins) {
        this(origins, Thread.currentThread().getContextClassLoader() != null
                ? Thread.currentThread().getContextClassLoader() : LightModuleLoader.class.getClassLoader());
    }

    public LightModuleLoader(LightModuleOrigins origins, ClassLoader classLoader) {
        this.origins = origins;
        this.classLoader = classLoader;
    }

    public LightModuleOrigins origins() {
        return origins;
    }

    /** Folders of Magnolia features the platform does not implement: their definitions are reported, not read. */
    private static final Map<String, String> UNREAD_FOLDERS = Map.of(
            "traits", "personalization traits (traits/) are not implemented; the definition is not read");

    /** A fresh snapshot of every light module; problems are in it, never thrown (except I/O failures of the folder). */
    public DefinitionRegistry load() throws IOException {
        long started = System.nanoTime();
        Map<String, ModuleSource> modules = ModuleDiscovery.discover(origins, classLoader);
        DefinitionRegistry.Builder builder = DefinitionRegistry.builder();
        List<Problem> problems = new ArrayList<>();
        YamlReader reader = new YamlReader(path -> resolveInclude(modules, path));
        Map<String, ParsedDefinition> parsed = new LinkedHashMap<>();
        List<Decoration> decorations = new ArrayList<>();
        MessageBundles messages = new MessageBundles();
        for (ModuleSource module : modules.values()) {
            builder.module(ModuleDiscovery.describe(module, reader, problems));
            for (String file : module.files()) {
                readFile(module, file, reader, parsed, decorations, messages, problems);
            }
        }
        Map<String, Map<String, Object>> resolved = new InheritanceResolver(parsed, decorations, problems).resolveAll();
        Map<String, Map<String, Object>> restClients = restClients(parsed, resolved);
        resolved.forEach((key, yaml) -> register(parsed.get(key), yaml, builder, problems, restClients));
        applySitePrototype(builder, parsed, resolved, problems);
        builder.messages(messages.catalog());
        checkAppContentTypes(builder.build(), problems);
        problems.forEach(builder::problem);
        DefinitionRegistry registry = builder.build();
        LOG.info("Light modules loaded: {} modules, {} definition files, {} problems in {} ms", modules.size(),
                parsed.size(), problems.size(), (System.nanoTime() - started) / 1_000_000);
        problems.forEach(p -> LOG.warn("Light modules: {}", p));
        return registry;
    }

    private static void readFile(ModuleSource module, String file, YamlReader reader, Map<String, ParsedDefinition> parsed,
                                 List<Decoration> decorations, MessageBundles messages, List<Problem> problems) {
        int slash = file.indexOf('/');
        if (slash < 0) {
            return;
        }
        String folder = file.substring(0, slash);
        String source = module.sourceOf(file);
        if (folder.equals("i18n") && file.endsWith(".properties")) {
            messages.add(module, file, problems);
            return;
        }
        boolean yaml = file.endsWith(".yaml") || file.endsWith(".yml");
        Optional<DefinitionType> type = DefinitionType.ofFolder(folder);
        if (yaml && UNREAD_FOLDERS.containsKey(folder)) {
            problems.add(Problem.warning(source, 0, module.name() + ":" + file.substring(slash + 1)
                    .replaceFirst("\\.ya?ml$", ""), "unsupported: " + UNREAD_FOLDERS.get(folder)));
            return;
        }
        if (!yaml || (type.isEmpty() && !folder.equals("decorations"))) {
            return;
        }
        String id = type.isEmpty() ? null
                : module.name() + ":" + file.substring(slash + 1).replaceFirst("\\.ya?ml$", "");
        try {
            String text = module.read(file).orElse("");
            if (folder.equals("decorations")) {
                readDecoration(file, source, text, reader, decorations, problems);
                return;
            }
            YamlDocument document = reader.read(source, text);
            String key = ParsedDefinition.key(type.get(), id);
            if (parsed.containsKey(key)) {
                problems.add(Problem.warning(source, 0, id, "duplicate definition id; "
                        + parsed.get(key).source() + " is used"));
                return;
            }
            parsed.put(key, new ParsedDefinition(id, type.get(), source, document));
        } catch (DefinitionException e) {
            problems.add(Problem.error(e.source(), e.line(), id, e.getMessage() + (e.source().equals(source)
                    ? "" : " (read for " + source + ")")));
        } catch (IOException e) {
            problems.add(Problem.error(source, 0, null, "cannot read: " + e.getMessage()));
        }
    }

    private static void readDecoration(String file, String source, String text, YamlReader reader,
                                       List<Decoration> decorations, List<Problem> problems) throws DefinitionException {
        Optional<Decoration.Target> target = Decoration.target(file);
        if (target.isEmpty()) {
            problems.add(Problem.warning(source, 0, null,
                    "unsupported: decoration of a module configuration or of an unknown definition type"));
            return;
        }
        Object value = reader.readValue(source, text);
        decorations.add(new Decoration(target.get().id(), target.get().type(), target.get().subPath(), source, 1, value));
    }

    private static Optional<YamlReader.IncludedFile> resolveInclude(Map<String, ModuleSource> modules, String path)
            throws DefinitionException {
        String trimmed = path.startsWith("/") ? path.substring(1) : path;
        int slash = trimmed.indexOf('/');
        ModuleSource module = slash < 0 ? null : modules.get(trimmed.substring(0, slash));
        if (module == null) {
            return Optional.empty();
        }
        String relative = trimmed.substring(slash + 1);
        try {
            return module.read(relative).map(text -> new YamlReader.IncludedFile(module.sourceOf(relative), text));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * The REST clients ({@code restClients/<name>.yaml}) by name, as webhooks name them: the file's name; the first
     * module's when two have the same.
     */
    private static Map<String, Map<String, Object>> restClients(Map<String, ParsedDefinition> parsed,
                                                                Map<String, Map<String, Object>> resolved) {
        Map<String, Map<String, Object>> clients = new LinkedHashMap<>();
        resolved.forEach((key, yaml) -> {
            ParsedDefinition definition = parsed.get(key);
            if (definition.type() == DefinitionType.REST_CLIENT) {
                String id = definition.id();
                clients.putIfAbsent(id.substring(Math.max(id.lastIndexOf(':'), id.lastIndexOf('/')) + 1), yaml);
            }
        });
        return clients;
    }

    private static void register(ParsedDefinition parsed, Map<String, Object> yaml, DefinitionRegistry.Builder builder,
                                 List<Problem> problems, Map<String, Map<String, Object>> restClients) {
        DefinitionContext context = new DefinitionContext(parsed.id(), parsed.source(), parsed.document(), problems);
        Map<String, Object> scanned = yaml;
        if (parsed.type() == DefinitionType.REST_ENDPOINT) {
            // the endpoint's own type is the endpoint reader's to report: an error, the endpoint not being served
            scanned = new java.util.LinkedHashMap<>(yaml);
            scanned.remove("class");
            scanned.remove("$type");
        }
        UnsupportedClassScanner.scan(scanned, "", context);
        String directive = parsed.document().directive();
        String contentType = null;
        if (directive != null && directive.startsWith(AppReader.DIRECTIVE)) {
            if (parsed.type() == DefinitionType.APP) {
                contentType = directive.substring(AppReader.DIRECTIVE.length()).trim();
            } else {
                context.warning("", "!content-type: is for apps only; ignored");
            }
        }
        builder.definition(new Definition(parsed.id(), parsed.type(), parsed.source(), yaml));
        TypedDefinitions.register(parsed.type(), yaml, contentType, context, builder, restClients);
    }

    /**
     * Merges the site's template prototype ({@code templates.prototype} of the site a request without a known host
     * gets, see {@link DefinitionRegistry#site}) into every page template, the template winning, as Magnolia's Site
     * module applies it: a module's page gets the site's areas, their scripts and available components without
     * naming the site's files; a page template of {@code renderType: site} renders as the prototype's render type. The raw
     * definitions stay as written.
     */
    private static void applySitePrototype(DefinitionRegistry.Builder builder, Map<String, ParsedDefinition> parsed,
                                           Map<String, Map<String, Object>> resolved, List<Problem> problems) {
        DefinitionRegistry registry = builder.build();
        Map<String, Object> prototype = registry.site(null)
                .map(site -> Values.map(Values.map(site.raw(), "templates"), "prototype")).orElse(Map.of());
        if (prototype.isEmpty()) {
            return;
        }
        resolved.forEach((key, yaml) -> {
            ParsedDefinition definition = parsed.get(key);
            if (definition.type() != DefinitionType.TEMPLATE
                    || registry.template(definition.id()).map(t -> !t.isPage()).orElse(true)) {
                return;
            }
            List<Problem> found = new ArrayList<>();
            DefinitionContext context = new DefinitionContext(definition.id(), definition.source(), definition.document(),
                    found);
            Map<String, Object> merged = new java.util.LinkedHashMap<>(YamlMerge.mergeMaps(prototype, yaml));
            if ("site".equals(merged.get("renderType"))) {
                // Magnolia's renderType: site renders as the site's prototype says (FreeMarker unless it says otherwise)
                Object byPrototype = prototype.get("renderType");
                merged.put("renderType", byPrototype == null || "site".equals(byPrototype) ? "freemarker" : byPrototype);
            }
            builder.template(TemplateReader.read(merged, context));
            found.stream().filter(p -> !problems.contains(p)).forEach(problems::add); // the first reading reported the rest
        });
    }

    private static void checkAppContentTypes(DefinitionRegistry registry, List<Problem> problems) {
        registry.apps().stream().filter(app -> app.contentType() != null)
                .filter(app -> registry.contentType(app.contentType()).isEmpty())
                .forEach(app -> problems.add(Problem.warning(registry.definition(DefinitionType.APP, app.id()).orElseThrow().source(), 1, app.id(),
                        "app generated from an unknown content type: " + app.contentType())));
    }
}
